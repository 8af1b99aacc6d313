import type { Gap } from '../../../types/api/benefits';
import type { RuleHousehold } from './benefit.repository';
import type { FoundGap } from './gaps.rules';

/** A found gap as the API shows it: names instead of indexes, and who is to act on it. */
export function toGap(household: Omit<RuleHousehold, 'paidKeys'>, gap: FoundGap, helperId: string | null, helperName: string | null): Gap {
  return {
    householdId: household._id,
    headName: household.headName,
    villageId: household.villageId,
    memberId: gap.memberId,
    memberName: gap.member === null ? null : (household.members[gap.member]?.name ?? null),
    policy: gap.policy,
    amount: gap.amount,
    received: gap.received,
    shortfall: gap.kind === 'short' && gap.amount !== null && gap.received !== null ? gap.amount - gap.received : null,
    kind: gap.kind,
    reasons: gap.reasons,
    helperId,
    helperName,
  };
}
