import type { Household, HouseholdSummary, HouseholdView } from '../../../types/household';
import { maskIdNumber, maskPhone } from '../../../types/id-number';
import { regionNames } from '../regions/region.repository';

/**
 * A household as any caller sees it: ID numbers and phones always masked (an admin reveals one
 * at a time through `households.reveal`, which is audit-logged).
 */
export async function toView(h: Household): Promise<HouseholdView> {
  const names = await regionNames([h.villageId, h.townId]);
  return {
    ...h,
    villageName: names.get(h.villageId),
    townName: names.get(h.townId),
    members: h.members.map((m) => ({ ...m, idNumber: maskIdNumber(m.idNumber), ...(m.phone ? { phone: maskPhone(m.phone) } : {}) })),
  };
}

export async function toSummaries(households: Household[]): Promise<HouseholdSummary[]> {
  const names = await regionNames(households.map((h) => h.villageId));
  return households.map((h) => ({
    _id: h._id, code: h.code, headName: h.headName, villageId: h.villageId, villageName: names.get(h.villageId),
    status: h.status, memberCount: h.members.length,
  }));
}
