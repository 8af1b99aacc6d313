import type { Decision } from '../../../types/benefit';
import type { PaidKey, RuleHousehold } from './benefit.repository';
import type { PolicyCode } from '../../../types/policy';
import { paidKey } from '../households/paid-keys';

/** 应享未享: an entitled decision not yet delivered — unpaid this period, or an approval still missing. */
export interface FoundGap {
  policy: PolicyCode;
  /** Index in `household.members`; null for household-level policies. */
  member: number | null;
  memberId: string | null;
  amount: number | null;
  kind: 'unpaid' | 'approval_missing';
  reasons: string[];
}

/**
 * Compares the decisions with the records of the current period. Computed on every read, never
 * stored, so a gap closes the moment its record (or the 慢病认定) arrives.
 */
export function gapsOf(household: Pick<RuleHousehold, 'members'>, decisions: Decision[], records: PaidKey[]): FoundGap[] {
  return gapsAgainst(household, decisions, new Set(records.map((r) => paidKey(r.policy, r.memberId))));
}

/** The same against the `paidKey`s already collected (the sweep reads them so from the database). */
export function gapsAgainst(household: Pick<RuleHousehold, 'members'>, decisions: Decision[], paid: ReadonlySet<string>): FoundGap[] {
  const gaps: FoundGap[] = [];
  for (const d of decisions) {
    if (!d.entitled) continue;
    const member = d.member === null ? null : household.members[d.member];
    const memberId = member?.id ?? null;
    let kind: FoundGap['kind'] | null = null;
    if (!paid.has(paidKey(d.policy, memberId))) kind = 'unpaid';
    // SPEC §3: chronic illness without a recorded 慢病认定 is a gap to act on even when served.
    else if (d.policy === 'chronic_outpatient' && member && !member.chronicApproved) kind = 'approval_missing';
    if (kind) gaps.push({ policy: d.policy, member: d.member, memberId, amount: d.amount, reasons: d.reasons, kind });
  }
  return gaps;
}
