import { z } from '../../../types/z';
import { ALERT_REASONS, Notice, NoticeGroup, NoticeOpen, NoticeRead, OutboxMessage } from '../../../types/notice';
import type { User } from '../../../types/user';
import { getDb, inChunks, MAX_IN, MAX_PAGE, readAll } from '../store';
import { derivedId } from '../store/derived-id';
import { activeUsersIn } from '../users/user.repository';

/**
 * The only code that queries the notice collections (STYLE: one rule in one place): notices,
 * notice_reads, notice_opens, notice_groups, notice_subscriptions and the outbox.
 */
const db = () => getDb();
type Where = Record<string, unknown>;
type Paging = { offset: number; limit: number };

export async function findNotice(id: string): Promise<Notice | null> {
  const { data } = await db().collection('notices').doc(id).get();
  return data.length ? Notice.parse(data[0]) : null;
}

export async function insertNotice(notice: Notice): Promise<void> {
  await db().collection('notices').add(notice);
}

/** Writes `changes` only while the notice still matches `expected` (its status, or the last reminder); false when it no longer did. */
export async function updateNoticeIf(id: string, expected: Where, changes: Where): Promise<boolean> {
  const { updated } = await db()
    .collection('notices')
    .where({ ...expected, _id: id })
    .update(changes);
  return !!updated;
}

/** One page of the notices matching `where` with the count of all: the 管理 view newest first, the inbox pinned first. */
export async function noticePage(where: Where, order: 'manage' | 'inbox', paging: Paging): Promise<{ items: Notice[]; total: number }> {
  const coll = db().collection('notices');
  const { total = 0 } = await coll.where(where).count();
  const query =
    order === 'manage' ? coll.where(where).orderBy('createdAt', 'desc') : coll.where(where).orderBy('pinned', 'desc').orderBy('publishedAt', 'desc');
  const { data } = await query.skip(paging.offset).limit(paging.limit).get();
  return { items: data.map((d) => Notice.parse(d)), total };
}

const IdOnly = z.object({ _id: z.string() });

/** Ids of the first 1,000 notices matching `where` (the unread badge counts at most that many). */
export async function firstNoticeIds(where: Where): Promise<string[]> {
  const { data } = await db().collection('notices').where(where).field({ _id: true }).limit(MAX_PAGE).get();
  return data.map((d) => IdOnly.parse(d)._id);
}

/** Ids of the notices written in an admin's scope (the newest 1,000), for outbox and group checks. */
export async function manageableNoticeIds(admin: User): Promise<string[]> {
  const { data } = await db()
    .collection('notices')
    .where({ scopePath: admin.scope?.regionId ?? '' })
    .orderBy('createdAt', 'desc')
    .field({ _id: true })
    .limit(MAX_PAGE)
    .get();
  return data.map((d) => IdOnly.parse(d)._id);
}

/** Everyone a notice is addressed to (active accounts), except its author. */
export async function audienceOf(notice: Notice): Promise<User[]> {
  const users: User[] = [];
  for (const role of notice.audience.roles) {
    const ids = role === 'helper' ? notice.helperRegionIds : (notice.audience.regionIds ?? []);
    if (!ids.length) continue;
    users.push(...(await activeUsersIn(role, ids)).filter((u) => u._id !== notice.authorId));
  }
  return users;
}

/* Reads (notice_reads) and opens (notice_opens). */

/** One read per user and notice: `notice-<uuid>__user-<uuid>` is 86 characters, so it is derived. */
export const readId = (noticeId: string, userId: string) => derivedId('notice-read', [noticeId, userId], '__');

/** The caller's reads of the given notices, by notice id. */
export async function readsOf(userId: string, noticeIds: string[]): Promise<Map<string, NoticeRead>> {
  const _ = db().command;
  const reads = await inChunks(
    noticeIds.map((id) => readId(id, userId)),
    MAX_IN,
    (chunk) =>
      readAll(
        db()
          .collection('notice_reads')
          .where({ _id: _.in(chunk) }),
        (d) => NoticeRead.parse(d),
      ),
  );
  return new Map(reads.map((r) => [r.noticeId, r]));
}

export async function readsOfNotice(noticeId: string): Promise<NoticeRead[]> {
  return readAll(db().collection('notice_reads').where({ noticeId }), (d) => NoticeRead.parse(d));
}

/** Stores a first read; throws when the same person's read is stored already. */
export async function insertRead(read: NoticeRead & { role: User['role'] }): Promise<void> {
  await db().collection('notice_reads').add(read);
}

/** Adds the acknowledgement to a read that has none yet. */
export async function acknowledgeRead(id: string, at: string): Promise<void> {
  await db().collection('notice_reads').where({ _id: id, ackAt: null }).update({ ackAt: at });
}

export async function opensOfNotice(noticeId: string): Promise<NoticeOpen[]> {
  return readAll(db().collection('notice_opens').where({ noticeId }), (d) => NoticeOpen.parse(d));
}

export async function insertOpen(open: NoticeOpen): Promise<void> {
  await db().collection('notice_opens').add(open);
}

/** Whether any of these notices was opened from the group. */
export async function openedInGroup(groupId: string, noticeIds: string[]): Promise<boolean> {
  const { data } = await db()
    .collection('notice_opens')
    .where({ groupId, noticeId: db().command.in(noticeIds) })
    .limit(1)
    .get();
  return data.length > 0;
}

/* WeChat groups (notice_groups). */

/** Records a group the first time a share ticket shows it; a concurrent first sight is not an error. */
export async function noteGroup(opengid: string, at: string): Promise<void> {
  const groups = db().collection('notice_groups');
  const { data } = await groups.doc(opengid).get();
  if (!data.length) await groups.add({ _id: opengid, label: '', firstSeenAt: at }).catch(() => undefined);
}

/** The admins' labels of these groups, by opengid. */
export async function groupLabels(ids: string[]): Promise<Map<string, string>> {
  const _ = db().command;
  const groups = await inChunks(ids, MAX_IN, (chunk) =>
    readAll(
      db()
        .collection('notice_groups')
        .where({ _id: _.in(chunk) }),
      (d) => NoticeGroup.parse(d),
    ),
  );
  return new Map(groups.map((g) => [g._id, g.label]));
}

export async function setGroupLabel(id: string, label: string): Promise<void> {
  await db().collection('notice_groups').where({ _id: id }).update({ label });
}

/* Subscription credits (notice_subscriptions) and what was sent (outbox). */

const Subscription = z.object({ _id: z.string(), openid: z.string(), credits: z.number() });
export type Subscription = z.infer<typeof Subscription>;

/** The people of `userIds` with a credit left (one acceptance of the prompt allows one message), by user id. */
export async function subscriptionsOf(userIds: string[]): Promise<Map<string, Subscription>> {
  const _ = db().command;
  const subs = await inChunks(userIds, 500, (chunk) =>
    readAll(
      db()
        .collection('notice_subscriptions')
        .where({ _id: _.in(chunk), credits: _.gt(0) }),
      (d) => Subscription.parse(d),
    ),
  );
  return new Map(subs.map((s) => [s._id, s]));
}

/** Spends one credit if nobody spent it since `sub` was read; false when the credit was gone. */
export async function spendCredit(sub: Subscription): Promise<boolean> {
  const { updated } = await db()
    .collection('notice_subscriptions')
    .where({ _id: sub._id, credits: sub.credits })
    .update({ credits: sub.credits - 1 });
  return !!updated;
}

const Credits = z.object({ credits: z.number() });

/** The credits a person has left (0 before they ever accepted). */
export async function creditsOf(userId: string): Promise<number> {
  const { data } = await db().collection('notice_subscriptions').doc(userId).get();
  return data.length ? Credits.parse(data[0]).credits : 0;
}

/** One more credit: the person accepted the subscription prompt once more. */
export async function addCredit(user: Pick<User, '_id' | 'openid'>, at: string): Promise<void> {
  const coll = db().collection('notice_subscriptions');
  const { updated } = await coll.where({ _id: user._id }).update({ credits: db().command.inc(1), updatedAt: at });
  if (!updated) await coll.add({ _id: user._id, userId: user._id, openid: user.openid, credits: 1, updatedAt: at });
}

/** One attempt to message one person (alerts carry a householdId instead of a noticeId). */
export async function insertOutbox(message: Record<string, unknown> & { _id: string }): Promise<void> {
  await db().collection('outbox').add(message);
}

/** The outbox entries of these notices, and the alerts sent to these people, newest first. */
export async function outboxPage(noticeIds: string[], alertedIds: string[], paging: Paging): Promise<{ items: OutboxMessage[]; total: number }> {
  const _ = db().command;
  const where = _.or([{ noticeId: _.in(noticeIds) }, { userId: _.in(alertedIds.slice(0, MAX_IN)), reason: _.in([...ALERT_REASONS]) }]);
  const coll = db().collection('outbox');
  const { total = 0 } = await coll.where(where).count();
  const { data } = await coll.where(where).orderBy('createdAt', 'desc').skip(paging.offset).limit(paging.limit).get();
  return { items: data.map((d) => OutboxMessage.parse(d)), total };
}
