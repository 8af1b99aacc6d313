import type { Household } from '../../../types/household';
import type { User } from '../../../types/user';
import { notFound } from '../errors';
import { findHousehold } from '../households/household.repository';
import { isPaired } from '../assignments/pairing.repository';
import { adminScope, inScope } from './scope';

/**
 * The one answer for a household the caller may not reach, whether or not it exists: a caller
 * outside its scope and a caller asking for a made-up id read the same words (SPEC §5).
 */
export const HOUSEHOLD_HIDDEN = '没有找到该户，或您无权查看';
export const hiddenHousehold = () => notFound(HOUSEHOLD_HIDDEN);

type Placed = Pick<Household, '_id' | 'countyId' | 'townId' | 'villageId'>;

/** Whether the caller may see this household: an admin in their region, a paired helper, its own members. */
export async function maySeeHousehold(user: User | null, household: Placed): Promise<boolean> {
  if (!user) return false;
  if (user.role === 'admin') return !!user.scope && inScope(user.scope, household);
  if (user.role === 'household') return user.householdId === household._id;
  return isPaired(user._id, household._id);
}

/**
 * The household if the caller may read it. Without an id a household member means their own.
 * Households and helpers are checked before the read, so a guess costs them no document.
 */
export async function readableHousehold(user: User | null, requestedId?: string): Promise<Household> {
  const id = requestedId ?? (user?.role === 'household' ? user.householdId : undefined);
  if (!user || !id) throw hiddenHousehold();
  if (user.role === 'household' && user.householdId !== id) throw hiddenHousehold();
  if (user.role === 'helper' && !(await isPaired(user._id, id))) throw hiddenHousehold();
  const household = await findHousehold(id);
  if (!household) throw hiddenHousehold();
  if (user.role === 'admin' && !(user.scope && inScope(user.scope, household))) throw hiddenHousehold();
  return household;
}

/** The household if it lies in the calling admin's region (for writes); FORBIDDEN for non-admins. */
export async function administeredHousehold(user: User | null, householdId: string): Promise<Household> {
  const scope = adminScope(user);
  const household = await findHousehold(householdId);
  if (!household || !inScope(scope, household)) throw hiddenHousehold();
  return household;
}

/** Whether a helper is actively paired with the household (any role). */
export { isPaired as isPairedHelper, pairedHouseholdIds } from '../assignments/pairing.repository';
