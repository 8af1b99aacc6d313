import { STAGE_WORKING_DAYS, type Assessment, type ListWarningsInput, type SweepResult, type Warning, type WarningSource, type WarningView } from '../../../types/monitoring';
import type { Household } from '../../../types/household';
import type { AdminCtx, Ctx, StaffCtx } from '../handler';
import { regionFilter } from '../access';
import { primaryHelpers } from '../assignments/pairing.repository';
import { emergencySince } from '../benefits/gaps.service';
import { sweepHouseholdPages } from '../households/household.repository';
import { allHouseholdsWithEmergency } from '../needs/need.repository';
import { getDb } from '../store';
import { derivedId } from '../store/derived-id';
import { adminsOfRegion } from '../users/user.repository';
import { dateOf } from '../time';
import { assess } from './assess.service';
import { monitoringValues } from './monitoring-params';
import { familyOf, sinceFor } from './household-assess.service';
import { expensesOfHouseholds } from './medical.repository';
import { householdsWithOpenWarning, insertWarning, insertWarnings, openStages, openWarningOf, warningPage } from './warning.repository';
import { addWorkingDays } from './working-days.rules';

/** The county's holidays (a dated parameter to come); weekends never count. */
const HOLIDAYS: ReadonlySet<string> = new Set();

/** Who a new warning is handed to: the household's primary helper, or its village's first active admin. */
type Placed = Pick<Household, '_id' | 'headName' | 'countyId' | 'townId' | 'villageId'>;
type Assignee = (h: Placed) => Promise<string | null>;
function assigneeFinder(helpers: Map<string, string>): Assignee {
  const villageAdmins = new Map<string, string | null>();
  return async (h) => {
    const helper = helpers.get(h._id);
    if (helper) return helper;
    if (!villageAdmins.has(h.villageId)) villageAdmins.set(h.villageId, (await adminsOfRegion(h.villageId)).find((u) => u.active)?._id ?? null);
    return villageAdmins.get(h.villageId)!;
  };
}

/** A new warning at 入户核实, due in 5 working days, under an id derived from the household and the day. */
function newWarning(h: Placed, a: Assessment, source: WarningSource, assigneeId: string | null, now: Date): Warning {
  const date = dateOf(now);
  return {
    _id: derivedId('warning', [h._id, date]), householdId: h._id, headName: h.headName, countyId: h.countyId, townId: h.townId, villageId: h.villageId,
    stage: 'verify', open: true, version: 1, source, risks: a.risks.filter((r) => r.triggered), level: a.level, suggestedType: a.suggestedType,
    assigneeId, stageStartedOn: date, dueOn: addWorkingDays(date, STAGE_WORKING_DAYS.verify, HOLIDAYS), createdAt: now.toISOString(),
  };
}

/**
 * 识别纳入 begins (any channel: sweep, 医保 import, the household's own report): a household has at
 * most one open warning, so when one is open it is answered unchanged (`opened: false`); otherwise
 * one is opened and handed to the primary helper (the village admin when there is none).
 */
export async function openWarning(ctx: Ctx, h: Placed, a: Assessment, source: WarningSource): Promise<{ warning: Warning; opened: boolean }> {
  const open = await openWarningOf(h._id);
  if (open) return { warning: open, opened: false };
  const warning = newWarning(h, a, source, await assigneeFinder(await primaryHelpers([h._id]))(h), ctx.now);
  if (await insertWarning(warning)) return { warning, opened: true };
  return { warning: (await openWarningOf(h._id)) ?? warning, opened: false };
}

/**
 * 监测排查: every household of the admin's region (一般农户 included) through the §3b rules on
 * today; each one at risk and not yet monitored, without an open warning, gets one — handed to its
 * primary helper, or to its village's admin when it has none — due for 入户核实 in 5 working days.
 */
export async function sweep(ctx: AdminCtx): Promise<SweepResult> {
  const date = dateOf(ctx.now);
  const result: SweepResult = { assessed: 0, atRisk: 0, opened: 0 };
  const values = await monitoringValues();
  // Emergencies of the last 90 days are few: one read for the whole region, not one per page.
  const emergencies = await allHouseholdsWithEmergency(emergencySince(ctx.now));
  for await (const page of sweepHouseholdPages(regionFilter(ctx.user.scope))) {
    const ids = page.map((h) => h._id);
    const [expenses, open] = await Promise.all([expensesOfHouseholds(ids, sinceFor(date)), householdsWithOpenWarning(ids)]);
    const due: Array<{ h: (typeof page)[number]; a: Assessment }> = [];
    for (const h of page) {
      result.assessed++;
      const a = assess({ date, household: familyOf(h, emergencies.has(h._id), expenses.get(h._id) ?? []) }, date, values);
      if (a.level === 'none' || h.status === 'monitored') continue;
      result.atRisk++;
      if (!open.has(h._id)) due.push({ h, a });
    }
    // Pairings are read only for the households that get a warning now (none on a second sweep).
    const assignee = assigneeFinder(due.length ? await primaryHelpers(due.map((d) => d.h._id)) : new Map());
    const fresh: Warning[] = [];
    for (const { h, a } of due) fresh.push(newWarning(h, a, 'assessment', await assignee(h), ctx.now));
    result.opened += await insertWarnings(fresh);
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
