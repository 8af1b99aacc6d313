import type { HouseholdBenefits } from '@bangfu/types/api/benefits';

/**
 * What a count counts, said the same way everywhere: 项 is a policy (one however many members it
 * concerns), 人次 is a policy for one person (a household-level policy counts once for the household).
 * "可享受 7 项政策，共 9 人次" and "不适用 5 项政策" add up to the catalogue; 38 人次 never reads as 38 policies.
 */
export interface PolicyCount {
  policies: number;
  times: number;
}

export function countOf(items: ReadonlyArray<{ policy: string }>): PolicyCount {
  return { policies: new Set(items.map((i) => i.policy)).size, times: items.length };
}

/** `7 项政策`, or `7 项政策，共 9 人次` when some policy concerns more than one person. */
export function countText({ policies, times }: PolicyCount): string {
  return times > policies ? `${policies} 项政策，共 ${times} 人次` : `${policies} 项政策`;
}

export interface BenefitSummary {
  /** Distinct policies the household or one of its members is entitled to. */
  policies: number;
  receivedThisYear: number;
  /** Distinct policies with a gap (应享未享) for the household or one of its members. */
  gaps: number;
}

/** The numbers of the summary card: "您家可享受 N 项政策，今年已到账 X 元，有 K 项待落实". */
export function summarize(b: HouseholdBenefits): BenefitSummary {
  const policies = countOf(b.decisions.filter((d) => d.entitled)).policies;
  const receivedThisYear = b.received.filter((r) => r.period.startsWith(b.period)).reduce((sum, r) => sum + (r.amount ?? 0), 0);
  return { policies, receivedThisYear, gaps: countOf(b.gaps).policies };
}

/** Who a decision is about: the household, or a member by name. */
export function subjectOf(b: Pick<HouseholdBenefits, 'members'>, member: number | null): string {
  if (member === null) return '全家';
  const m = b.members[member];
  return m ? `${m.name}（${m.relation}）` : `成员 ${member + 1}`;
}
