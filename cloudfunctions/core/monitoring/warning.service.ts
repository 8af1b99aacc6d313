import type { Assessment, ListWarningsInput, SweepResult, Warning, WarningSource, WarningView } from '../../../types/monitoring';
import type { Household } from '../../../types/household';
import type { AdminCtx, Ctx, StaffCtx } from '../handler';
import { regionFilter, scopedWhere } from '../access';
import { conflict } from '../errors';
import { primaryHelpers } from '../assignments/pairing.repository';
import { emergencySince } from '../benefits/gaps.service';
import { allHouseholds } from '../households/household.repository';
import { householdsWithEmergency } from '../needs/need.repository';
import { regionNames } from '../regions/region.repository';
import { getDb } from '../store';
import { derivedId } from '../store/derived-id';
import { adminsOfRegion } from '../users/user.repository';
import { dateOf } from '../time';
import { assess } from './assess.service';
import { familyOf, sinceFor } from './household-assess.service';
import { expensesOfHouseholds } from './medical.repository';
import { calendarOn, holidaysOn, monitoringValues } from './params.service';
import { householdsWithOpenWarning, insertWarning, openStages, openWarningOf, warningPage } from './warning.repository';
import { actorProblem, deadlineOf, dismissProblem, dueFor } from './warning.rules';

type Placed = Pick<Household, '_id' | 'headName' | 'countyId' | 'townId' | 'villageId' | 'status'>;

/** The village's first active admin: who takes a warning of a household without a primary helper. */
export async function villageAdminOf(villageId: string): Promise<string | null> {
  return (await adminsOfRegion(villageId)).find((u) => u.active)?._id ?? null;
}

export interface OpenWarningInput {
  household: Placed;
  source: WarningSource;
  /** The assessment that found the risk (a self-report or department record carries its own). */
  assessment: Assessment;
  note?: string;
  /** Already known to the caller (the sweep reads them for a page of households at once). */
  assigneeId?: string | null;
  checkedNoOpen?: boolean;
  calendar?: Awaited<ReturnType<typeof calendarOn>>;
}

/**
 * 预警生成, the one way a warning is opened (a triggered assessment, a household's own report, a
 * department record): a household has at most one open warning — when it has one, that one is
 * answered and nothing is written. A new one is handed to the primary helper, or the village admin
 * when there is none, at 入户核实, due in the verify stage's working days (weekends and the
 * county's holidays not counted). Its id is derived from the household and the day, so two
 * openings of one day store it once.
 */
export async function openWarning(ctx: Pick<Ctx, 'now' | 'user'>, input: OpenWarningInput): Promise<{ warning: Warning; opened: boolean }> {
  const h = input.household;
  if (!input.checkedNoOpen) {
    const existing = await openWarningOf(h._id);
    if (existing) return { warning: existing, opened: false };
  }
  const date = dateOf(ctx.now);
  const { params, holidays } = input.calendar ?? (await calendarOn(date));
  const assigneeId = input.assigneeId !== undefined ? input.assigneeId : ((await primaryHelpers([h._id])).get(h._id) ?? (await villageAdminOf(h.villageId)));
  const a = input.assessment;
  const at = ctx.now.toISOString();
  const warning: Warning = {
    _id: derivedId('warning', [h._id, date]), householdId: h._id, headName: h.headName, countyId: h.countyId, townId: h.townId, villageId: h.villageId,
    stage: 'verify', open: true, version: 1, source: input.source, risks: a.risks.filter((r) => r.triggered), level: a.level, suggestedType: a.suggestedType,
    assigneeId, stageStartedOn: date, dueOn: dueFor('verify', date, params, holidays), createdAt: at,
    history: [{ action: 'open', from: 'verify', to: 'verify', by: ctx.user?._id ?? 'system', byName: ctx.user?.name ?? '系统研判', at, ...(input.note ? { note: input.note } : {}) }],
  };
  // The day's id is taken: by a racing opener (answer theirs), or by a warning closed today (a
  // dismissal, then an emergency): the next id of the day, the same for every racer.
  for (let n = 1; n <= 5; n++) {
    const candidate = n === 1 ? warning : { ...warning, _id: derivedId('warning', [h._id, date, n]) };
    if (await insertWarning(candidate)) return { warning: candidate, opened: true };
    const open = await openWarningOf(h._id);
    if (open) return { warning: open, opened: false };
  }
  throw conflict('该户今天的预警已多次生成又办结，请明天再试');
}

/**
 * 监测排查: every household of the admin's region (一般农户 included) through the §3b rules on
 * today; each one at risk and not yet monitored, without an open warning, gets one (`openWarning`).
 */
export async function sweep(ctx: AdminCtx): Promise<SweepResult> {
  const date = dateOf(ctx.now);
  const [values, calendar] = await Promise.all([monitoringValues(), calendarOn(date)]);
  const result: SweepResult = { assessed: 0, atRisk: 0, opened: 0 };
  const villageAdmins = new Map<string, string | null>();
  const villageAdmin = async (villageId: string) => {
    if (!villageAdmins.has(villageId)) villageAdmins.set(villageId, await villageAdminOf(villageId));
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
      const assigneeId = helpers.get(h._id) ?? (await villageAdmin(h.villageId));
      if ((await openWarning(ctx, { household: h, source: 'assessment', assessment: a, assigneeId, checkedNoOpen: true, calendar })).opened) result.opened++;
    }
  }
  return result;
}

/** A warning as lists show it: overdue (red) / due (orange) against its working-day deadline, with its place names. */
export async function viewsOf(warnings: Warning[], now: Date, user: StaffCtx['user']): Promise<WarningView[]> {
  const today = dateOf(now);
  const [holidays, names] = await Promise.all([holidaysOn(today), regionNames([...new Set(warnings.flatMap((w) => [w.villageId, w.townId]))])]);
  return warnings.map((w) => {
    const mayAct = actorProblem(w, user) === null;
    const actions = [...(mayAct ? ['advance' as const] : []), ...(mayAct && !dismissProblem(w) ? ['dismiss' as const] : [])];
    return { ...w, overdue: w.open && w.dueOn < today, deadline: deadlineOf(w, today, holidays), villageName: names.get(w.villageId), townName: names.get(w.townId), actions };
  });
}

/** 预警 of the caller: an admin's region (narrowed by town or village), a helper's handed to them; due first. */
export async function listWarnings(ctx: StaffCtx, input: ListWarningsInput): Promise<{ items: WarningView[]; total: number }> {
  const _ = getDb().command;
  const today = dateOf(ctx.now);
  const region = ctx.user.role === 'admin' ? scopedWhere(ctx.user.scope, { townId: input.townId, villageId: input.villageId }) : { assigneeId: ctx.user._id };
  if (!region) return { items: [], total: 0 };
  const parts: Array<Record<string, unknown>> = [region];
  if (input.stage) parts.push({ stage: input.stage });
  if (input.householdId) parts.push({ householdId: input.householdId });
  if (input.open !== undefined) parts.push({ open: input.open });
  if (input.overdue !== undefined) parts.push(input.overdue ? { stage: openStages(), dueOn: _.lt(today) } : _.or([{ open: false }, { dueOn: _.gte(today) }]) as unknown as Record<string, unknown>);
  const { items, total } = await warningPage(_.and(parts), input.offset, input.limit);
  return { items: await viewsOf(items, ctx.now, ctx.user), total };
}
