/**
 * The SPEC §3 rules expressed in json-rules-engine, the most used JavaScript rules engine, for the
 * side-by-side in `benefits.ts`. Same conditions as `cloudfunctions/core/benefits/*.rules.ts`, with
 * the same derived facts (ages, per-capita income) computed before the engine runs, as its
 * documentation recommends. The engine answers which rules fired; it gives no reasons.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { FamilyFacts } from '../../cloudfunctions/core/benefits/evaluate';
import { ageOn } from '../../cloudfunctions/core/benefits/facts';

type Cond = { fact: string; operator: string; value: unknown };
const is = (fact: string, value: unknown): Cond => ({ fact, operator: 'equal', value });
const inList = (fact: string, value: unknown[]): Cond => ({ fact, operator: 'in', value });
const between = (fact: string, min: number, max: number): Cond[] => [
  { fact, operator: 'greaterThanInclusive', value: min },
  { fact, operator: 'lessThanInclusive', value: max },
];
const rule = (name: string, all: Cond[], any?: Cond[]): RuleProperties => ({
  name,
  event: { type: name },
  conditions: any ? { all: [...all, { any }] } : { all },
});
const registered = is('registered', true);

/** Member rules that need nothing but the member (tekun first: dibao depends on it). */
const MEMBER_RULES: RuleProperties[] = [
  rule(
    'tekun',
    [is('laborCapacity', 'none'), is('hasIncome', false), is('hasSupporter', false)],
    [{ fact: 'age', operator: 'greaterThanInclusive', value: 60 }, { fact: 'age', operator: 'lessThan', value: 16 }, inList('disabilityLevel', [1, 2])],
  ),
  rule('medical_premium', [registered]),
  rule('chronic_outpatient', [registered, is('chronicIllness', true)]),
  rule('education_waiver', [registered, inList('schooling', ['preschool', 'primary', 'junior'])]),
  rule('yulu', [registered, inList('schooling', ['vocational', 'higher_vocational'])]),
  rule('early_pension', [registered, ...between('age', 55, 59)]),
  rule('pension_premium', [registered, ...between('age', 16, 54), is('schooling', 'none')]),
  rule('disability_care', [inList('disabilityLevel', [1, 2])]),
  rule('public_job', [registered, ...between('age', 18, 65), inList('laborCapacity', ['full', 'partial']), is('employed', false), is('schooling', 'none')]),
  rule('elderly_allowance', [registered, { fact: 'age', operator: 'greaterThanInclusive', value: 80 }]),
];

const HOUSEHOLD_RULES: RuleProperties[] = [
  rule('dibao', [
    { fact: 'perCapita', operator: 'lessThan', value: { fact: 'dibaoStandard' } } as Cond,
    { fact: 'nonTekun', operator: 'greaterThan', value: 0 },
  ]),
  rule('pay_after_care', [registered]),
  rule('housing_repair', [registered, inList('housingGrade', ['C', 'D'])]),
  rule('microcredit', [registered, { fact: 'fullWorkers18to65', operator: 'greaterThan', value: 0 }]),
  rule('temporary_aid', [is('emergencyInLast90Days', true)]),
];

/** disability_living reads the household's dibao decision, so it runs after the household pass. */
const AFTER_DIBAO_RULES: RuleProperties[] = [rule('disability_living', [inList('disabilityLevel', [1, 2, 3, 4]), is('dibaoEntitled', true)])];

const engineOf = (rules: RuleProperties[]) => {
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  return engine;
};

export function jsonRulesEvaluator(dibaoStandard: number) {
  const members = engineOf(MEMBER_RULES);
  const households = engineOf(HOUSEHOLD_RULES);
  const after = engineOf(AFTER_DIBAO_RULES);
  const REGISTERED = ['poor', 'exited_enjoying', 'monitored'];
  /** Entitled `policy|member` keys (member '' for household policies), as our evaluator's decisions give them. */
  return async function evaluate(family: FamilyFacts, date: string): Promise<Set<string>> {
    const registeredNow = REGISTERED.includes(family.status);
    const ages = family.members.map((m) => ageOn(m.birthDate, date));
    const entitled = new Set<string>();
    const tekun: boolean[] = [];
    for (let i = 0; i < family.members.length; i++) {
      const { events } = await members.run({ ...family.members[i], age: ages[i], registered: registeredNow });
      for (const e of events) entitled.add(`${e.type}|${i}`);
      tekun.push(events.some((e) => e.type === 'tekun'));
    }
    const { events } = await households.run({
      registered: registeredNow,
      housingGrade: family.housingGrade,
      emergencyInLast90Days: family.emergencyInLast90Days,
      perCapita: family.annualNetIncome / family.members.length,
      dibaoStandard,
      nonTekun: tekun.filter((t) => !t).length,
      fullWorkers18to65: family.members.filter((m, i) => m.laborCapacity === 'full' && ages[i] >= 18 && ages[i] <= 65).length,
    });
    for (const e of events) entitled.add(`${e.type}|`);
    const dibaoEntitled = entitled.has('dibao|');
    for (let i = 0; i < family.members.length; i++) {
      const res = await after.run({ disabilityLevel: family.members[i].disabilityLevel, dibaoEntitled });
      for (const e of res.events) entitled.add(`${e.type}|${i}`);
    }
    return entitled;
  };
}
