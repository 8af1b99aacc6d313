import type { RecordVisitInput, Visit } from '../../../types/visit';
import type { VisitView } from '../../../types/api/visits';
import type { CallerCtx, HelperCtx } from '../handler';
import { conflict, invalid, notFound } from '../errors';
import { monthOf } from '../time';
import { readableHousehold } from '../access';
import { findVisit, insertVisit, visitsOfHousehold } from './visit.repository';
import { userNames } from '../users/user.repository';
import { noteVisitInRollups } from './visit-months';
import { bodyOf, checklistProblem, visitTimeProblem } from './visit.rules';

/**
 * The same id sent again (a retry after a lost answer, the offline queue re-sending) answers the
 * stored visit; a different body under that id is refused so no write is silently dropped.
 */
async function replay(existing: Visit, input: RecordVisitInput, helperId: string): Promise<Visit> {
  if (existing.helperId !== helperId || bodyOf(existing) !== bodyOf(input)) {
    throw conflict('这条走访记录的编号已被另一条不同的记录使用，请重新填写提交', { id: input.id });
  }
  // Idempotent: completes the month rollup if the first attempt stopped between the two writes.
  await noteVisitInRollups(existing);
  return existing;
}

/** 记录走访: only a paired helper, dated within the last 60 days; idempotent on the client's id. */
export async function recordVisit(ctx: HelperCtx, input: RecordVisitInput): Promise<Visit> {
  const helper = ctx.user;
  const existing = await findVisit(input.id);
  if (existing) return replay(existing, input, helper._id);
  const timeProblem = visitTimeProblem(input.visitedAt, ctx.now);
  if (timeProblem) throw invalid(timeProblem, { field: 'visitedAt' });
  const checkProblem = checklistProblem(helper.helperKind, input.checklist);
  if (checkProblem) throw invalid(checkProblem, { field: 'checklist' });
  const household = await readableHousehold(ctx.user, input.householdId);
  const { id, ...body } = input;
  const visit: Visit = {
    ...body,
    _id: id,
    visitedAt: new Date(input.visitedAt).toISOString(),
    helperId: helper._id,
    countyId: household.countyId,
    townId: household.townId,
    villageId: household.villageId,
    month: monthOf(input.visitedAt),
    createdAt: ctx.now.toISOString(),
  };
  if (await insertVisit(visit)) {
    await noteVisitInRollups(visit);
    return visit;
  }
  const raced = await findVisit(id);
  if (!raced) throw notFound();
  return replay(raced, input, helper._id);
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
  const items = visits.map((v) => ({ ...v, notes: hideNotes ? '' : v.notes, helperName: names.get(v.helperId) }));
  return { items, total };
}
