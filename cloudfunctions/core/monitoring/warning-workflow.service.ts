import type { AdvanceWarningInput, DismissWarningInput, Warning, WarningStage, WarningStep, WarningView } from '../../../types/monitoring';
import type { HouseholdStatus, MonitoringType } from '../../../types/household';
import type { AdminCtx, StaffCtx } from '../handler';
import { conflict, forbidden, invalid, notFound } from '../errors';
import { inScope } from '../access';
import { findHousehold } from '../households/household.repository';
import { adjustStatus } from '../households/household.service';
import { dateOf } from '../time';
import { calendarOn } from './params.service';
import { findWarning, saveWarning } from './warning.repository';
import { actorProblem, dismissProblem, dueFor, isOpenStage, monitoringKind, monitoringProblem, NEXT_STAGE, noticeDates, noticeProblem } from './warning.rules';
import { viewsOf } from './warning.service';

/** Out of reach and nonexistent read the same words (SPEC §5). */
const WARNING_HIDDEN = '没有找到该预警，或您无权查看';

/** The warning if the caller may see it: an admin of its region, the helper it is handed to. */
const STALE = '该预警已被其他人办理，请刷新后再试';

export async function visibleWarning(ctx: StaffCtx, warningId: string): Promise<Warning> {
  const w = await findWarning(warningId);
  const user = ctx.user;
  const may = w && (user.role === 'admin' ? inScope(user.scope, w) : w.assigneeId === user._id);
  if (!w || !may) throw notFound(WARNING_HIDDEN);
  return w;
}

export async function getWarning(ctx: StaffCtx, input: { warningId: string }): Promise<WarningView> {
  return (await viewsOf([await visibleWarning(ctx, input.warningId)], ctx.now, ctx.user))[0];
}

const step = (ctx: StaffCtx, action: WarningStep['action'], from: WarningStage, to: WarningStage, note?: string): WarningStep => ({
  action,
  from,
  to,
  by: ctx.user._id,
  byName: ctx.user.name,
  at: ctx.now.toISOString(),
  ...(note ? { note } : {}),
});

const fallbackType = (status: HouseholdStatus): MonitoringType => (status === 'none' ? 'marginal' : 'unstable');

/**
 * 推进 one step (SPEC §3b): 入户核实 → 村级评议 (the 公示 starts that day and must have run its
 * days before the stage is left) → 乡镇审核 → 县级确认 → 已纳入监测. Each step is done by its
 * own side (warning.rules actorProblem), on the version the caller read (a stale one is CONFLICT),
 * and kept in history. County confirmation sets the household to `monitored` with its type and
 * the day through the household's 动态调整 (its status history and timeline as any adjustment).
 */
export async function advance(ctx: StaffCtx, input: AdvanceWarningInput): Promise<WarningView> {
  const w = await visibleWarning(ctx, input.warningId);
  if (w.version !== input.version) throw conflict(STALE, { version: w.version, stage: w.stage });
  const who = actorProblem(w, ctx.user);
  if (who) throw isOpenStage(w.stage) ? forbidden(who) : invalid(who);
  const today = dateOf(ctx.now);
  const notice = noticeProblem(w, today);
  if (notice) throw invalid(notice);
  if (!isOpenStage(w.stage)) throw invalid('该预警已办结');
  const to = NEXT_STAGE[w.stage];
  const household = await findHousehold(w.householdId);
  if (!household) throw notFound(WARNING_HIDDEN);
  const problem = monitoringProblem(household.status);
  if (problem) throw invalid(problem);
  const { params, holidays } = await calendarOn(today);
  let next: Warning = { ...w, stage: to, stageStartedOn: today, history: [...w.history, step(ctx, 'advance', w.stage, to, input.note)] };
  if (to === 'village_review') next = { ...next, ...noticeDates(today, params.noticeDays) };
  if (isOpenStage(to)) next.dueOn = dueFor(to, today, params, holidays);
  else next.open = false;
  if (to !== 'confirmed') return (await viewsOf([await saveWarning(next, input.version)], ctx.now, ctx.user))[0];

  const kind = monitoringKind(household.status);
  const type = input.monitoringType ?? w.suggestedType ?? fallbackType(household.status);
  const saved = await saveWarning({ ...next, suggestedType: type }, input.version);
  await adjustStatus(ctx as AdminCtx, {
    householdId: household._id,
    kind,
    to: 'monitored',
    monitoringType: type,
    effectiveOn: today,
    version: household.version,
    reason: `防返贫监测识别纳入：入户核实、村级评议公示、乡镇审核、县级确认${input.note ? `。${input.note}` : ''}`,
    evidence: [],
    photos: [],
  });
  return (await viewsOf([saved], ctx.now, ctx.user))[0];
}

/** 核实后排除: at verification only, by whoever verifies, with the reason; the warning closes. */
export async function dismiss(ctx: StaffCtx, input: DismissWarningInput): Promise<WarningView> {
  const w = await visibleWarning(ctx, input.warningId);
  if (w.version !== input.version) throw conflict(STALE, { version: w.version, stage: w.stage });
  const stage = dismissProblem(w);
  if (stage) throw invalid(stage);
  const who = actorProblem(w, ctx.user);
  if (who) throw forbidden(who);
  const next: Warning = {
    ...w,
    stage: 'dismissed',
    open: false,
    dismissReason: input.reason,
    history: [...w.history, step(ctx, 'dismiss', w.stage, 'dismissed', input.reason)],
  };
  return (await viewsOf([await saveWarning(next, input.version)], ctx.now, ctx.user))[0];
}
