import type { Household, HouseholdSummary, HouseholdView } from '../../../types/household';
import { maskIdNumber, maskPhone } from '../../../types/id-number';
import { regionNames } from '../regions/region.repository';
import type { SummaryRow } from './household.repository';
import { clock } from '../clock';
import { ageOn, dateOf } from '../time';

/**
 * A household as any caller sees it: ID numbers and phones always masked (an admin reveals one
 * at a time through `households.reveal`, which is audit-logged), ages instead of birth dates.
 */
export async function toView(h: Household): Promise<HouseholdView> {
  const names = await regionNames([h.villageId, h.townId]);
  const today = dateOf(clock.now());
  return {
    ...h,
    villageName: names.get(h.villageId),
    townName: names.get(h.townId),
    members: h.members.map(({ birthDate, idNumber, phone, ...m }) => ({
      ...m,
      age: ageOn(birthDate, today),
      idNumber: maskIdNumber(idNumber),
      ...(phone ? { phone: maskPhone(phone) } : {}),
    })),
  };
}

/** List rows: from whole households, or from the projected rows a page reads (household.repository SummaryRow). */
export async function toSummaries(households: Array<Household | SummaryRow>): Promise<HouseholdSummary[]> {
  const names = await regionNames(households.map((h) => h.villageId));
  return households.map((h) => ({
    _id: h._id,
    code: h.code,
    headName: h.headName,
    villageId: h.villageId,
    villageName: names.get(h.villageId),
    status: h.status,
    memberCount: 'members' in h ? h.members.length : h.memberCount,
  }));
}
