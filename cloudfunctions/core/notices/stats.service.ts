import type { NoticeStats } from '../../../types/api/notices';
import type { NoticeOpen, NoticeRead } from '../../../types/notice';
import type { User } from '../../../types/user';
import type { AdminCtx } from '../handler';
import { regionNames } from '../regions/region.repository';
import { notFound } from '../errors';
import { audienceOf, groupLabels, manageableNoticeIds, openedInGroup, opensOfNotice, readsOfNotice, setGroupLabel } from './notice.repository';
import { manageableNotice } from './notice.service';

type GroupStats = NoticeStats['groups'][number];

/** Per group: opens, distinct readers, and how many of those readers acknowledged. */
export function groupStats(opens: NoticeOpen[], reads: Map<string, NoticeRead>, labels: Map<string, string>): GroupStats[] {
  const byGroup = new Map<string, { opens: number; readers: Set<string> }>();
  for (const open of opens) {
    if (open.via !== 'group' || !open.groupId) continue;
    const g = byGroup.get(open.groupId) ?? { opens: 0, readers: new Set<string>() };
    g.opens++;
    g.readers.add(open.userId);
    byGroup.set(open.groupId, g);
  }
  return [...byGroup]
    .map(([groupId, g]) => ({
      groupId,
      label: labels.get(groupId) ?? '',
      opens: g.opens,
      readers: g.readers.size,
      acknowledged: [...g.readers].filter((u) => reads.get(u)?.ackAt).length,
    }))
    .sort((a, b) => b.readers - a.readers);
}

function person(u: User, names: Map<string, string>) {
  const regionId = u.regionPath[u.regionPath.length - 1];
  return { userId: u._id, name: u.name, role: u.role, regionName: (regionId && names.get(regionId)) || '' };
}

/** Who of the audience read and acknowledged, per person and per WeChat group; unread people first by region. */
export async function stats(ctx: AdminCtx, input: { noticeId: string }): Promise<NoticeStats> {
  const notice = await manageableNotice(ctx, input.noticeId);
  const [audience, readList, opens] = await Promise.all([audienceOf(notice), readsOfNotice(notice._id), opensOfNotice(notice._id)]);
  const members = new Set(audience.map((u) => u._id));
  const reads = new Map(readList.filter((r) => members.has(r.userId)).map((r) => [r.userId, r]));
  const names = await regionNames(audience.map((u) => u.regionPath[u.regionPath.length - 1]).filter(Boolean));
  const people = audience.map((u) => ({ ...person(u, names), readAt: reads.get(u._id)?.readAt ?? null, ackAt: reads.get(u._id)?.ackAt ?? null }));
  people.sort((a, b) => a.regionName.localeCompare(b.regionName, 'zh') || a.name.localeCompare(b.name, 'zh'));
  const groupIds = [...new Set(opens.filter((o) => o.groupId).map((o) => o.groupId as string))];
  const links = opens.filter((o) => o.via === 'link');
  return {
    audience: audience.length,
    read: reads.size,
    acknowledged: [...reads.values()].filter((r) => r.ackAt).length,
    unread: people.filter((p) => !p.readAt).map(({ readAt: _r, ackAt: _a, ...p }) => p),
    people,
    groups: groupStats(opens, reads, await groupLabels(groupIds)),
    linkOpens: links.length,
    linkReaders: new Set(links.map((o) => o.userId)).size,
  };
}

/** WeChat never reveals a group's name: admins label the opengid ("青禾镇帮扶群"). Only groups seen by a share ticket. */
export async function labelGroup(ctx: AdminCtx, input: { groupId: string; label: string }) {
  const own = await manageableNoticeIds(ctx.user);
  if (!(await openedInGroup(input.groupId, own))) throw notFound('没有找到这个群：要先有人从群聊打开过您辖区的通知');
  await setGroupLabel(input.groupId, input.label);
  return { groupId: input.groupId, label: input.label };
}
