import type { Household } from '../../../types/household';
import type { User } from '../../../types/user';
import { forbidden, notFound } from '../errors';
import { findHousehold } from '../households/household.repository';
import { inScope, regionFilter } from '../scope';
import { getDb } from '../store';

/** Households ids a helper is paired with (any pairing role), active pairings only. */
export async function pairedHouseholdIds(helperId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await getDb().collection('pairings').where({ helperId, active: true }).field({ householdId: true }).skip(offset).limit(1000).get();
    ids.push(...data.map((d) => d.householdId as string));
    if (data.length < 1000) return [...new Set(ids)];
  }
}

async function isPaired(helperId: string, householdId: string): Promise<boolean> {
  const { total } = await getDb().collection('pairings').where({ helperId, householdId, active: true }).count();
  return (total ?? 0) > 0;
}

/**
 * The household a caller may see: a household member only their own, a helper only a paired one,
 * an admin only one in their region. Anything else is NOT_FOUND, so existence is not revealed.
 */
export async function householdForCaller(user: User, requestedId: string | undefined): Promise<Household> {
  const id = requestedId ?? (user.role === 'household' ? user.householdId : undefined);
  if (!id) throw notFound('请指定要查看的帮扶户');
  const hidden = notFound('没有找到该帮扶户，或您无权查看');
  if (user.role === 'household' && user.householdId !== id) throw hidden;
  if (user.role === 'helper' && !(await isPaired(user._id, id))) throw hidden;
  const household = await findHousehold(id);
  if (!household) throw hidden;
  if (user.role === 'admin' && (!user.scope || !inScope(user.scope, household))) throw hidden;
  return household;
}

/** The `where` that limits households (or records copying their region) to an admin's region. */
export function adminRegionWhere(user: User): Record<string, string> {
  if (user.role !== 'admin' || !user.scope) throw forbidden('只有扶贫办管理员可以进行此操作');
  return regionFilter(user.scope);
}
