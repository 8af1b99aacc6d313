import { Notice, NoticeOpen, NoticeRead } from '../../../types/notice';
import { Region } from '../../../types/region';
import { User } from '../../../types/user';
import { getDb } from '../store';
import type { CollectionName } from '../store';
import { derivedId } from '../store/derived-id';

const PAGE = 1000;

/** Every document matching `where`, 1,000 at a time (the per-query cap in functions). */
export async function pageAll(collection: CollectionName, where: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await getDb().collection(collection).where(where).skip(skip).limit(PAGE).get();
    all.push(...(data as Record<string, unknown>[]));
    if (data.length < PAGE) return all;
  }
}

export async function findNotice(id: string): Promise<Notice | null> {
  const { data } = await getDb().collection('notices').doc(id).get();
  return data.length ? Notice.parse(data[0]) : null;
}

export async function regionsByIds(ids: string[]): Promise<Map<string, Region>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const _ = getDb().command;
  const docs = await pageAll('regions', { _id: _.in(unique) });
  return new Map(docs.map((d) => [d._id as string, Region.parse(d)]));
}

/** One read per user and notice: `notice-<uuid>__user-<uuid>` is 86 characters, so it is derived. */
export const readId = (noticeId: string, userId: string) => derivedId('notice-read', [noticeId, userId], '__');

/** The caller's reads of the given notices, by notice id. */
export async function readsOf(userId: string, noticeIds: string[]): Promise<Map<string, NoticeRead>> {
  if (!noticeIds.length) return new Map();
  const _ = getDb().command;
  const { data } = await getDb().collection('notice_reads').where({ _id: _.in(noticeIds.map((id) => readId(id, userId))) }).limit(PAGE).get();
  return new Map(data.map((d) => NoticeRead.parse(d)).map((r) => [r.noticeId, r]));
}

export async function readsOfNotice(noticeId: string): Promise<NoticeRead[]> {
  return (await pageAll('notice_reads', { noticeId })).map((d) => NoticeRead.parse(d));
}

export async function opensOfNotice(noticeId: string): Promise<NoticeOpen[]> {
  return (await pageAll('notice_opens', { noticeId })).map((d) => NoticeOpen.parse(d));
}

/** Everyone a notice is addressed to (active accounts), except its author. */
export async function audienceOf(notice: Notice): Promise<User[]> {
  const _ = getDb().command;
  const users: User[] = [];
  for (const role of notice.audience.roles) {
    const ids = role === 'helper' ? notice.helperRegionIds : notice.audience.regionIds ?? [];
    if (!ids.length) continue;
    const docs = await pageAll('users', { role, regionPath: _.in(ids), active: true });
    users.push(...docs.map((d) => User.parse(d)).filter((u) => u._id !== notice.authorId));
  }
  return users;
}

/** Ids of the notices written in an admin's scope (the newest 1,000), for outbox and group checks. */
export async function manageableNoticeIds(admin: User): Promise<string[]> {
  const { data } = await getDb().collection('notices').where({ scopePath: admin.scope?.regionId ?? '' }).orderBy('createdAt', 'desc').field({ _id: true }).limit(PAGE).get();
  return data.map((d) => d._id as string);
}
