import type { Decision } from '../../../types/benefit';
import type { Household } from '../../../types/household';
import type { Policy, PolicyCode } from '../../../types/policy';
import { POLICY_ORDER } from './catalogue';
import { dibao } from './dibao.rules';
import { type BaseContext, buildBaseContext, type FamilyContext, type FamilyFacts } from './facts';
import { EvaluationError, type InForce, paramsAt } from './params';
import { RULES } from './rules';
import { isTekun } from './tekun.rules';

export type { FamilyFacts } from './facts';

/** Values in force on `date`, looked up once per policy. */
function inForceLookup(policies: Policy[], date: string): BaseContext['inForce'] {
  const cache = new Map<PolicyCode, InForce>();
  return (code) => {
    const cached = cache.get(code);
    if (cached) return cached;
    const policy = policies.find((p) => p.code === code);
    if (!policy) throw new EvaluationError(`政策目录缺少「${code}」，无法测算`, 'INTERNAL');
    const values = paramsAt(policy, date);
    cache.set(code, values);
    return values;
  };
}

/** Rules that depend on other rules read these: tekun members first, then whether dibao applies. */
function buildContext(family: FamilyFacts, date: string, policies: Policy[]): FamilyContext {
  if (family.members.length === 0) throw new EvaluationError('家庭成员为空，无法测算政策', 'INVALID_INPUT');
  const base = buildBaseContext(family, date, inForceLookup(policies, date));
  const tekunParams = base.inForce('tekun');
  const tekun = family.members.map((_, i) => isTekun(base, i, tekunParams));
  const dibaoEntitled = dibao({ ...base, tekun }, base.inForce('dibao')).entitled;
  return { ...base, tekun, dibaoEntitled };
}

const rank = (code: PolicyCode) => POLICY_ORDER.indexOf(code);

/**
 * Every policy for the family on `date`, entitled or not, in catalogue order: one decision per
 * household-level policy, one per member (by index) for member-level ones, so a person can see
 * why a policy does not apply.
 */
export function evaluateFamily(family: FamilyFacts, date: string, policies: Policy[]): Decision[] {
  const ctx = buildContext(family, date, policies);
  const ordered = [...policies].sort((a, b) => rank(a.code) - rank(b.code));
  return ordered.flatMap((policy): Decision[] => {
    const rule = RULES[policy.code];
    const params = ctx.inForce(policy.code);
    if (rule.level === 'household') return [{ policy: policy.code, member: null, ...rule.decide(ctx, params) }];
    return family.members.map((_, i) => ({ policy: policy.code, member: i, ...rule.decide(ctx, i, params) }));
  });
}

/** A stored household as rule facts, so the registry and the public calculator share one set of rules. */
export function factsFromHousehold(household: Household, recent: { emergencyInLast90Days: boolean }): FamilyFacts {
  return {
    status: household.status,
    annualNetIncome: household.annualNetIncome,
    housingGrade: household.housingGrade,
    emergencyInLast90Days: recent.emergencyInLast90Days,
    members: household.members.map((m) => ({
      birthDate: m.birthDate,
      disabilityLevel: m.disabilityLevel,
      // Only 'chronic' maps to 慢性病门诊; 大病 ('serious') is handled by 大病专项救治 instead.
      chronicIllness: m.health === 'chronic',
      chronicApproved: m.chronicApproved,
      schooling: m.schooling,
      laborCapacity: m.laborCapacity,
      employed: m.employed,
      hasIncome: m.hasIncome,
      hasSupporter: m.hasSupporter,
    })),
  };
}
