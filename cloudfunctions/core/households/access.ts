import type { Household } from '../../../types/household';
import type { Ctx } from '../handler';
import { adminScope, inScope } from '../scope';
import { notFound } from '../errors';
import { getDb } from '../store';
import { findHousehold } from './household.repository';

/** Whether the helper has an active pairing with the household. */
export async function isPairedWith(helperId: string, householdId: string): Promise<boolean> {
  const { total } = await getDb().collection('pairings').where({ helperId, householdId, active: true }).count();
  return (total ?? 0) > 0;
}

/**
 * The household if the caller may read it: admins in their region, helpers when paired with it,
 * household members their own. Anyone else gets NOT_FOUND, whether or not it exists.
 */
export async function readableHousehold(ctx: Ctx, householdId: string): Promise<Household> {
  const user = ctx.user;
  const household = await findHousehold(householdId);
  if (!user || !household) throw notFound('没有找到该户，或您无权查看');
  const allowed =
    (user.role === 'admin' && !!user.scope && inScope(user.scope, household)) ||
    (user.role === 'helper' && (await isPairedWith(user._id, householdId))) ||
    (user.role === 'household' && user.householdId === householdId);
  if (!allowed) throw notFound('没有找到该户，或您无权查看');
  return household;
}

/** The household if it lies in the calling admin's region (for writes). */
export async function administeredHousehold(ctx: Ctx, householdId: string): Promise<Household> {
  const scope = adminScope(ctx.user);
  const household = await findHousehold(householdId);
  if (!household || !inScope(scope, household)) throw notFound('没有找到该户，或不在您的管辖范围内');
  return household;
}
