import { randomUUID } from 'node:crypto';
import type { Notice, NoticeRead, OpenVia } from '../../../types/notice';
import type { NoticeItem } from '../../../types/api/notices';
import type { AdminUser, User } from '../../../types/user';
import type { CallerCtx } from '../handler';
import { getDb } from '../store';
import { conflict, invalid, notFound } from '../errors';
import { wechat } from '../wechat';
import { byPinnedThenNewest, canManage, isAddressedTo } from './notice.rules';
import { acknowledgeRead, findNotice, firstNoticeIds, insertOpen, insertRead, noteGroup, noticePage, readId, readsOf } from './notice.repository';

const VISIBLE = ['published', 'revoked'];

function item(notice: Notice, user: User, read: NoticeRead | undefined): NoticeItem {
  return { ...notice, read: !!read, acknowledged: !!read?.ackAt, manageable: canManage(notice, user) };
}

/** The notices addressed to this person: helpers are matched on their town, others on their region path. */
function inboxWhere(user: User) {
  const _ = getDb().command;
  const regionField = user.role === 'helper' ? 'helperRegionIds' : 'audience.regionIds';
  return { status: _.in(VISIBLE), 'audience.roles': user.role, [regionField]: _.in(user.regionPath), authorId: _.neq(user._id) };
}

/** Admins' 管理 view: drafts and notices written anywhere in their scope. */
function manageWhere(user: AdminUser) {
  return { scopePath: user.scope.regionId };
}

export async function list(ctx: CallerCtx, input: { limit: number; offset: number; box: 'inbox' | 'manage' }) {
  const { user } = ctx;
  const manage = input.box === 'manage' && user.role === 'admin';
  const where = manage ? manageWhere(user) : inboxWhere(user);
  const { items: notices, total } = await noticePage(where, manage ? 'manage' : 'inbox', input);
  if (!manage) notices.sort(byPinnedThenNewest);
  const reads = await readsOf(
    user._id,
    notices.map((n) => n._id),
  );
  return { items: notices.map((n) => item(n, user, reads.get(n._id))), total };
}

/** Unread published notices, for the badge on the 通知 tab. */
export async function unreadCount(ctx: CallerCtx): Promise<{ count: number }> {
  const { user } = ctx;
  const where = { ...inboxWhere(user), status: 'published' };
  const ids = await firstNoticeIds(where);
  const reads = await readsOf(user._id, ids);
  return { count: ids.length - reads.size };
}

/** A notice the caller may read (addressed to them) or manage; NOT_FOUND otherwise. */
async function visibleNotice(user: User, noticeId: string): Promise<Notice> {
  const notice = await findNotice(noticeId);
  if (!notice || !(isAddressedTo(notice, user) || canManage(notice, user))) throw notFound('没有找到这条通知，它可能不是发给您的');
  return notice;
}

export async function get(ctx: CallerCtx, input: { noticeId: string }): Promise<NoticeItem> {
  const notice = await visibleNotice(ctx.user, input.noticeId);
  const reads = await readsOf(ctx.user._id, [notice._id]);
  return item(notice, ctx.user, reads.get(notice._id));
}

/** First open creates the read; `ack` adds the acknowledgement once. A concurrent first open is not an error. */
async function recordRead(notice: Notice, user: User, at: string, ack: boolean): Promise<void> {
  const id = readId(notice._id, user._id);
  const existing = (await readsOf(user._id, [notice._id])).get(notice._id);
  if (!existing) {
    try {
      await insertRead({ _id: id, noticeId: notice._id, userId: user._id, role: user.role, readAt: at, ackAt: ack ? at : null });
      return;
    } catch {
      // Another open of the same person won the insert; the acknowledgement below still applies.
    }
  }
  if (ack && !existing?.ackAt) await acknowledgeRead(id, at);
}

async function recordOpen(notice: Notice, user: User, at: string, via: OpenVia, groupId: string | null): Promise<void> {
  await insertOpen({ _id: `open-${randomUUID()}`, noticeId: notice._id, userId: user._id, via, groupId, at });
}

/** Only the audience's opens count: an admin looking at a notice they manage changes nothing. */
export async function markRead(ctx: CallerCtx, input: { noticeId: string; ack?: boolean; via: 'app' | 'link' }): Promise<NoticeItem> {
  const { user } = ctx;
  const notice = await visibleNotice(user, input.noticeId);
  if (!isAddressedTo(notice, user)) return get(ctx, input);
  const ack = input.ack === true;
  if (ack && !notice.requireAck) throw invalid('这条通知不需要回复“已知悉”');
  if (ack && notice.status === 'revoked') throw conflict('这条通知已撤回，无需再确认');
  const at = ctx.now.toISOString();
  await recordRead(notice, user, at, ack);
  if (input.via === 'link' && !ack) await recordOpen(notice, user, at, 'link', null);
  return get(ctx, input);
}

/** A card opened from a WeChat group: the server resolves the group, then counts the open against it and the person. */
export async function recordGroupOpen(ctx: CallerCtx, input: { noticeId: string; groupCloudId: string }): Promise<NoticeItem> {
  const { user } = ctx;
  const notice = await visibleNotice(user, input.noticeId);
  if (!isAddressedTo(notice, user)) return get(ctx, input);
  const { opengid } = await wechat().decryptGroup(input.groupCloudId);
  const at = ctx.now.toISOString();
  await noteGroup(opengid, at);
  await recordRead(notice, user, at, false);
  await recordOpen(notice, user, at, 'group', opengid);
  return get(ctx, input);
}
