import type { ConfirmVisitInput, RecordVisitInput, Visit } from '../../../types/visit';
import type { VisitView } from '../../../types/api/visits';
import type { Household } from '../../../types/household';
import type { CallerCtx, HelperCtx, HouseholdCtx } from '../handler';
import type { User } from '../../../types/user';
import { conflict, invalid, notFound } from '../errors';
import { monthDay } from '../../../types/format';
import { dateOf, monthOf } from '../time';
import { deliverAlert } from '../notices/delivery.service';
import { adminsOfRegion } from '../users/user.repository';
import { readableHousehold } from '../access';
import { applyVisitProgress, loadPlan } from '../plans/plan.service';
import { findVisit, insertVisitOnce, recordVisitRefusal, saveVisitConfirmation, visitsOfHousehold } from './visit.repository';
import { userNames } from '../users/user.repository';
import { noteVisitInRollups } from './visit-months';
import { bodyOf, checklistProblem, confirmTimeProblem, isTooOld, maySeeVisitLocation, measureProblem, visitTimeProblem, visitYear } from './visit.rules';

/** The writes that follow the visit itself; each is idempotent on the visit's id. */
async function completeVisit(ctx: HelperCtx, household: Household, visit: Visit): Promise<void> {
  await applyVisitProgress(household, visit, ctx.now);
  await noteVisitInRollups(visit);
}

/** The titles of the named plan measures as they read today, then 其他措施: what the visit record shows. */
function measureTitles(plan: { measures: Array<{ id: string; title: string }> }, input: RecordVisitInput): string[] {
  const titles = input.measureIds.map((id) => plan.measures.find((m) => m.id === id)!.title);
  return input.otherMeasure ? [...titles, input.otherMeasure] : titles;
}

/**
 * The visit a first write of `input` stores, with its household: everything is checked before
 * the visit is written, so nothing lands for a refused visit. A re-send skips this (its visit is
 * stored, whatever the date is today).
 */
async function newVisit(ctx: HelperCtx, input: RecordVisitInput): Promise<{ visit: Visit; household: Household }> {
  const helper = ctx.user;
  const timeProblem = visitTimeProblem(input.visitedAt, ctx.now);
  if (timeProblem) {
    if (isTooOld(input.visitedAt, ctx.now)) await noteRefusedBackdate(ctx, input);
    throw invalid(timeProblem, { field: 'visitedAt' });
  }
  const checkProblem = checklistProblem(helper.helperKind, input.checklist);
  if (checkProblem) throw invalid(checkProblem, { field: 'checklist' });
  const household = await readableHousehold(ctx.user, input.householdId);
  const plan = await loadPlan(household, visitYear(input.visitedAt), ctx.now);
  const planProblem = measureProblem(
    plan.measures.map((m) => m.id),
    input,
  );
  if (planProblem) throw invalid(planProblem, { field: 'measureIds' });
  const { id, ...body } = input;
  const visit: Visit = {
    ...body,
    measures: measureTitles(plan, input),
    _id: id,
    visitedAt: new Date(input.visitedAt).toISOString(),
    helperId: helper._id,
    countyId: household.countyId,
    townId: household.townId,
    villageId: household.villageId,
    month: monthOf(input.visitedAt),
    createdAt: ctx.now.toISOString(),
    confirmation: null,
    confirmationHistory: [],
  };
  return { visit, household };
}

/**
 * Keeps a 补录 refused for being older than the window, for 数据核查 (a flag, it blocks nothing
 * more than the refusal itself). Only for a household the helper is paired with: anything else is
 * refused without a trace, as before.
 */
async function noteRefusedBackdate(ctx: HelperCtx, input: RecordVisitInput): Promise<void> {
  const household = await readableHousehold(ctx.user, input.householdId).catch(() => null);
  if (!household) return;
  await recordVisitRefusal({
    _id: input.id,
    helperId: ctx.user._id,
    householdId: household._id,
    countyId: household.countyId,
    townId: household.townId,
    villageId: household.villageId,
    visitedAt: new Date(input.visitedAt).toISOString(),
    attemptedAt: ctx.now.toISOString(),
    month: monthOf(ctx.now),
  });
}

/**
 * 记录走访: only a paired helper, dated within the last 60 days; idempotent on the client's id. The
 * same id sent again (a retry after a lost answer, the offline queue re-sending) answers the stored
 * visit; a different body under that id is refused, so no write is silently dropped. Then the
 * visit's progress goes to the plan of the visit's year.
 */
export async function recordVisit(ctx: HelperCtx, input: RecordVisitInput): Promise<Visit> {
  const built: { household?: Household } = {};
  const { doc: visit, created } = await insertVisitOnce(input.id, {
    build: async () => {
      const { visit, household } = await newVisit(ctx, input);
      built.household = household;
      return visit;
    },
    same: (stored) => stored.helperId === ctx.user._id && bodyOf(stored) === bodyOf(input),
    clash: () => conflict('这条走访记录的编号已被另一条不同的记录使用，请重新填写提交', { id: input.id }),
  });
  // Idempotent: on a re-send this completes the plan progress and the month rollup if the first attempt stopped after the visit.
  const household = created && built.household ? built.household : await readableHousehold(ctx.user, visit.householdId);
  await completeVisit(ctx, household, visit);
  return visit;
}

/** 走访记录 of one household, newest first. A household sees its own, without the helper's notes. */
export async function listByHousehold(
  ctx: CallerCtx,
  input: { householdId: string; limit: number; offset: number; from?: string; to?: string },
): Promise<{ items: VisitView[]; total: number }> {
  await readableHousehold(ctx.user, input.householdId);
  const from = input.from && new Date(`${input.from}T00:00:00+08:00`).toISOString();
  const to = input.to && new Date(`${input.to}T24:00:00+08:00`).toISOString();
  const { items: visits, total } = await visitsOfHousehold(input.householdId, { from, to }, input);
  const names = await userNames(visits.map((v) => v.helperId));
  return { items: visits.map((v) => viewOf(ctx.user, v, names)), total };
}

/** A visit as `viewer` sees it: a household without the helper's notes, the GPS fix only as its precision and only to some. */
function viewOf(viewer: User, { location, confirmationHistory: _history, ...v }: Visit, names: Map<string, string>): VisitView {
  return {
    ...v,
    notes: viewer.role === 'household' ? '' : v.notes,
    helperName: names.get(v.helperId),
    ...(location && maySeeVisitLocation(viewer, v) ? { location: { accuracy: Math.round(location.accuracy) } } : {}),
  };
}

/** The one answer for a visit the caller may not answer for, whether or not it exists. */
const hiddenVisit = () => notFound('没有找到这次走访，或您无权查看');

/**
 * 走访确认: a bound member of the visit's household says it happened or not, from the visit's time
 * until 3 days after it (see confirmTimeProblem). Answering again within the window replaces the
 * answer (the history keeps each); the same answer again changes nothing. A denial alerts the
 * village and town admins (an unconfirmed or denied visit is for them to look into).
 */
export async function confirmVisit(ctx: HouseholdCtx, input: ConfirmVisitInput): Promise<VisitView> {
  const visit = await findVisit(input.visitId);
  if (!visit || !ctx.user.householdId || visit.householdId !== ctx.user.householdId) throw hiddenVisit();
  const problem = confirmTimeProblem(visit.visitedAt, ctx.now);
  if (problem) throw invalid(problem, { field: 'visitId' });
  const reason = input.happened ? '' : (input.reason ?? '');
  const names = await userNames([visit.helperId]);
  const current = visit.confirmation;
  if (current && current.happened === input.happened && current.reason === reason) return viewOf(ctx.user, visit, names);
  const saved = await saveVisitConfirmation(visit, { happened: input.happened, reason, at: ctx.now.toISOString(), by: ctx.user._id });
  if (!input.happened) await alertDenied(ctx, saved, names.get(visit.helperId) ?? '帮扶人', reason);
  return viewOf(ctx.user, saved, names);
}

/** 没有来过: the village's and the town's admins are told, with who and when. */
async function alertDenied(ctx: HouseholdCtx, visit: Visit, helperName: string, reason: string): Promise<void> {
  const admins = [...(await adminsOfRegion(visit.villageId)), ...(await adminsOfRegion(visit.townId))];
  await deliverAlert(ctx, admins, {
    reason: 'visit_denied',
    householdId: visit.householdId,
    title: `${helperName} ${monthDay(dateOf(visit.visitedAt))}的走访`,
    note: reason ? `户称没有来过：${reason}` : '户称没有来过',
    page: `package-admin/pages/visit-confirmations/index`,
  });
}
