import type { Decision } from '../../../types/benefit';
import type { Household } from '../../../types/household';
import type { Policy, PolicyCode } from '../../../types/policy';
import { POLICY_ORDER } from './catalogue';
import { dibao } from './dibao.rules';
import { type BaseContext, buildBaseContext, type FamilyContext, type FamilyFacts, type Verdict } from './facts';
import { EvaluationError, type InForce, paramsAt } from './params';
import { RULES } from './rules';
import { isTekun } from './tekun.rules';

export type { FamilyFacts } from './facts';

/**
 * Values in force on `date`, looked up once per catalogue and date: a sweep evaluates thousands of
 * families against one catalogue. Keyed by the catalogue array itself, which callers never mutate
 * (loadPolicies answers a new array each time), so a changed parameter is never served stale.
 */
const inForceCache = new WeakMap<Policy[], Map<string, BaseContext['inForce']>>();

/** One lookup function per catalogue and date, shared by every family evaluated against them. */
function inForceLookup(policies: Policy[], date: string): BaseContext['inForce'] {
  let byDate = inForceCache.get(policies);
  if (!byDate) inForceCache.set(policies, (byDate = new Map()));
  const known = byDate.get(date);
  if (known) return known;
  // The calculator accepts any date: keep the cache small for a long-lived catalogue.
  if (byDate.size >= 64) byDate.clear();
  const values = new Map<PolicyCode, InForce>();
  const lookup: BaseContext['inForce'] = (code) => {
    const cached = values.get(code);
    if (cached) return cached;
    const policy = policies.find((p) => p.code === code);
    if (!policy) throw new EvaluationError(`政策目录缺少「${code}」，无法测算`, 'INTERNAL');
    const found = paramsAt(policy, date);
    values.set(code, found);
    return found;
  };
  byDate.set(date, lookup);
  return lookup;
}

/** Rules that depend on other rules read these: tekun members first, then whether dibao applies. */
function buildContext(family: FamilyFacts, date: string, policies: Policy[]): { ctx: FamilyContext; dibaoVerdict: Verdict } {
  if (family.members.length === 0) throw new EvaluationError('家庭成员为空，无法测算政策', 'INVALID_INPUT');
  const base = buildBaseContext(family, date, inForceLookup(policies, date));
  const tekunParams = base.inForce('tekun');
  const tekun = family.members.map((_, i) => isTekun(base, i, tekunParams));
  const ctx: FamilyContext = {
    family: base.family,
    date: base.date,
    ages: base.ages,
    perCapita: base.perCapita,
    registered: base.registered,
    inForce: base.inForce,
    tekun,
    dibaoEntitled: false,
  };
  // dibao reads the tekun members, never dibaoEntitled: its verdict here is the decision itself.
  const dibaoVerdict = dibao(ctx, base.inForce('dibao'));
  ctx.dibaoEntitled = dibaoVerdict.entitled;
  return { ctx, dibaoVerdict };
}

const rank = (code: PolicyCode) => POLICY_ORDER.indexOf(code);
const orderCache = new WeakMap<Policy[], Policy[]>();

/** The catalogue in decision order, sorted once per catalogue array. */
function ordered(policies: Policy[]): Policy[] {
  let sorted = orderCache.get(policies);
  if (!sorted) orderCache.set(policies, (sorted = [...policies].sort((a, b) => rank(a.code) - rank(b.code))));
  return sorted;
}

/** Each policy in decision order with its rule and the values in force: one list per catalogue and date. */
interface Step {
  code: PolicyCode;
  rule: (typeof RULES)[PolicyCode];
  params: InForce;
}
const stepCache = new WeakMap<BaseContext['inForce'], Step[]>();

function steps(policies: Policy[], inForce: BaseContext['inForce']): Step[] {
  let list = stepCache.get(inForce);
  if (!list) stepCache.set(inForce, (list = ordered(policies).map((p) => ({ code: p.code, rule: RULES[p.code], params: inForce(p.code) }))));
  return list;
}

/**
 * Every policy for the family on `date`, entitled or not, in catalogue order: one decision per
 * household-level policy, one per member (by index) for member-level ones, so a person can see
 * why a policy does not apply. `entitledOnly` keeps just the entitled ones (the gap sweep compares
 * nothing else and need not hold a million refusals).
 */
export function evaluateFamily(family: FamilyFacts, date: string, policies: Policy[], options: { entitledOnly?: boolean } = {}): Decision[] {
  const { ctx, dibaoVerdict } = buildContext(family, date, policies);
  const all = !options.entitledOnly;
  const decisions: Decision[] = [];
  // Plain loops and literal objects: the county sweep builds about a million decisions.
  for (const { code, rule, params } of steps(policies, ctx.inForce)) {
    if (rule.level === 'household') {
      const v = code === 'dibao' ? dibaoVerdict : rule.decide(ctx, params);
      if (all || v.entitled) decisions.push({ policy: code, member: null, entitled: v.entitled, amount: v.amount, reasons: v.reasons });
      continue;
    }
    for (let i = 0; i < family.members.length; i++) {
      const v = rule.decide(ctx, i, params);
      if (all || v.entitled) decisions.push({ policy: code, member: i, entitled: v.entitled, amount: v.amount, reasons: v.reasons });
    }
  }
  return decisions;
}

/** The fields of a stored household the rules read (a full Household has them all). */
export type RuleFacts = Pick<Household, 'status' | 'annualNetIncome' | 'housingGrade'> & {
  members: Pick<
    Household['members'][number],
    'birthDate' | 'disabilityLevel' | 'health' | 'chronicApproved' | 'schooling' | 'laborCapacity' | 'employed' | 'hasIncome' | 'hasSupporter'
  >[];
};

/** A stored household as rule facts, so the registry and the public calculator share one set of rules. */
export function factsFromHousehold(household: RuleFacts, recent: { emergencyInLast90Days: boolean }): FamilyFacts {
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
