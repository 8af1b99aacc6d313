import type { Scope } from '../../../types/region';
import type { User } from '../../../types/user';
import { forbidden } from '../errors';

/** The region filter for an admin's scope: county, town or village admins see only their region. */
export function regionFilter(scope: Scope): Record<string, string> {
  if (scope.level === 'county') return { countyId: scope.regionId };
  if (scope.level === 'town') return { townId: scope.regionId };
  return { villageId: scope.regionId };
}

export function adminScope(user: User | null): Scope {
  if (!user || user.role !== 'admin' || !user.scope) throw forbidden('只有扶贫办管理员可以进行此操作');
  return user.scope;
}

/** Whether a document carrying countyId/townId/villageId lies inside an admin's scope. */
export function inScope(scope: Scope, doc: { countyId: string; townId: string; villageId: string }): boolean {
  const key = Object.keys(regionFilter(scope))[0] as 'countyId' | 'townId' | 'villageId';
  return doc[key] === scope.regionId;
}

/** The region fields a list may be filtered by. */
export interface RegionFilters {
  countyId?: string;
  townId?: string;
  villageId?: string;
}

/**
 * An admin's region AND the list's region filters: filters only ever narrow the scope (a village
 * admin asking for another village gets nothing, never that village). Null when the filters fall
 * outside the scope, so the caller answers an empty list. Every admin list builds its `where` here.
 */
export function scopedWhere(scope: Scope, filters: RegionFilters = {}): Record<string, string> | null {
  const where = regionFilter(scope);
  for (const key of ['countyId', 'townId', 'villageId'] as const) {
    const value = filters[key];
    if (value === undefined) continue;
    if (where[key] !== undefined && where[key] !== value) return null;
    where[key] = value;
  }
  return where;
}
