import type { Decision } from '../../../types/benefit';
import type { PaidKey, RuleHousehold } from './benefit.repository';
import type { PolicyCode } from '../../../types/policy';
import { paidKey, paidKeysOf, paidThisPeriod, type PaidThisPeriod } from '../households/paid-keys';

/**
 * 应享未享: an entitled decision not yet delivered — unpaid this period, paid less than the
 * decision says (少享), or an approval still missing.
 */
export interface FoundGap {
  policy: PolicyCode;
  /** Index in `household.members`; null for household-level policies. */
  member: number | null;
  memberId: string | null;
  /** What the decision entitles to (应享), yuan; null for a service. */
  amount: number | null;
  /** What this period's records paid under it (实享), yuan; null when nothing with an amount was paid. */
  received: number | null;
  kind: 'unpaid' | 'short' | 'approval_missing';
  reasons: string[];
}

/**
 * Compares the decisions with the records of the current period. The one comparison behind every
 * gap: the kept gaps (kept-gaps.service.ts) are written from it whenever a record (or the 慢病认定)
 * arrives, so a gap closes the moment it does.
 */
export function gapsOf(household: Pick<RuleHousehold, 'members'>, decisions: Decision[], records: PaidKey[]): FoundGap[] {
  return gapsAgainst(household, decisions, paidThisPeriod(Object.values(paidKeysOf(records)).flat()));
}

/**
 * The same against the `paidKeys` and `paidAmounts` already collected (the sweep reads them so
 * from the database). A record that paid less than the entitled amount leaves a 少享 gap: a
 * household whose 低保 rose to 9,480 元 after its income fell, paid 3,480 元, is 6,000 元 short.
 */
export function gapsAgainst(household: Pick<RuleHousehold, 'members'>, decisions: Decision[], paid: PaidThisPeriod): FoundGap[] {
  const gaps: FoundGap[] = [];
  for (const d of decisions) {
    if (!d.entitled) continue;
    const member = d.member === null ? null : household.members[d.member];
    const memberId = member?.id ?? null;
    const key = paidKey(d.policy, memberId);
    let kind: FoundGap['kind'] | null = null;
    let received: number | null = null;
    if (!paid.keys.has(key)) kind = 'unpaid';
    else {
      if (d.amount !== null) received = paid.received.get(key) ?? null;
      if (received !== null && d.amount !== null && received < d.amount) kind = 'short';
      // SPEC §3: chronic illness without a recorded 慢病认定 is a gap to act on even when served.
      else if (d.policy === 'chronic_outpatient' && member && !member.chronicApproved) kind = 'approval_missing';
    }
    if (kind) gaps.push({ policy: d.policy, member: d.member, memberId, amount: d.amount, received, reasons: d.reasons, kind });
  }
  return gaps;
}
