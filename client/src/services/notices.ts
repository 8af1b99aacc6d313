import { useEffect, useState } from 'react';
import type { NoticeItem } from '@bangfu/types/api/notices';
import { api } from './client';

/** The unread count behind the 通知 tab's badge, shared by every page's tab bar. */
let unread: number | null = null;
const listeners = new Set<(n: number) => void>();

function setUnread(n: number) {
  unread = Math.max(0, n);
  listeners.forEach((l) => l(unread!));
}

export async function refreshUnread(): Promise<number> {
  const { count } = await api.notices.unreadCount();
  setUnread(count);
  return count;
}

/** Tab bar hook: the last known count at once, refreshed from the server when a page mounts. */
export function useUnreadNotices(enabled: boolean): number {
  const [n, setN] = useState(unread ?? 0);
  useEffect(() => {
    if (!enabled) return undefined;
    listeners.add(setN);
    refreshUnread().catch(() => undefined);
    return () => {
      listeners.delete(setN);
    };
  }, [enabled]);
  return n;
}

/** Opening (or acknowledging) a notice; the badge drops by one when this was the first open. */
export async function markRead(noticeId: string, options: { ack?: boolean; via?: 'app' | 'link' } = {}): Promise<NoticeItem> {
  const item = await api.notices.markRead({ noticeId, ...options });
  refreshUnread().catch(() => undefined);
  return item;
}
