import type { SignedInCtx } from '../handler';
import { audit } from '../audit/audit.service';
import { findHousehold } from '../households/household.repository';
import { deliverAlert } from '../notices/delivery.service';
import { adminsOfRegion } from '../users/user.repository';

/**
 * A household's self-binding was paused after repeated wrong answers: audit-logged, and its
 * village admin (or, where the village has none, the town's, then the county's) is alerted, since
 * they know the family and can hand a member a bind code.
 */
export async function alertHouseholdLocked(ctx: SignedInCtx, householdId: string, failures: number): Promise<void> {
  await audit(ctx, { action: 'bind_household_locked', householdId, detail: { failures, openid: ctx.openid } });
  const household = await findHousehold(householdId);
  if (!household) return;
  let admins = await adminsOfRegion(household.villageId);
  if (!admins.length) admins = await adminsOfRegion(household.townId);
  if (!admins.length) admins = await adminsOfRegion(household.countyId);
  await deliverAlert(ctx, admins, {
    reason: 'bind_locked',
    householdId,
    title: `${household.code} 户绑定已暂停`,
    note: '多次答错，请核实并发绑定码',
    page: `package-common/pages/household/index?id=${householdId}`,
  });
}
