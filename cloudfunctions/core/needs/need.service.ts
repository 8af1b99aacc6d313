import { reassessAfterWrite } from '../monitoring/reassess.service';
import type { Need, NeedTarget, NeedTransition, NeedView, RateNeedInput, ReportNeedInput, TransitionNeedInput } from '../../../types/need';
import type { User, UserOf } from '../../../types/user';
import type { CallerCtx, HouseholdCtx, RoleCtx } from '../handler';
import { conflict, DomainError, forbidden, invalid, notFound } from '../errors';
import { findHousehold } from '../households/household.repository';
import { hiddenHousehold, isPairedHelper } from '../access';
import { primaryHelperOf } from '../assignments/pairing.repository';
import { actorFor } from './need.access';
import { findNeed, insertNeedOnce, readSettings, updateNeedIfVersion } from './need.repository';
import { refreshGaps } from '../benefits/kept-gaps.service';
import { toView } from './need.view';
import { currentDeadline, deadlinesFor, resolveByAfterReopen } from './deadline.rules';
import { checkTransition, type NeedActor } from './workflow.rules';

const STALE_MESSAGE = '这条需求刚被其他人更新过，已为您显示最新状态，请确认后再操作';

/** Which household a report is for: a household's own; a helper's paired household. */
async function householdFor(user: UserOf<'household' | 'helper'>, requested: string | undefined): Promise<string> {
  if (user.role === 'household') {
    if (requested && requested !== user.householdId) throw forbidden('只能为自己家上报需求');
    return user.householdId;
  }
  if (!requested) throw invalid('请选择为哪一户上报需求', [{ path: 'householdId', message: '缺少户编号' }]);
  if (!(await isPairedHelper(user._id, requested))) throw hiddenHousehold();
  return requested;
}

/** What makes two reports "the same report": a re-send must carry exactly these again. */
const sameReport = (a: Need, b: Need) =>
  JSON.stringify([a.householdId, a.category, a.description, a.photos, a.callbackPhone ?? null, a.reportedBy]) ===
  JSON.stringify([b.householdId, b.category, b.description, b.photos, b.callbackPhone ?? null, b.reportedBy]);

/** 需求上报: idempotent on the client-generated id, routed to the household's primary helper. */
export async function report(ctx: RoleCtx<'household' | 'helper'>, input: ReportNeedInput): Promise<NeedView> {
  const { user } = ctx;
  const householdId = await householdFor(user, input.householdId);
  const household = await findHousehold(householdId);
  if (!household) throw notFound('没有找到该户，或您无权查看');
  const [settings, assigneeId] = await Promise.all([readSettings(), primaryHelperOf(householdId)]);
  const { acceptBy, resolveBy } = deadlinesFor(input.category, ctx.now, settings);
  const at = ctx.now.toISOString();
  const need: Need = {
    _id: input.id,
    householdId,
    countyId: household.countyId,
    townId: household.townId,
    villageId: household.villageId,
    category: input.category,
    description: input.description,
    photos: input.photos,
    ...(input.callbackPhone ? { callbackPhone: input.callbackPhone } : {}),
    status: 'reported',
    version: 1,
    assigneeId,
    reportedBy: user._id,
    reportedAt: at,
    acceptBy: acceptBy.toISOString(),
    resolveBy: resolveBy.toISOString(),
    dueAt: acceptBy.toISOString(),
    history: [{ status: 'reported', by: user._id, byRole: user.role, at }],
  };
  // A re-send of the same report answers the stored need; another report under its id is refused.
  const { doc, created } = await insertNeedOnce(input.id, {
    build: () => need,
    same: (stored) => sameReport(stored, need),
    clash: () => conflict('这个编号已用于另一条需求，请重新填写后提交'),
  });
  // 临时救助 applies for 90 days after an emergency (SPEC §3): the household's gaps follow it.
  if (doc.category === 'emergency') await refreshGaps([doc.householdId], ctx.now);
  // An emergency is 突发严重困难 (SPEC §3b): the household is assessed again at once.
  if (created && doc.category === 'emergency') await reassessAfterWrite(ctx, householdId);
  return toView(doc, ctx.now, (await actorFor(user, doc)) ?? (created ? 'pairedHelper' : 'household'));
}

/** The need and how the caller relates to it; NOT_FOUND for anyone who may not see it. */
export async function visibleNeed(user: User, needId: string): Promise<{ need: Need; actor: NeedActor }> {
  const need = await findNeed(needId);
  const actor = need ? await actorFor(user, need) : null;
  if (!need || !actor) throw notFound('没有找到这条需求，或您无权查看');
  return { need, actor };
}

export async function get(ctx: CallerCtx, input: { needId: string }): Promise<NeedView> {
  const { need, actor } = await visibleNeed(ctx.user, input.needId);
  return toView(need, ctx.now, actor);
}

export async function staleConflict(needId: string, user: User, now: Date): Promise<never> {
  const { need, actor } = await visibleNeed(user, needId);
  throw conflict(STALE_MESSAGE, { need: await toView(need, now, actor) });
}

/** What a transition changes besides status, version and history: deadlines move with the step. */
async function changesFor(need: Need, to: NeedTarget, now: Date): Promise<Partial<Need>> {
  if (to === 'reopened') {
    const resolveBy = resolveByAfterReopen(need.category, now, await readSettings()).toISOString();
    return { resolveBy, dueAt: resolveBy };
  }
  return { dueAt: currentDeadline({ ...need, status: to }) };
}

/** Moves a need one step, checked against the workflow and the version the caller saw. */
export async function transition(ctx: CallerCtx, input: TransitionNeedInput): Promise<NeedView> {
  const { user } = ctx;
  const { need, actor } = await visibleNeed(user, input.needId);
  const rule = checkTransition(need.status, input.to, actor, input.note);
  if (!rule.ok && rule.code === 'FORBIDDEN') throw forbidden(rule.message);
  if (input.version !== need.version) return staleConflict(need._id, user, ctx.now);
  if (!rule.ok) throw new DomainError(rule.code, rule.message, rule.code === 'CONFLICT' ? { need: await toView(need, ctx.now, actor) } : undefined);
  const step: NeedTransition = {
    status: input.to,
    by: user._id,
    byRole: user.role,
    at: ctx.now.toISOString(),
    ...(input.note ? { note: input.note } : {}),
    ...(input.photos?.length ? { photos: input.photos } : {}),
  };
  const changes: Partial<Need> = { ...(await changesFor(need, input.to, ctx.now)), status: input.to, history: [...need.history, step] };
  if (!(await updateNeedIfVersion(need._id, need.version, changes))) return staleConflict(need._id, user, ctx.now);
  // A rejected emergency no longer counts for 临时救助 (need.repository emergencyWhere).
  if (need.category === 'emergency' && (input.to === 'rejected' || need.status === 'rejected')) await refreshGaps([need.householdId], ctx.now);
  return toView({ ...need, ...changes, version: need.version + 1 }, ctx.now, actor);
}

/** 满意度: the household rates a resolution; rating a resolved need also confirms it. */
export async function rate(ctx: HouseholdCtx, input: RateNeedInput): Promise<NeedView> {
  const { user } = ctx;
  const { need, actor } = await visibleNeed(user, input.needId);
  if (actor !== 'household') throw forbidden('只有本户可以评价');
  if (input.version !== undefined && input.version !== need.version) return staleConflict(need._id, user, ctx.now);
  if (need.rating !== undefined) throw conflict('这条需求已经评价过了', { need: await toView(need, ctx.now, actor) });
  if (need.status !== 'resolved' && need.status !== 'confirmed') throw conflict('需求办结后才能评价', { need: await toView(need, ctx.now, actor) });
  const at = ctx.now.toISOString();
  const changes: Partial<Need> = { rating: input.rating, ratedAt: at, ...(input.comment ? { ratingComment: input.comment } : {}) };
  if (need.status === 'resolved') {
    Object.assign(changes, { status: 'confirmed', dueAt: null, history: [...need.history, { status: 'confirmed', by: user._id, byRole: user.role, at }] });
  }
  if (!(await updateNeedIfVersion(need._id, need.version, changes))) return staleConflict(need._id, user, ctx.now);
  return toView({ ...need, ...changes, version: need.version + 1 }, ctx.now, actor);
}
