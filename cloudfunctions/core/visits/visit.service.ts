import type { RecordVisitInput, Visit } from '../../../types/visit';
import type { VisitView } from '../../../types/api/visits';
import type { Household } from '../../../types/household';
import type { CallerCtx, HelperCtx } from '../handler';
import { conflict, invalid } from '../errors';
import { monthOf } from '../time';
import { readableHousehold } from '../access';
import { applyVisitProgress, loadPlan } from '../plans/plan.service';
import { insertVisitOnce, visitsOfHousehold } from './visit.repository';
import { userNames } from '../users/user.repository';
import { noteVisitInRollups } from './visit-months';
import { bodyOf, checklistProblem, maySeeVisitLocation, measureProblem, visitTimeProblem, visitYear } from './visit.rules';

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
  if (timeProblem) throw invalid(timeProblem, { field: 'visitedAt' });
  const checkProblem = checklistProblem(helper.helperKind, input.checklist);
  if (checkProblem) throw invalid(checkProblem, { field: 'checklist' });
  const household = await readableHousehold(ctx.user, input.householdId);
  const plan = await loadPlan(household, visitYear(input.visitedAt), ctx.now);
  const planProblem = measureProblem(plan.measures.map((m) => m.id), input);
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
  };
  return { visit, household };
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
  const hideNotes = ctx.user.role === 'household';
  const items = visits.map(({ location, ...v }) => ({
    ...v,
    notes: hideNotes ? '' : v.notes,
    helperName: names.get(v.helperId),
    ...(location && maySeeVisitLocation(ctx.user, v) ? { location: { accuracy: Math.round(location.accuracy) } } : {}),
  }));
  return { items, total };
}
