import type { z } from '../../../types/z';
import { CalculatorHousehold, type CalculatorMember, type Decision } from '../../../types/benefit';
import type { PolicyCode } from '../../../types/policy';
import { DEFAULT_POLICIES } from '../../../cloudfunctions/core/benefits/catalogue';
import { evaluateFamily, type FamilyFacts } from '../../../cloudfunctions/core/benefits/evaluate';

/** Test builders: a family is described the way the calculator receives it, then parsed. */
export const DATE = '2021-03-01';

type MemberInput = z.input<typeof CalculatorMember>;
type HouseholdInput = Omit<z.input<typeof CalculatorHousehold>, 'members'>;

/** A member whose birthday is on `date` itself, so they have just turned `age`. */
export function aged(age: number, extra: Partial<MemberInput> = {}, date = DATE): MemberInput {
  const year = Number(date.slice(0, 4)) - age;
  return { birthDate: `${String(year).padStart(4, '0')}${date.slice(4)}`, laborCapacity: 'full', ...extra };
}

/** A 70-year-old with no labour, income or supporter: entitled to tekun. */
export const tekunElder = (extra: Partial<MemberInput> = {}, date = DATE) =>
  aged(70, { laborCapacity: 'none', hasIncome: false, hasSupporter: false, ...extra }, date);

export function family(members: MemberInput[], extra: Partial<HouseholdInput> = {}): FamilyFacts {
  return CalculatorHousehold.parse({ status: 'poor', annualNetIncome: 0, members, ...extra });
}

export function decide(facts: FamilyFacts, date = DATE): Decision[] {
  return evaluateFamily(facts, date, DEFAULT_POLICIES);
}

export function decisionOf(decisions: Decision[], policy: PolicyCode, member: number | null = null): Decision {
  const found = decisions.find((d) => d.policy === policy && d.member === member);
  if (!found) throw new Error(`no decision for ${policy} / ${member}`);
  return found;
}

/** One row of a rule table: who, which policy (and member), and the expected answer. */
export interface Case {
  name: string;
  facts: FamilyFacts;
  policy: PolicyCode;
  member?: number | null;
  entitled: boolean;
  amount: number | null;
  date?: string;
}

export function expectCase({ facts, policy, member, entitled, amount, date }: Case): Decision {
  const found = decisionOf(decide(facts, date ?? DATE), policy, member === undefined ? 0 : member);
  expect(found).toMatchObject({ entitled, amount });
  expect(found.reasons.length).toBeGreaterThan(0);
  return found;
}
