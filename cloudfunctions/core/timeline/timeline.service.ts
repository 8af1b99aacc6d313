import type { TimelineEntry } from '../../../types/plan';
import type { Household } from '../../../types/household';
import { HOUSEHOLD_STATUS_LABELS } from '../../../types/household';
import type { Benefit } from '../../../types/benefit';
import { OCCASION_LABELS, type Visit } from '../../../types/visit';
import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS, type Need } from '../../../types/need';
import { FINDING_STEP_LABELS, type Finding } from '../../../types/finding';
import type { CallerCtx } from '../handler';
import { recentVisitsOf } from '../visits/visit.repository';
import { recentNeedsOf } from '../needs/need.repository';
import { recentRecordsOf } from '../benefits/benefit.repository';
import { recentFindingsOf } from '../findings/finding.repository';
import { readableHousehold } from '../access';
import { getPlan } from '../plans/plan.service';
import { POLICY_LABELS } from '../../../types/policy';

function statusEntries(h: Household): TimelineEntry[] {
  return h.statusHistory.map((c) => ({
    kind: 'status',
    at: c.at,
    title: `户状态：${HOUSEHOLD_STATUS_LABELS[c.from]} → ${HOUSEHOLD_STATUS_LABELS[c.to]}`,
    detail: c.reason,
  }));
}

function visitEntries(visits: Visit[], internal: boolean): TimelineEntry[] {
  return visits.map((v) => ({
    kind: 'visit',
    at: v.visitedAt,
    title: `走访：${OCCASION_LABELS[v.occasion] ?? '走访'}`,
    detail: internal ? v.notes : '',
    refId: v._id,
  }));
}

function needEntries(needs: Need[]): TimelineEntry[] {
  return needs.map((n) => ({
    kind: 'need',
    at: n.reportedAt,
    title: `需求：${NEED_CATEGORY_LABELS[n.category] ?? '其他'}（${NEED_STATUS_LABELS[n.status] ?? ''}）`,
    detail: n.description,
    refId: n._id,
  }));
}

/** Every step of the findings about the household (督查整改), for staff only. */
function findingEntries(findings: Finding[]): TimelineEntry[] {
  return findings.flatMap((f) =>
    f.history.map((step) => ({
      kind: 'finding' as const,
      at: step.at,
      title: `督查整改 ${f.code}：${FINDING_STEP_LABELS[step.kind]}`,
      detail: step.kind === 'created' ? f.description : (step.note ?? ''),
      refId: f._id,
    })),
  );
}

function benefitEntries(benefits: Benefit[]): TimelineEntry[] {
  return benefits.map((b) => ({
    kind: 'benefit',
    at: `${b.paidOn}T00:00:00+08:00`,
    title: `政策兑现：${POLICY_LABELS[b.policy] ?? b.policy}`,
    detail: typeof b.amount === 'number' ? `${b.amount} 元` : '',
    refId: b._id,
  }));
}

/**
 * 户档案动态: visits, status changes, needs, benefits, plan progress and 督查整改 steps in one list,
 * newest first. A household sees its own without internal notes (visit notes, progress notes) and
 * without findings.
 */
export async function timeline(ctx: CallerCtx, input: { householdId: string; limit: number }): Promise<{ items: TimelineEntry[] }> {
  const h = await readableHousehold(ctx.user, input.householdId);
  const internal = ctx.user.role !== 'household';
  const [visits, needs, benefits, plan, findings] = await Promise.all([
    recentVisitsOf(h._id, input.limit),
    recentNeedsOf(h._id, input.limit),
    recentRecordsOf(h._id, input.limit),
    getPlan(ctx, { householdId: h._id }),
    internal ? recentFindingsOf(h._id, input.limit) : [],
  ]);
  const progress: TimelineEntry[] = plan.measures.flatMap((m) =>
    m.history.map((e) => ({
      kind: 'plan' as const,
      at: e.at,
      title: `帮扶措施「${m.title}」进度 ${e.progress}%`,
      detail: internal ? e.note : '',
    })),
  );
  const items = [
    ...visitEntries(visits, internal),
    ...statusEntries(h),
    ...needEntries(needs),
    ...benefitEntries(benefits),
    ...progress,
    ...findingEntries(findings),
  ];
  items.sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  return { items: items.slice(0, input.limit) };
}
