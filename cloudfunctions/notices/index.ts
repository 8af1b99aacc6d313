import { noticesApi } from '../../types/api/notices';
import { handler } from '../core/handler';
import * as notices from '../core/notices/notice.service';
import * as inbox from '../core/notices/inbox.service';
import * as delivery from '../core/notices/delivery.service';
import * as stats from '../core/notices/stats.service';

const inner = handler(noticesApi, {
  publish: (input, ctx) => notices.publish(ctx, input),
  saveDraft: (input, ctx) => notices.saveDraft(ctx, input),
  revoke: (input, ctx) => notices.revoke(ctx, input),
  list: (input, ctx) => inbox.list(ctx, input),
  get: (input, ctx) => inbox.get(ctx, input),
  unreadCount: (_input, ctx) => inbox.unreadCount(ctx),
  markRead: (input, ctx) => inbox.markRead(ctx, input),
  recordGroupOpen: (input, ctx) => inbox.recordGroupOpen(ctx, input),
  stats: (input, ctx) => stats.stats(ctx, input),
  labelGroup: (input, ctx) => stats.labelGroup(ctx, input),
  remind: async (input, ctx) => delivery.remind(ctx, await notices.manageableNotice(ctx, input.noticeId)),
  listOutbox: (input, ctx) => delivery.listOutbox(ctx, input),
  audienceOptions: (_input, ctx) => notices.audienceOptions(ctx),
  subscription: (_input, ctx) => delivery.subscription(ctx),
  subscribe: (input, ctx) => delivery.subscribe(ctx, input),
});

/**
 * WeChat replaces a top-level `Taro.cloud.CloudID` field (`groupInfo`) with `{ cloudID, data }`;
 * only its `cloudID` is kept (the server decrypts it itself, so a forged `data` counts for nothing).
 */
function liftGroupCloudId(event: unknown): unknown {
  const e = event as { groupInfo?: { cloudID?: unknown } | string; payload?: unknown } | null;
  if (!e || typeof e !== 'object' || !e.groupInfo) return event;
  const cloudId = typeof e.groupInfo === 'string' ? e.groupInfo : e.groupInfo.cloudID;
  if (typeof cloudId !== 'string' || !e.payload || typeof e.payload !== 'object') return event;
  return { ...e, payload: { ...(e.payload as object), groupCloudId: cloudId } };
}

export const main = (event: unknown, context?: unknown) => inner(liftGroupCloudId(event), context);
