import type { CalculateInput, Decision } from '../../../types/benefit';
import type { Policy } from '../../../types/policy';
import { evaluateFamily } from './evaluate';

/** Today in China (UTC+8), where the offices are: a UTC date would flip at 08:00 local time. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 政策计算器 (SPEC §3): the public calculator; `input` is already parsed by `CalculateInput`. */
export function calculate(input: CalculateInput, policies: Policy[], today: string = chinaToday()): { decisions: Decision[] } {
  return { decisions: evaluateFamily(input.household, input.date ?? today, policies) };
}
