import type { CalculatorHousehold } from '../../../types/benefit';
import { HOUSEHOLD_STATUS_LABELS, isRegistered } from '../../../types/household';
import type { PolicyCode } from '../../../types/policy';
import type { InForce } from './params';

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

/**
 * Whole years on `date`; the birthday itself counts. Someone born on 29 Feb turns a year older on
 * 1 Mar in common years, since the (month, day) comparison has no 29 Feb to reach.
 */
export function ageOn(birthDate: string, date: string): number {
  const by = Number(birthDate.slice(0, 4)), bm = Number(birthDate.slice(5, 7)), bd = Number(birthDate.slice(8, 10));
  const y = Number(date.slice(0, 4)), m = Number(date.slice(5, 7)), d = Number(date.slice(8, 10));
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** Numbers as people read them on a notice: thousands separators, at most two decimals. */
export function fmt(n: number): string {
  // Whole yuan are nearly every number in a reason: group digits by hand, the sweep formats millions.
  if (Number.isSafeInteger(n)) return groupDigits(n);
  const rounded = Math.round(n * 100) / 100;
  const [whole, frac] = Math.abs(rounded).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = frac === '00' ? '' : `.${frac.replace(/0$/, '')}`;
  return `${rounded < 0 ? '-' : ''}${grouped}${decimals}`;
}

function groupDigits(n: number): string {
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** One condition of a rule, with what to say when it holds and when it does not. */
export interface Check {
  ok: boolean;
  yes: string;
  no: string;
}

/** All checks must hold. Not entitled: say only what failed, so the person sees what is missing. */
export function judge(checks: Check[], amount: number | null, notes: string[] = []): Verdict {
  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) return { entitled: false, amount: null, reasons: failed.map((c) => c.no) };
  return { entitled: true, amount, reasons: [...checks.map((c) => c.yes), ...notes] };
}

/** The same for every policy of a family: built once per family (a sweep asks it ~40 times each). */
const registeredChecks = new WeakMap<BaseContext, Check>();

export function registeredCheck(ctx: BaseContext): Check {
  const cached = registeredChecks.get(ctx);
  if (cached) return cached;
  const label = HOUSEHOLD_STATUS_LABELS[ctx.family.status];
  const check = {
    ok: ctx.registered,
    yes: `户状态为${label}，属于享受帮扶政策的对象`,
    no: `户状态为${label}，不在享受帮扶政策的范围内`,
  };
  registeredChecks.set(ctx, check);
  return check;
}

/** Inclusive age band; `max` undefined means no upper bound. */
export function ageCheck(age: number, min: number, max?: number): Check {
  const band = max === undefined ? `${min} 周岁及以上` : `${min}–${max} 周岁`;
  const ok = age >= min && (max === undefined || age <= max);
  // `judge` reads `yes` only when ok and `no` only when not: build just the sentence that will be said.
  const said = `年龄 ${age} 周岁，${ok ? '在' : '不在'} ${band}范围内`;
  return { ok, yes: said, no: said };
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
