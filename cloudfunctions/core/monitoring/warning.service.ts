import { STAGE_WORKING_DAYS, type ListWarningsInput, type SweepResult, type Warning, type WarningView } from '../../../types/monitoring';
import type { AdminCtx, StaffCtx } from '../handler';
import { regionFilter } from '../access';
import { primaryHelpers } from '../assignments/pairing.repository';
import { emergencySince } from '../benefits/gaps.service';
import { allHouseholds } from '../households/household.repository';
import { householdsWithEmergency } from '../needs/need.repository';
import { getDb } from '../store';
import { derivedId } from '../store/derived-id';
import { adminsOfRegion } from '../users/user.repository';
import { dateOf } from '../time';
import { assess } from './assess.service';
import { monitoringValues } from './monitoring-params';
import { familyOf, sinceFor } from './household-assess.service';
import { expensesOfHouseholds } from './medical.repository';
import { householdsWithOpenWarning, insertWarning, openStages, warningPage } from './warning.repository';
import { addWorkingDays } from './working-days.rules';

/** The county's holidays (a dated parameter to come); weekends never count. */
const HOLIDAYS: ReadonlySet<string> = new Set();

/**
 * 监测排查: every household of the admin's region (一般农户 included) through the §3b rules on
 * today; each one at risk and not yet monitored, without an open warning, gets one — handed to its
 * primary helper, or to its village's admin when it has none — due for 入户核实 in 5 working days.
 */
export async function sweep(ctx: AdminCtx): Promise<SweepResult> {
  const date = dateOf(ctx.now);
  const result: SweepResult = { assessed: 0, atRisk: 0, opened: 0 };
  const values = await monitoringValues();
  const villageAdmins = new Map<string, string | null>();
  const villageAdmin = async (villageId: string) => {
    if (!villageAdmins.has(villageId)) villageAdmins.set(villageId, (await adminsOfRegion(villageId)).find((u) => u.active)?._id ?? null);
    return villageAdmins.get(villageId)!;
  };
  for await (const page of allHouseholds(regionFilter(ctx.user.scope))) {
    const ids = page.map((h) => h._id);
    const [emergencies, expenses, open, helpers] = await Promise.all([
      householdsWithEmergency(ids, emergencySince(ctx.now)), expensesOfHouseholds(ids, sinceFor(date)), householdsWithOpenWarning(ids), primaryHelpers(ids),
    ]);
    for (const h of page) {
      result.assessed++;
      const a = assess({ date, household: familyOf(h, emergencies.has(h._id), expenses.get(h._id) ?? []) }, date, values);
      if (a.level === 'none' || h.status === 'monitored') continue;
      result.atRisk++;
      if (open.has(h._id)) continue;
      const warning: Warning = {
        _id: derivedId('warning', [h._id, date]), householdId: h._id, headName: h.headName, countyId: h.countyId, townId: h.townId, villageId: h.villageId,
        stage: 'verify', open: true, version: 1, source: 'assessment', risks: a.risks.filter((r) => r.triggered), level: a.level, suggestedType: a.suggestedType,
        assigneeId: helpers.get(h._id) ?? (await villageAdmin(h.villageId)), stageStartedOn: date, dueOn: addWorkingDays(date, STAGE_WORKING_DAYS.verify, HOLIDAYS),
        createdAt: ctx.now.toISOString(),
      };
      if (await insertWarning(warning)) result.opened++;
    }
  }
  return result;
}

/** 预警 of the caller: an admin's region, a helper's handed to them; open ones due first. */
export async function listWarnings(ctx: StaffCtx, input: ListWarningsInput): Promise<{ items: WarningView[]; total: number }> {
  const _ = getDb().command;
  const today = dateOf(ctx.now);
  const parts: Array<Record<string, unknown>> = [ctx.user.role === 'admin' ? regionFilter(ctx.user.scope) : { assigneeId: ctx.user._id }];
  if (input.stage) parts.push({ stage: input.stage });
  if (input.overdue !== undefined) parts.push(input.overdue ? { stage: openStages(), dueOn: _.lt(today) } : _.or([{ open: false }, { dueOn: _.gte(today) }]) as unknown as Record<string, unknown>);
  const { items, total } = await warningPage(_.and(parts), input.offset, input.limit);
  return { items: items.map((w) => ({ ...w, overdue: w.open && w.dueOn < today })), total };
}
