import type { Measure, Plan, ProgressEntry, SaveMeasureInput, UpdateProgressInput } from '../../../types/plan';
import type { Visit } from '../../../types/visit';
import { visitYear } from '../../../types/visit-dates';
import type { Household } from '../../../types/household';
import type { CallerCtx, HelperCtx, StaffCtx } from '../handler';
import { findPlan, insertPlan, updatePlanIfVersion } from './plan.repository';
import { derivedId } from '../store/derived-id';
import { dateOf } from '../time';
import { conflict, notFound } from '../errors';
import { readableHousehold } from '../access';

const planId = (householdId: string, year: number) => derivedId('plan', [householdId, year]);
const yearOf = (now: Date) => Number(dateOf(now).slice(0, 4));

function emptyPlan(h: Household, year: number, now: Date): Plan {
  return {
    _id: planId(h._id, year),
    householdId: h._id,
    year,
    countyId: h.countyId,
    townId: h.townId,
    villageId: h.villageId,
    measures: [],
    version: 0,
    updatedAt: now.toISOString(),
  };
}

/** The household's plan of `year` as stored, or an empty one (not yet written) when it has none. */
export async function loadPlan(h: Household, year: number, now: Date): Promise<Plan> {
  return (await findPlan(planId(h._id, year))) ?? emptyPlan(h, year, now);
}

/**
 * Writes the plan if nobody changed it since it was read (version check); a first plan is created
 * with its fixed id, so two helpers creating it at once cannot both succeed. Retries on a lost race.
 */
async function changePlan(h: Household, year: number, now: Date, change: (p: Plan) => Plan): Promise<Plan> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await loadPlan(h, year, now);
    const next = { ...change(current), version: current.version + 1, updatedAt: now.toISOString() };
    if (current.version === 0) {
      if (await insertPlan(next)) return next;
      continue;
    }
    if (await updatePlanIfVersion(next, current.version)) return next;
  }
  throw conflict('帮扶计划刚被其他人修改，请刷新后再试');
}

/** The household's plan for a year (this year by default); households see it without progress notes. */
export async function getPlan(ctx: CallerCtx, input: { householdId: string; year?: number }): Promise<Plan> {
  const h = await readableHousehold(ctx.user, input.householdId);
  const plan = await loadPlan(h, input.year ?? yearOf(ctx.now), ctx.now);
  if (ctx.user.role !== 'household') return plan;
  return { ...plan, measures: plan.measures.map((m) => ({ ...m, history: m.history.map((e) => ({ ...e, note: '' })) })) };
}

/** Adds a measure, or edits the title/target/category of an existing one (same id). */
export async function saveMeasure(ctx: StaffCtx, input: SaveMeasureInput): Promise<Plan> {
  const h = await readableHousehold(ctx.user, input.householdId);
  const { user } = ctx;
  return changePlan(h, yearOf(ctx.now), ctx.now, (plan) => {
    const existing = plan.measures.find((m) => m.id === input.id);
    const measure: Measure = {
      id: input.id,
      category: input.category,
      title: input.title,
      target: input.target,
      responsibleId: existing?.responsibleId ?? user._id,
      progress: existing?.progress ?? 0,
      history: existing?.history ?? [],
    };
    const measures = existing ? plan.measures.map((m) => (m.id === input.id ? measure : m)) : [...plan.measures, measure];
    return { ...plan, measures };
  });
}

/**
 * A paired helper records progress on one measure, usually from a visit. Idempotent per visit: the
 * offline queue may send the same visit's progress twice, and it is recorded once.
 */
export async function updateProgress(ctx: HelperCtx, input: UpdateProgressInput): Promise<Plan> {
  const h = await readableHousehold(ctx.user, input.householdId);
  if (input.visitId) {
    const current = await loadPlan(h, yearOf(ctx.now), ctx.now);
    const measure = current.measures.find((m) => m.id === input.measureId);
    if (measure?.history.some((e) => e.visitId === input.visitId)) return current;
  }
  const entry = {
    at: ctx.now.toISOString(),
    by: ctx.user._id,
    progress: input.progress,
    note: input.note,
    ...(input.visitId ? { visitId: input.visitId } : {}),
  };
  return changePlan(h, yearOf(ctx.now), ctx.now, (plan) => {
    if (!plan.measures.some((m) => m.id === input.measureId)) throw notFound('帮扶计划中没有这项措施，请刷新后再试');
    const measures = plan.measures.map((m) => (m.id === input.measureId ? { ...m, progress: input.progress, history: [...m.history, entry] } : m));
    return { ...plan, measures };
  });
}

/** A measure's progress is its latest entry's: a late entry (补录) never overwrites a newer reading. */
function withEntry(m: Measure, entry: ProgressEntry): Measure {
  const history = [...m.history, entry];
  const latest = history.reduce((a, b) => (new Date(b.at).getTime() >= new Date(a.at).getTime() ? b : a));
  return { ...m, progress: latest.progress, history };
}

/**
 * The progress a visit carries, applied to the plan of the visit's year (China time) in one plan
 * write, dated at the visit. Idempotent: a measure that already has an entry of this visit is left
 * alone, so the replay of a re-sent visit completes a write that stopped half-way and adds nothing else.
 */
export async function applyVisitProgress(h: Household, visit: Visit, now: Date): Promise<void> {
  if (!visit.progress?.length) return;
  const year = visitYear(visit.visitedAt);
  const missing = (p: Plan) => visit.progress.filter((v) => !p.measures.find((m) => m.id === v.measureId)?.history.some((e) => e.visitId === visit._id));
  if (!missing(await loadPlan(h, year, now)).length) return;
  await changePlan(h, year, now, (plan) => {
    const todo = new Map(missing(plan).map((v) => [v.measureId, v.progress]));
    const measures = plan.measures.map((m) => {
      const progress = todo.get(m.id);
      if (progress === undefined) return m;
      return withEntry(m, { at: visit.visitedAt, by: visit.helperId, progress, note: '', visitId: visit._id });
    });
    return { ...plan, measures };
  });
}
