import Taro from '@tarojs/taro';
import type { NoticeItem } from '@bangfu/types/api/notices';
import { api, call } from './client';
import { markRead, refreshUnread } from './notices';

/** 1044: opened from a card shared into a group, with a share ticket (WeChat scene values). */
const GROUP_CARD_SCENE = 1044;
/** A share ticket is counted once per launch, not again on every revisit of the page. */
const counted = new Set<string>();

async function openFromGroup(noticeId: string): Promise<NoticeItem | null> {
  const enter = Taro.getEnterOptionsSync();
  if (enter.scene !== GROUP_CARD_SCENE || !enter.shareTicket || counted.has(enter.shareTicket)) return null;
  counted.add(enter.shareTicket);
  const info = (await Taro.getGroupEnterInfo({})) as { cloudID?: string };
  if (!info.cloudID) return null;
  // Top-level CloudID: WeChat swaps it for the open data; the server decrypts the cloudID itself.
  // Not `api.notices.recordGroupOpen`: the function fills the input's groupCloudId from that field.
  const item = (await call('notices', 'recordGroupOpen', { noticeId }, { groupInfo: Taro.cloud.CloudID(info.cloudID) })) as NoticeItem;
  refreshUnread().catch(() => undefined);
  return item;
}

export async function recordOpen(noticeId: string, _query: Record<string, string | undefined>): Promise<NoticeItem> {
  try {
    const fromGroup = await openFromGroup(noticeId);
    if (fromGroup) return fromGroup;
  } catch {
    // The group could not be resolved (old WeChat, expired ticket): still count the read itself.
  }
  return markRead(noticeId, { via: 'app' });
}

let prompt: { templateId: string; credits: number } | null = null;
let asked = false;

export function prepareSubscription(): void {
  if (prompt) return;
  api.notices
    .subscription()
    .then((info) => {
      prompt = info;
    })
    .catch(() => undefined);
}

/** requestSubscribeMessage works only inside a tap: no network call may come before it. */
export async function askSubscription(): Promise<void> {
  if (asked || !prompt || prompt.credits > 0) return;
  asked = true;
  const { templateId } = prompt;
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] })) as unknown as Record<string, string>;
    const accepted = res[templateId] === 'accept';
    prompt = await api.notices.subscribe({ accepted });
  } catch {
    // Declined or unsupported: the person still gets notices in the app.
  }
}
