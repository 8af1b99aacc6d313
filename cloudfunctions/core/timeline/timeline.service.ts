import type { TimelineEntry } from '../../../types/plan';
import type { Household } from '../../../types/household';
import { HOUSEHOLD_STATUS_LABELS } from '../../../types/household';
import { OCCASION_LABELS, type Occasion } from '../../../types/visit';
import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS, type NeedCategory, type NeedStatus } from '../../../types/need';
import type { CallerCtx } from '../handler';
import { getDb } from '../store';
import { readableHousehold } from '../access';
import { getPlan } from '../plans/plan.service';
import { DEFAULT_POLICIES } from '../benefits/catalogue';

const POLICY_LABELS = new Map<string, string>(DEFAULT_POLICIES.map((p) => [p.code, p.label]));

type Doc = Record<string, unknown>;

async function recent(coll: string, householdId: string, sortField: string, limit: number): Promise<Doc[]> {
  const { data } = await getDb().collection(coll).where({ householdId }).orderBy(sortField, 'desc').limit(limit).get();
  return data as Doc[];
}

function statusEntries(h: Household): TimelineEntry[] {
  return h.statusHistory.map((c) => ({
    kind: 'status', at: c.at, title: `户状态：${HOUSEHOLD_STATUS_LABELS[c.from]} → ${HOUSEHOLD_STATUS_LABELS[c.to]}`, detail: c.reason,
  }));
}

function visitEntries(visits: Doc[], internal: boolean): TimelineEntry[] {
  return visits.map((v) => ({
    kind: 'visit', at: v.visitedAt as string, title: `走访：${OCCASION_LABELS[v.occasion as Occasion] ?? '走访'}`,
    detail: internal ? (v.notes as string) : '', refId: v._id as string,
  }));
}

function needEntries(needs: Doc[]): TimelineEntry[] {
  return needs.map((n) => ({
    kind: 'need', at: n.reportedAt as string,
    title: `需求：${NEED_CATEGORY_LABELS[n.category as NeedCategory] ?? '其他'}（${NEED_STATUS_LABELS[n.status as NeedStatus] ?? ''}）`,
    detail: n.description as string, refId: n._id as string,
  }));
}

function benefitEntries(benefits: Doc[]): TimelineEntry[] {
  return benefits.filter((b) => typeof b.paidOn === 'string').map((b) => ({
    kind: 'benefit', at: `${b.paidOn as string}T00:00:00+08:00`, title: `政策兑现：${POLICY_LABELS.get(b.policy as string) ?? (b.policy as string)}`,
    detail: typeof b.amount === 'number' ? `${b.amount} 元` : '', refId: b._id as string,
  }));
}

/**
 * 户档案动态: visits, status changes, needs, benefits and plan progress in one list, newest first.
 * A household sees its own without internal notes (visit notes, progress notes).
 */
export async function timeline(ctx: CallerCtx, input: { householdId: string; limit: number }): Promise<{ items: TimelineEntry[] }> {
  const h = await readableHousehold(ctx.user, input.householdId);
  const internal = ctx.user.role !== 'household';
  const [visits, needs, benefits, plan] = await Promise.all([
    recent('visits', h._id, 'visitedAt', input.limit),
    recent('needs', h._id, 'reportedAt', input.limit),
    recent('benefits', h._id, 'paidOn', input.limit),
    getPlan(ctx, { householdId: h._id }),
  ]);
  const progress: TimelineEntry[] = plan.measures.flatMap((m) => m.history.map((e) => ({
    kind: 'plan' as const, at: e.at, title: `帮扶措施「${m.title}」进度 ${e.progress}%`, detail: internal ? e.note : '',
  })));
  const items = [...visitEntries(visits, internal), ...statusEntries(h), ...needEntries(needs), ...benefitEntries(benefits), ...progress];
  items.sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  return { items: items.slice(0, input.limit) };
}
