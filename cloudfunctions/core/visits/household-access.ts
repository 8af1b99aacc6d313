import type { Household } from '../../../types/household';
import type { Ctx } from '../handler';
import { findHousehold } from '../households/household.repository';
import { inScope } from '../scope';
import { getDb } from '../store';
import { notFound } from '../errors';

const HIDDEN = '没有找到该帮扶户，或您无权查看';

/** Whether the helper is (still) paired with the household, in any role. */
export async function isPaired(helperId: string, householdId: string): Promise<boolean> {
  const { data } = await getDb().collection('pairings').where({ householdId, helperId, active: true }).limit(1).get();
  return data.length > 0;
}

/**
 * The household if the caller may see it: its own household, a paired helper, or an admin whose
 * region holds it. Anyone else gets NOT_FOUND, so they learn nothing about whether it exists.
 */
export async function householdFor(ctx: Ctx, householdId: string): Promise<Household> {
  const user = ctx.user!;
  if (user.role === 'household' && user.householdId !== householdId) throw notFound(HIDDEN);
  if (user.role === 'helper' && !(await isPaired(user._id, householdId))) throw notFound(HIDDEN);
  const household = await findHousehold(householdId);
  if (!household) throw notFound(HIDDEN);
  if (user.role === 'admin' && (!user.scope || !inScope(user.scope, household))) throw notFound(HIDDEN);
  return household;
}
