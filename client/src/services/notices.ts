import { useEffect, useState } from 'react';
import { noticesApi } from '@bangfu/types';
import type { ActionInput } from '@bangfu/types';
import type { NoticeItem, NoticeStats } from '@bangfu/types/api/notices';
import type { Notice, OutboxMessage } from '@bangfu/types';
import { call } from './api';

export type { NoticeItem, NoticeStats };

/** The unread count behind the 通知 tab's badge, shared by every page's tab bar. */
let unread: number | null = null;
const listeners = new Set<(n: number) => void>();

function setUnread(n: number) {
  unread = Math.max(0, n);
  listeners.forEach((l) => l(unread!));
}

export async function refreshUnread(): Promise<number> {
  const { count } = await call(noticesApi, 'unreadCount', {});
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

export function listNotices(box: 'inbox' | 'manage' = 'inbox', offset = 0) {
  return call(noticesApi, 'list', { box, offset, limit: 50 });
}

export function getNotice(noticeId: string) {
  return call(noticesApi, 'get', { noticeId });
}

/** Opening (or acknowledging) a notice; the badge drops by one when this was the first open. */
export async function markRead(noticeId: string, options: { ack?: boolean; via?: 'app' | 'link' } = {}): Promise<NoticeItem> {
  const item = await call(noticesApi, 'markRead', { noticeId, ...options });
  refreshUnread().catch(() => undefined);
  return item;
}

export type NoticeDraft = ActionInput<typeof noticesApi, 'publish'>;

export function publishNotice(input: NoticeDraft): Promise<Notice> {
  return call(noticesApi, 'publish', input);
}

export function saveDraft(input: NoticeDraft): Promise<Notice> {
  return call(noticesApi, 'saveDraft', input);
}

export function revokeNotice(noticeId: string): Promise<Notice> {
  return call(noticesApi, 'revoke', { noticeId });
}

export function noticeStats(noticeId: string): Promise<NoticeStats> {
  return call(noticesApi, 'stats', { noticeId });
}

export function remind(noticeId: string) {
  return call(noticesApi, 'remind', { noticeId });
}

export function labelGroup(groupId: string, label: string) {
  return call(noticesApi, 'labelGroup', { groupId, label });
}

export function listOutbox(offset = 0): Promise<{ items: OutboxMessage[]; total: number }> {
  return call(noticesApi, 'listOutbox', { offset, limit: 50 });
}

export function subscriptionInfo() {
  return call(noticesApi, 'subscription', {});
}

export function recordSubscription(accepted: boolean) {
  return call(noticesApi, 'subscribe', { accepted });
}

export function audienceOptions() {
  return call(noticesApi, 'audienceOptions', {});
}
