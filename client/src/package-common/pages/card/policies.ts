import type { HouseholdBenefits } from '@bangfu/types/api/benefits';
import { subjectOf } from '@/components/benefits/summary';

/** One line of 今年享受的政策: what the household or a member is entitled to this year, and what has arrived. */
export interface CardPolicy {
  key: string;
  policy: HouseholdBenefits['decisions'][number]['policy'];
  subject: string;
  /** 应享, yuan; null for a service without an amount. */
  amount: number | null;
  /** 今年已到账, yuan; null when no record with an amount was paid this year. */
  received: number | null;
  /** An 应享未享 gap is open for it. */
  gap: boolean;
}

/**
 * The card's policy lines from the household's own evaluation (benefits.evaluateHousehold): only
 * entitled decisions, with this year's records (period `YYYY` or `YYYY-MM` of the evaluation year)
 * summed per policy and person, so the household sees 应享 beside 实享.
 */
export function cardPolicies(b: HouseholdBenefits): CardPolicy[] {
  const memberIdOf = (index: number | null) => (index === null ? null : (b.members[index]?.id ?? null));
  return b.decisions
    .filter((d) => d.entitled)
    .map((d) => {
      const memberId = memberIdOf(d.member);
      const paid = b.received.filter((r) => r.policy === d.policy && r.memberId === memberId && r.period.startsWith(b.period));
      const amounts = paid.filter((r) => r.amount !== null);
      return {
        key: `${d.policy}-${memberId ?? 'hh'}`,
        policy: d.policy,
        subject: subjectOf(b, d.member),
        amount: d.amount,
        received: amounts.length ? amounts.reduce((s, r) => s + (r.amount ?? 0), 0) : null,
        gap: b.gaps.some((g) => g.policy === d.policy && g.memberId === memberId),
      };
    });
}
