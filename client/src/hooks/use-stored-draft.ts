import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '@bangfu/types';
import { discard, takeBack } from '@/services/offline-queue';
import { uuid } from '@/services/request-id';

/** A form that becomes one queued write: `id` is that write's idempotency id. */
export interface DraftBase {
  id: string;
}

/**
 * The stored draft under `key`, field by field over `blank`: a field missing or of another type
 * (a draft saved by an older version of the form) takes the blank's value, and the id is kept.
 */
export function loadDraft<T extends DraftBase>(key: string, blank: () => T): T {
  const fresh = blank();
  let saved: unknown = null;
  try {
    const raw: unknown = Taro.getStorageSync(key);
    saved = typeof raw === 'string' ? (raw ? JSON.parse(raw) : null) : raw;
  } catch {
    return fresh;
  }
  if (!saved || typeof saved !== 'object') return fresh;
  const out: Record<string, unknown> = { ...(fresh as Record<string, unknown>) };
  for (const [k, value] of Object.entries(saved as Record<string, unknown>)) {
    if (!(k in fresh)) continue;
    const want = (fresh as Record<string, unknown>)[k];
    // A blank null (no category picked, no location yet) takes whatever was stored.
    const sameKind = want === null ? value !== undefined : Array.isArray(want) ? Array.isArray(value) : typeof value === typeof want && !Array.isArray(value);
    if (sameKind && (k !== 'id' || value)) out[k] = value;
  }
  return out as T;
}

/**
 * A form's state kept in storage as it is typed (UX.md: leaving the page or a crash never loses
 * input), together with the id of the write it becomes. The id is made with the blank draft and
 * kept until the draft is cleared, so a draft restored after the app was killed mid-send goes out
 * under the same id and the server stores it once.
 *
 * `refused` applies the one rule for a refused write: the draft stays, to be fixed and sent again
 * under its id (which replaces the refused item in the queue, where it stays visible with the
 * reason until then). Only a CONFLICT spends the id (the server holds a different write under it):
 * the draft then takes a new id and the refused copy goes, since the draft holds all it had.
 */
export function useStoredDraft<T extends DraftBase>(key: string, blank: () => T) {
  const [draft, setDraft] = useState<T>(() => loadDraft(key, blank));
  // The latest draft between renders: two quick updates (a tap, then a typed character) both count.
  const current = useRef(draft);

  const replace = (next: T) => {
    current.current = next;
    Taro.setStorageSync(key, next);
    setDraft(next);
  };
  const update = (patch: Partial<T>) => replace({ ...current.current, ...patch });
  const clear = () => {
    Taro.removeStorageSync(key);
    const next = blank();
    current.current = next;
    setDraft(next);
  };
  const refused = (error: ApiError) => {
    if (error.code !== 'CONFLICT') return;
    discard(current.current.id);
    update({ id: uuid() } as Partial<T>);
  };
  return { draft, update, replace, clear, refused };
}

/**
 * 修改 from a list of refused writes: opening the form with `?fix=<id>` moves that write out of
 * the queue into the draft (see `takeBack`), through `toDraft`; a spent id (CONFLICT) is renewed.
 */
export function useRestoreRefused<T extends DraftBase>(
  fixId: string | undefined,
  toDraft: (payload: Record<string, unknown>) => T,
  replace: (draft: T) => void,
) {
  useEffect(() => {
    if (!fixId) return;
    const item = takeBack(fixId);
    if (!item) return;
    const restored = toDraft(item.payload);
    replace(item.error?.code === 'CONFLICT' ? { ...restored, id: uuid() } : restored);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening: the item has left the queue for the draft
  }, [fixId]);
}
