import type { NoticeItem } from '@bangfu/types/api/notices';
import { markRead } from './notices';

/** A notice opened from a shared link or its QR code carries `from=link`, counted as a link open. */
export function recordOpen(noticeId: string, query: Record<string, string | undefined>): Promise<NoticeItem> {
  return markRead(noticeId, { via: query.from === 'link' ? 'link' : 'app' });
}

/** The browser has no WeChat subscription messages. */
export function prepareSubscription(): void {}

export async function askSubscription(): Promise<void> {}
