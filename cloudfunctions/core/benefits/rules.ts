import type { PolicyCode } from '../../../types/policy';
import { dibao } from './dibao.rules';
import { disabilityCare, disabilityLiving } from './disability.rules';
import { educationWaiver, yulu } from './education.rules';
import type { FamilyContext, Verdict } from './facts';
import { chronicOutpatient, medicalPremium, payAfterCare } from './health.rules';
import { housingRepair, microcredit, publicJob, temporaryAid } from './livelihood.rules';
import type { InForce } from './params';
import { earlyPension, elderlyAllowance, pensionPremium } from './pension.rules';
import { tekun } from './tekun.rules';

export type HouseholdRule = { level: 'household'; decide: (ctx: FamilyContext, params: InForce) => Verdict };
export type MemberRule = { level: 'member'; decide: (ctx: FamilyContext, member: number, params: InForce) => Verdict };
export type Rule = HouseholdRule | MemberRule;

const household = (decide: HouseholdRule['decide']): HouseholdRule => ({ level: 'household', decide });
const member = (decide: MemberRule['decide']): MemberRule => ({ level: 'member', decide });

/** Every policy code has exactly one rule: the Record type makes a missing one a compile error. */
export const RULES: Record<PolicyCode, Rule> = {
  dibao: household(dibao),
  tekun: member(tekun),
  medical_premium: member(medicalPremium),
  pay_after_care: household(payAfterCare),
  chronic_outpatient: member(chronicOutpatient),
  education_waiver: member(educationWaiver),
  yulu: member(yulu),
  early_pension: member(earlyPension),
  pension_premium: member(pensionPremium),
  disability_living: member(disabilityLiving),
  disability_care: member(disabilityCare),
  housing_repair: household(housingRepair),
  public_job: member(publicJob),
  microcredit: household(microcredit),
  temporary_aid: household(temporaryAid),
  elderly_allowance: member(elderlyAllowance),
};
