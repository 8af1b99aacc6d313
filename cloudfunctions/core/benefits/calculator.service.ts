import type { CalculateInput, Decision } from '../../../types/benefit';
import type { Policy } from '../../../types/policy';
import { clock } from '../clock';
import { dateOf } from '../time';
import { evaluateFamily } from './evaluate';

/**
 * 政策计算器 (SPEC §3): the public calculator; `input` is already parsed by `CalculateInput`.
 * Without a date it evaluates on today in China time (a UTC date would flip at 08:00 local).
 */
export function calculate(input: CalculateInput, policies: Policy[], today: string = dateOf(clock.now())): { decisions: Decision[] } {
  return { decisions: evaluateFamily(input.household, input.date ?? today, policies) };
}
