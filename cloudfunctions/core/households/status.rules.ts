import { ADJUST_KIND_LABELS, STATUS_TRANSITIONS, type AdjustKind } from '../../../types/api/households';
import { HOUSEHOLD_STATUS_LABELS, type HouseholdStatus } from '../../../types/household';

const list = (statuses: HouseholdStatus[]) => statuses.map((s) => `「${HOUSEHOLD_STATUS_LABELS[s]}」`).join('、');

/** Why this adjustment (动态调整) is not allowed, in Chinese; null when it is. The table is `STATUS_TRANSITIONS`. */
export function transitionProblem(kind: AdjustKind, from: HouseholdStatus, to: HouseholdStatus): string | null {
  const rule = STATUS_TRANSITIONS[kind];
  if (from === to) return `该户已是「${HOUSEHOLD_STATUS_LABELS[to]}」，无需调整`;
  if (!rule.from.includes(from)) return `「${ADJUST_KIND_LABELS[kind]}」只适用于${list(rule.from)}，该户目前是「${HOUSEHOLD_STATUS_LABELS[from]}」`;
  if (!rule.to.includes(to)) return `「${ADJUST_KIND_LABELS[kind]}」后的状态只能是${list(rule.to)}`;
  return null;
}
