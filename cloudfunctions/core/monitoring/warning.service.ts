import type { Assessment, ListWarningsInput, SweepResult, Warning, WarningSource, WarningView } from '../../../types/monitoring';
import type { Household } from '../../../types/household';
import type { DatedValues } from '../../../types/policy';
import type { AdminCtx, Ctx, StaffCtx } from '../handler';
import { regionFilter, scopedWhere } from '../access';
import { conflict } from '../errors';
import { primaryHelpers } from '../assignments/pairing.repository';
import { emergencySince } from '../benefits/gaps.service';
import { sweepHouseholdPages } from '../households/household.repository';
import { allHouseholdsWithEmergency } from '../needs/need.repository';
import { regionNames } from '../regions/region.repository';
import { getDb } from '../store';
import { derivedId } from '../store/derived-id';
import { adminsOfRegion } from '../users/user.repository';
import { dateOf } from '../time';
import { assess } from './assess.service';
import { familyOf, sinceFor, type FamilyFacts } from './family-facts';
import { expensesOfRegion, type Cost } from './medical.repository';
import { calendarOn, holidaysOn, monitoringOn, type Calendar } from './params.service';
import { householdsWithOpenWarningIn, insertWarning, insertWarnings, openStages, openWarningOf, warningPage } from './warning.repository';
import { actorProblem, deadlineOf, dismissProblem, dueFor } from './warning.rules';

type Placed = Pick<Household, '_id' | 'headName' | 'countyId' | 'townId' | 'villageId'>;

/** The village's first active admin: who takes a warning of a household without a primary helper. */
export async function villageAdminOf(villageId: string): Promise<string | null> {
  return (await adminsOfRegion(villageId)).find((u) => u.active)?._id ?? null;
}

/** Who a new warning is handed to: the household's primary helper, or its village's first active admin (read once per village). */
type Assignee = (h: Placed) => Promise<string | null>;
function assigneeFinder(helpers: Map<string, string>): Assignee {
  const villageAdmins = new Map<string, string | null>();
  return async (h) => {
    const helper = helpers.get(h._id);
    if (helper) return helper;
    if (!villageAdmins.has(h.villageId)) villageAdmins.set(h.villageId, await villageAdminOf(h.villageId));
    return villageAdmins.get(h.villageId)!;
  };
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
  calendar?: Calendar;
}

/**
 * A new warning at 入户核实, due `dueOn` (the verify stage's working days from today: the same
 * for every warning of the day), under an id derived from the household and the day (`n` > 1:
 * the day's next id, when the first is taken by a warning closed today).
 */
function newWarning(ctx: Pick<Ctx, 'now' | 'user'>, input: OpenWarningInput & { assigneeId: string | null; dueOn: string }, n = 1): Warning {
  const h = input.household;
  const a = input.assessment;
  const date = dateOf(ctx.now);
  const at = ctx.now.toISOString();
  return {
    _id: n === 1 ? derivedId('warning', [h._id, date]) : derivedId('warning', [h._id, date, n]),
    householdId: h._id,
    headName: h.headName,
    countyId: h.countyId,
    townId: h.townId,
    villageId: h.villageId,
    stage: 'verify',
    open: true,
    version: 1,
    source: input.source,
    risks: a.risks.filter((r) => r.triggered),
    level: a.level,
    suggestedType: a.suggestedType,
    assigneeId: input.assigneeId,
    stageStartedOn: date,
    dueOn: input.dueOn,
    createdAt: at,
    history: [
      {
        action: 'open',
        from: 'verify',
        to: 'verify',
        by: ctx.user?._id ?? 'system',
        byName: ctx.user?.name ?? '系统研判',
        at,
        ...(input.note ? { note: input.note } : {}),
      },
    ],
  };
}

const verifyDueOn = (ctx: Pick<Ctx, 'now'>, calendar: Calendar) => dueFor('verify', dateOf(ctx.now), calendar.params, calendar.holidays);

/**
 * 预警生成, the one way a warning is opened (the sweep, a reassessment after a write, the 医保
 * import, a household's own report): a household has at most one open warning — when it has one,
 * that one is answered and nothing is written (`opened: false`). A new one is handed to the primary
 * helper, or the village admin when there is none. Two openings of one day store it once.
 */
export async function openWarning(ctx: Pick<Ctx, 'now' | 'user'>, input: OpenWarningInput): Promise<{ warning: Warning; opened: boolean }> {
  const h = input.household;
  if (!input.checkedNoOpen) {
    const existing = await openWarningOf(h._id);
    if (existing) return { warning: existing, opened: false };
  }
  const dueOn = verifyDueOn(ctx, input.calendar ?? (await calendarOn(dateOf(ctx.now))));
  const assigneeId = input.assigneeId !== undefined ? input.assigneeId : await assigneeFinder(await primaryHelpers([h._id]))(h);
  // The day's id is taken: by a racing opener (answer theirs), or by a warning closed today (a
  // dismissal, then an emergency): the next id of the day, the same for every racer.
  for (let n = 1; n <= 5; n++) {
    const candidate = newWarning(ctx, { ...input, assigneeId, dueOn }, n);
    if (await insertWarning(candidate)) return { warning: candidate, opened: true };
    const open = await openWarningOf(h._id);
    if (open) return { warning: open, opened: false };
  }
  throw conflict('该户今天的预警已多次生成又办结，请明天再试');
}

/** What assessing many households reads besides them, once for a sweep or a batch. */
export interface AssessBatch {
  date: string;
  values: DatedValues[];
  calendar: Calendar;
  emergencies: ReadonlySet<string>;
  expenses: ReadonlyMap<string, Cost[]>;
  /** Households that already have an open warning. */
  open: ReadonlySet<string>;
}

/** One household through the §3b rules with the batch's facts: its assessment when it is at risk and not yet monitored, else null. */
export function atRiskIn(batch: AssessBatch, h: FamilyFacts & { _id: string }): Assessment | null {
  const a = assess({ date: batch.date, household: familyOf(h, batch.emergencies.has(h._id), batch.expenses.get(h._id) ?? []) }, batch.date, batch.values);
  return a.level === 'none' || h.status === 'monitored' ? null : a;
}

/**
 * Opens a warning for each household found at risk (none has an open one: the caller checked),
 * built as `openWarning` builds it: the pairings read once for all of them, stored 500 per request;
 * one whose id of the day is taken (a warning closed today) goes through `openWarning` for the
 * day's next id. Answers the warnings opened.
 */
export async function openWarnings(
  ctx: Pick<Ctx, 'now' | 'user'>,
  found: Array<{ household: Placed; assessment: Assessment }>,
  source: WarningSource,
  calendar: Calendar,
): Promise<Warning[]> {
  if (!found.length) return [];
  const assignee = assigneeFinder(await primaryHelpers(found.map((f) => f.household._id)));
  const dueOn = verifyDueOn(ctx, calendar);
  const fresh: Warning[] = [];
  for (const f of found) fresh.push(newWarning(ctx, { ...f, source, assigneeId: await assignee(f.household), dueOn }));
  const refused = await insertWarnings(fresh);
  const again = new Set(refused.map((w) => w.householdId));
  const opened = fresh.filter((w) => !again.has(w.householdId));
  for (const w of refused) {
    const f = found.find((x) => x.household._id === w.householdId)!;
    const retry = await openWarning(ctx, { ...f, source, calendar, assigneeId: w.assigneeId });
    if (retry.opened) opened.push(retry.warning);
  }
  return opened;
}

/**
 * 监测排查: every household of the admin's region (一般农户 included) through the §3b rules on
 * today; each one at risk and not yet monitored, without an open warning, gets one (`openWarnings`).
 * What the rules read besides the households — the settings, the region's emergencies of 90 days,
 * its medical costs of 400 days, its open warnings — is read once for the region, not per page.
 */
export async function sweep(ctx: AdminCtx): Promise<SweepResult> {
  const date = dateOf(ctx.now);
  const region = regionFilter(ctx.user.scope);
  const [{ values, calendar }, emergencies, expenses, open] = await Promise.all([
    monitoringOn(date),
    allHouseholdsWithEmergency(emergencySince(ctx.now)),
    expensesOfRegion(region, sinceFor(date)),
    householdsWithOpenWarningIn(region),
  ]);
  const batch: AssessBatch = { date, values, calendar, emergencies, expenses, open };
  const result: SweepResult = { assessed: 0, atRisk: 0, opened: 0 };
  const due: Array<{ household: Placed; assessment: Assessment }> = [];
  for await (const page of sweepHouseholdPages(region)) {
    for (const h of page) {
      result.assessed++;
      const a = atRiskIn(batch, h);
      if (!a) continue;
      result.atRisk++;
      if (!open.has(h._id)) due.push({ household: h, assessment: a });
    }
  }
  result.opened = (await openWarnings(ctx, due, 'assessment', calendar)).length;
  return result;
}

/** A warning as lists show it: overdue (red) / due (orange) against its working-day deadline, with its place names. */
export async function viewsOf(warnings: Warning[], now: Date, user: StaffCtx['user']): Promise<WarningView[]> {
  const today = dateOf(now);
  const [holidays, names] = await Promise.all([holidaysOn(today), regionNames([...new Set(warnings.flatMap((w) => [w.villageId, w.townId]))])]);
  return warnings.map((w) => {
    const mayAct = actorProblem(w, user) === null;
    const actions = [...(mayAct ? ['advance' as const] : []), ...(mayAct && !dismissProblem(w) ? ['dismiss' as const] : [])];
    return {
      ...w,
      overdue: w.open && w.dueOn < today,
      deadline: deadlineOf(w, today, holidays),
      villageName: names.get(w.villageId),
      townName: names.get(w.townId),
      actions,
    };
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
  if (input.overdue !== undefined)
    parts.push(
      input.overdue ? { stage: openStages(), dueOn: _.lt(today) } : (_.or([{ open: false }, { dueOn: _.gte(today) }]) as unknown as Record<string, unknown>),
    );
  const { items, total } = await warningPage(_.and(parts), input.offset, input.limit);
  return { items: await viewsOf(items, ctx.now, ctx.user), total };
}
