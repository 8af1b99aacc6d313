import { HIGH_RULES, type Assessment, type RemovalReadiness } from '../../../types/monitoring';
import type { Household } from '../../../types/household';
import { chineseDay } from '../../../types/format';
import { sixMonthsAfter } from './follow-up.rules';
import type { StaffCtx } from '../handler';
import { invalid } from '../errors';
import { readableHousehold } from '../access';
import { loadPlan } from '../plans/plan.service';
import { dateOf } from '../time';
import { assessHousehold } from './household-assess.service';

/** The day the household last became monitored: its field, or the status history for households monitored before it was kept. */
export function monitoredSinceOf(h: Pick<Household, 'status' | 'monitoredSince' | 'statusHistory'>): string | null {
  if (h.status !== 'monitored') return null;
  return h.monitoredSince ?? h.statusHistory.filter((c) => c.to === 'monitored').at(-1)?.effectiveOn ?? null;
}

interface Facts {
  today: string;
  since: string | null;
  doneMeasures: number;
  assessment: Assessment;
  everyoneUnableToWork: boolean;
}

/**
 * 风险消除 is proposed only when ready (SPEC §3b): monitored at least 6 months, at least one plan
 * measure done, the latest per-capita income at or above the line, no high-level risk triggered,
 * and not a household where no one can work. Each condition not met is one sentence of `missing`.
 */
export function removalMissing(f: Facts): string[] {
  const missing: string[] = [];
  if (!f.since) missing.push('没有纳入监测的日期记录');
  else if (f.today < sixMonthsAfter(f.since))
    missing.push(`纳入监测不满 6 个月：${chineseDay(f.since)}纳入，${chineseDay(sixMonthsAfter(f.since))}起满 6 个月`);
  if (f.doneMeasures === 0) missing.push('帮扶计划中还没有完成的措施（至少完成 1 项）');
  const income = f.assessment.risks.find((r) => r.rule === 'income_below_line');
  if (income?.triggered) missing.push(`收入未达到监测范围：${income.reasons[0]}`);
  else if (income && /没有.*收入记录/.test(income.reasons[0] ?? '')) missing.push('没有最近一年的家庭收入记录');
  for (const r of f.assessment.risks) {
    if (r.triggered && r.rule !== 'income_below_line' && HIGH_RULES.includes(r.rule)) missing.push(`仍有高风险：${r.reasons[0]}`);
  }
  if (f.everyoneUnableToWork) missing.push('家庭成员都没有劳动能力，风险难以稳定消除');
  return missing;
}

export async function removalReadiness(ctx: StaffCtx, input: { householdId: string }): Promise<RemovalReadiness> {
  const h = await readableHousehold(ctx.user, input.householdId);
  if (h.status !== 'monitored') throw invalid('该户不是监测户，无需评估风险消除', [{ path: 'householdId', message: '不是监测户' }]);
  const today = dateOf(ctx.now);
  const since = monitoredSinceOf(h);
  const firstYear = Number((since ?? today).slice(0, 4));
  const years = Array.from({ length: Number(today.slice(0, 4)) - firstYear + 1 }, (_, i) => firstYear + i).slice(-3);
  const plans = await Promise.all(years.map((y) => loadPlan(h, y, ctx.now)));
  const doneMeasures = plans.flatMap((p) => p.measures).filter((m) => m.progress >= 100).length;
  const assessment = await assessHousehold(ctx, { householdId: h._id });
  const missing = removalMissing({ today, since, doneMeasures, assessment, everyoneUnableToWork: h.members.every((m) => m.laborCapacity === 'none') });
  return { householdId: h._id, ready: missing.length === 0, missing, monitoredSince: since };
}
