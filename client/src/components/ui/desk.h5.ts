import { useEffect, useState } from 'react';
import { DESK_MIN_WIDTH } from './select/types';

const QUERY = `(min-width: ${DESK_MIN_WIDTH}px)`;
const deskNow = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;

/**
 * Whether the H5 page is on a desk-wide screen (≥ 1024 px), following the window when it is
 * resized: the desk controls (select lists, tables) switch on it. H5 only; the mini program is a phone.
 */
export function useDesk(): boolean {
  const [desk, setDesk] = useState(deskNow);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const media = window.matchMedia(QUERY);
    const follow = () => setDesk(media.matches);
    media.addEventListener('change', follow);
    follow();
    return () => media.removeEventListener('change', follow);
  }, []);
  return desk;
}
