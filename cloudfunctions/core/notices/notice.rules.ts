import type { Notice, NoticeRole } from '../../../types/notice';
import type { Region, Scope } from '../../../types/region';
import type { User } from '../../../types/user';
import { forbidden } from '../errors';

/**
 * The regions a notice is addressed to: those asked for, each inside the admin's scope, or the
 * whole scope when none are given. A region outside the scope (or unknown) is FORBIDDEN either
 * way, so an admin learns nothing about regions they do not manage.
 */
export function resolveAudienceRegions(scope: Scope, requested: string[] | undefined, known: Map<string, Region>): string[] {
  if (!requested || requested.length === 0) return [scope.regionId];
  const unique = [...new Set(requested)];
  for (const id of unique) {
    const region = known.get(id);
    if (!region || !region.path.includes(scope.regionId)) throw forbidden('所选区域不在您的管辖范围内，只能向本辖区发布通知');
  }
  return unique;
}

/**
 * Helpers work for a town (their scope), not a village: a notice to a village reaches the helpers
 * of its town, so no helper working there is missed.
 */
export function helperRegionIds(regionIds: string[], known: Map<string, Region>): string[] {
  const ids = regionIds.map((id) => {
    const region = known.get(id);
    return region?.level === 'village' && region.parentId ? region.parentId : id;
  });
  return [...new Set(ids)];
}

/** The region ids a person of `role` is matched on: helpers by the town-level ids, others by the regions chosen. */
export function matchIds(notice: Pick<Notice, 'audience' | 'helperRegionIds'>, role: NoticeRole): string[] {
  if (role === 'helper') return notice.helperRegionIds;
  return notice.audience.regionIds ?? [];
}

/** Whether a published (or withdrawn) notice is addressed to this person. The author is never their own audience. */
export function isAddressedTo(notice: Notice, user: User): boolean {
  if (notice.status === 'draft' || notice.authorId === user._id) return false;
  if (!notice.audience.roles.includes(user.role)) return false;
  const ids = matchIds(notice, user.role);
  return user.regionPath.some((r) => ids.includes(r));
}

/** Admins manage notices written in their scope: a county admin those of its towns and villages too. */
export function canManage(notice: Pick<Notice, 'scopePath'>, user: User): boolean {
  return user.role === 'admin' && !!user.scope && notice.scopePath.includes(user.scope.regionId);
}

/** Pinned first, then newest; a withdrawn notice is never pinned. */
export function byPinnedThenNewest(a: Notice, b: Notice): number {
  const pin = Number(b.pinned && b.status === 'published') - Number(a.pinned && a.status === 'published');
  if (pin) return pin;
  return (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt);
}
