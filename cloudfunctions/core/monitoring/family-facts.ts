import type { AssessHousehold, MedicalExpense } from '../../../types/monitoring';
import type { Household, Member } from '../../../types/household';
import { addDays } from '../../../types/format';

// A stored household's facts as the §3b rules read them: pure, shared by every caller of assess
// (its own file, so the services that assess and the re-assessment after writes import no cycle).

/** The window the medical rule reads, with a margin: 400 days before the date. */
export const sinceFor = (date: string) => addDays(date, -400);

/** What the rules read of a stored household (a full one, or the sweep's projection). */
export type FamilyFacts = Pick<Household, 'status' | 'housingGrade' | 'safeWater' | 'incomes'> & {
  members: Array<
    Pick<Member, 'birthDate' | 'disabilityLevel' | 'health' | 'chronicApproved' | 'schooling' | 'laborCapacity' | 'employed' | 'hasIncome' | 'hasSupporter'>
  >;
};

/**
 * A stored household's facts in the shape the rules read (the same rules as the self-check).
 * Built field by field, not parsed: stored households were written through their schema, and a
 * county sweep builds 30,000 of these.
 */
export function familyOf(h: FamilyFacts, emergency: boolean, expenses: Array<Pick<MedicalExpense, 'date' | 'outOfPocket'>>): AssessHousehold {
  return {
    status: h.status,
    housingGrade: h.housingGrade,
    safeWater: h.safeWater,
    emergencyInLast90Days: emergency,
    incomes: h.incomes.map((i) => ({ year: i.year, amount: i.amount })),
    medicalExpenses: expenses.map((e) => ({ date: e.date, outOfPocket: e.outOfPocket })),
    members: h.members.map((m) => ({
      birthDate: m.birthDate,
      disabilityLevel: m.disabilityLevel,
      chronicIllness: m.health === 'chronic',
      chronicApproved: m.chronicApproved ?? false,
      schooling: m.schooling,
      laborCapacity: m.laborCapacity,
      employed: m.employed,
      hasIncome: m.hasIncome,
      hasSupporter: m.hasSupporter,
    })),
  };
}
