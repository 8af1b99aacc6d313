import type { User } from '../../../types/user';
import type { PairingRole } from '../../../types/pairing';
import type { Household } from '../../../types/household';
import type { Scope } from '../../../types/region';
import { getRegion } from '../regions/region.repository';
import { findUser } from '../users/user.repository';
import { invalid, notFound } from '../errors';

/** Which helper kinds may take each pairing role (帮扶干部/第一书记, 家庭医生, 帮扶教师). */
export const KINDS_FOR_ROLE: Record<PairingRole, User['helperKind'][]> = {
  primary: ['cadre', 'secretary'],
  health: ['doctor'],
  education: ['teacher'],
};
const ROLE_NEEDS: Record<PairingRole, string> = { primary: '帮扶干部或第一书记', health: '家庭医生', education: '帮扶教师' };

/**
 * The region whose helpers an admin manages. Helpers work at town level, so a village admin
 * manages the helpers of the village's town.
 */
export async function helperRegionOf(scope: Scope): Promise<string> {
  if (scope.level !== 'village') return scope.regionId;
  return (await getRegion(scope.regionId)).parentId ?? scope.regionId;
}

/** An active helper the admin manages, or NOT_FOUND without saying whether they exist. */
export async function managedHelper(scope: Scope, helperId: string): Promise<User> {
  const helper = await findUser(helperId);
  const region = await helperRegionOf(scope);
  if (!helper || helper.role !== 'helper' || !helper.active || !helper.regionPath.includes(region)) {
    throw notFound('没有找到该帮扶责任人，或不在您的管辖范围内');
  }
  return helper;
}

/** A helper can serve a household in the region they work in, in a role their kind fits. */
export function ensureCanServe(helper: User, household: Household, role: PairingRole): void {
  const region = helper.scope?.regionId;
  if (!region || ![household.countyId, household.townId, household.villageId].includes(region)) {
    throw invalid(`${helper.name}不在该户所在乡镇工作，不能与该户结对`);
  }
  if (!KINDS_FOR_ROLE[role].includes(helper.helperKind)) throw invalid(`该结对类型需要${ROLE_NEEDS[role]}，${helper.name}不是`);
}
