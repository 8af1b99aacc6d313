import type { CalculatorHousehold } from '../../../types/benefit';
import { HOUSEHOLD_STATUS_LABELS, isRegistered } from '../../../types/household';
import type { PolicyCode } from '../../../types/policy';
import { chineseDay, thousands } from '../../../types/format';
import type { InForce } from './params';
import { ageOn } from '../time';

/** A family as the rules see it: the calculator's shape after parsing (defaults applied). */
export type FamilyFacts = CalculatorHousehold;

/** What every rule may read: the family, the date, and facts derived once for all rules. */
export interface BaseContext {
  family: FamilyFacts;
  date: string;
  /** Whole years on `date`, by member index. */
  ages: number[];
  perCapita: number;
  registered: boolean;
  /** Another policy's values in force on `date` (tekun's amount follows the dibao standard). */
  inForce: (code: PolicyCode) => InForce;
}

/** Base facts plus the decisions other rules depend on: tekun members, and dibao for disability_living. */
export interface FamilyContext extends BaseContext {
  tekun: boolean[];
  dibaoEntitled: boolean;
}

/** A rule's answer before it is labelled with its policy and member. */
export interface Verdict {
  entitled: boolean;
  amount: number | null;
  reasons: string[];
}

/** Ages are read by the rules and shown on household pages alike: one definition, in core/time. */
export { ageOn };

/** Numbers as people read them on a notice: the shared formatter (types/format), remembered per whole number. */
export function fmt(n: number): string {
  // Whole yuan are nearly every number in a reason, mostly the same few amounts: the sweep formats millions.
  if (!Number.isSafeInteger(n)) return thousands(n);
  const known = formatted.get(n);
  if (known !== undefined) return known;
  const text = thousands(n);
  if (formatted.size < 10_000) formatted.set(n, text);
  return text;
}

const formatted = new Map<number, string>();

/** A dated parameter's day in a reason: `2026-01-01` → `2026年1月1日`. */
export { chineseDay };

/** One condition of a rule, with what to say when it holds and when it does not. */
export interface Check {
  ok: boolean;
  yes: string;
  no: string;
}

/** All checks must hold. Not entitled: say only what failed, so the person sees what is missing. */
export function judge(checks: Check[], amount: number | null, notes: string[] = []): Verdict {
  // Plain loops: called about a million times by a county sweep.
  const failed: string[] = [];
  for (const c of checks) if (!c.ok) failed.push(c.no);
  if (failed.length > 0) return { entitled: false, amount: null, reasons: failed };
  const reasons: string[] = [];
  for (const c of checks) reasons.push(c.yes);
  for (const n of notes) reasons.push(n);
  return { entitled: true, amount, reasons };
}

/**
 * Checks depend only on their inputs and are never mutated, so the few distinct ones are built
 * once and shared: a county sweep asks for about a million of them.
 */
const registeredChecks = new Map<string, [Check | undefined, Check | undefined]>();

export function registeredCheck(ctx: BaseContext): Check {
  // Keyed by both: `registered` is derived from the status, but a caller-built context may say otherwise.
  let pair = registeredChecks.get(ctx.family.status);
  if (!pair) registeredChecks.set(ctx.family.status, (pair = [undefined, undefined]));
  const slot = ctx.registered ? 1 : 0;
  const cached = pair[slot];
  if (cached) return cached;
  const label = HOUSEHOLD_STATUS_LABELS[ctx.family.status];
  const check = {
    ok: ctx.registered,
    yes: `户状态为${label}，属于享受帮扶政策的对象`,
    no: `户状态为${label}，不在享受帮扶政策的范围内`,
  };
  pair[slot] = check;
  return check;
}

/** By band (catalogue parameters), then by age. Numbers as keys: no string built per call. */
const ageChecks = new Map<number, Map<number | undefined, Check[]>>();

/** Inclusive age band; `max` undefined means no upper bound. */
export function ageCheck(age: number, min: number, max?: number): Check {
  let byMax = ageChecks.get(min);
  if (!byMax) ageChecks.set(min, (byMax = new Map()));
  let byAge = byMax.get(max);
  if (!byAge) byMax.set(max, (byAge = []));
  // Only plausible ages are kept: the calculator takes any input, and the table must stay small.
  const cacheable = Number.isInteger(age) && age >= 0 && age <= 150;
  const cached = cacheable ? byAge[age] : undefined;
  if (cached) return cached;
  const band = max === undefined ? `${min} 周岁及以上` : `${min}–${max} 周岁`;
  const ok = age >= min && (max === undefined || age <= max);
  // `judge` reads `yes` only when ok and `no` only when not: build just the sentence that will be said.
  const said = `年龄 ${age} 周岁，${ok ? '在' : '不在'} ${band}范围内`;
  const check = { ok, yes: said, no: said };
  if (cacheable) byAge[age] = check;
  return check;
}

export const DISABILITY_LABELS = ['无残疾', '一级残疾', '二级残疾', '三级残疾', '四级残疾'] as const;

export function buildBaseContext(family: FamilyFacts, date: string, inForce: BaseContext['inForce']): BaseContext {
  return {
    family,
    date,
    ages: family.members.map((m) => ageOn(m.birthDate, date)),
    perCapita: family.annualNetIncome / family.members.length,
    registered: isRegistered(family.status),
    inForce,
  };
}
