import type { HouseholdBenefits } from '@bangfu/types/api/benefits';

export interface BenefitSummary {
  /** Distinct policies the household or one of its members is entitled to. */
  policies: number;
  receivedThisYear: number;
  gaps: number;
}

/** The numbers of the summary card: "您家可享受 N 项政策，今年已到账 X 元，有 K 项待落实". */
export function summarize(b: HouseholdBenefits): BenefitSummary {
  const policies = new Set(b.decisions.filter((d) => d.entitled).map((d) => d.policy)).size;
  const receivedThisYear = b.received.filter((r) => r.period.startsWith(b.period)).reduce((sum, r) => sum + (r.amount ?? 0), 0);
  return { policies, receivedThisYear, gaps: b.gaps.length };
}

/** Who a decision is about: the household, or a member by name. */
export function subjectOf(b: Pick<HouseholdBenefits, 'members'>, member: number | null): string {
  if (member === null) return '全家';
  const m = b.members[member];
  return m ? `${m.name}（${m.relation}）` : `成员 ${member + 1}`;
}
