/**
 * 识别纳入 (SPEC §3b) as small pure rules: which stage follows which, who may do each step, the
 * public notice's minimum days, and how a step stands against its deadline in working days.
 * Unit-tested as sentences in test/core/monitoring/warning.rules.test.ts.
 */
import { WARNING_STAGE_LABELS, type Warning, type WarningDeadline, type WarningStage } from '../../../types/monitoring';
import type { User } from '../../../types/user';
import { addDays, chineseDay } from '../../../types/format';
import type { HouseholdStatus } from '../../../types/household';
import type { AdjustKind } from '../../../types/api/households';
import { transitionProblem } from '../households/status.rules';
import { addWorkingDays, workingDaysBetween } from './working-days.rules';

export type OpenStage = 'verify' | 'village_review' | 'town_review' | 'county_confirm';
export const NEXT_STAGE: Record<OpenStage, WarningStage> = {
  verify: 'village_review',
  village_review: 'town_review',
  town_review: 'county_confirm',
  county_confirm: 'confirmed',
};
const DAYS_PARAM: Record<OpenStage, string> = {
  verify: 'verifyDays',
  village_review: 'villageReviewDays',
  town_review: 'townReviewDays',
  county_confirm: 'countyConfirmDays',
};
export const isOpenStage = (s: WarningStage): s is OpenStage => s in NEXT_STAGE;

/** The working day a stage begun on `start` is due by. */
export function dueFor(stage: OpenStage, start: string, params: Record<string, number>, holidays: ReadonlySet<string>): string {
  return addWorkingDays(start, params[DAYS_PARAM[stage]], holidays);
}

const WHO: Record<OpenStage, string> = {
  verify: '入户核实由负责该户的帮扶责任人或村管理员办理',
  village_review: '村级评议由本村管理员办理',
  town_review: '乡镇审核由乡镇管理员办理',
  county_confirm: '县级确认由县扶贫办管理员办理',
};
const LEVEL: Record<Exclude<OpenStage, 'verify'>, 'village' | 'town' | 'county'> = { village_review: 'village', town_review: 'town', county_confirm: 'county' };

type Actor = Pick<User, '_id' | 'role' | 'scope'>;
const adminAt = (user: Actor, level: 'village' | 'town' | 'county') => user.role === 'admin' && user.scope?.level === level;

/** Why this caller may not do the current step, or null. Callers here already see the warning. */
export function actorProblem(w: Pick<Warning, 'stage' | 'assigneeId'>, user: Actor): string | null {
  if (!isOpenStage(w.stage)) return `该预警${WARNING_STAGE_LABELS[w.stage]}，不能再办理`;
  const may = w.stage === 'verify' ? user._id === w.assigneeId || adminAt(user, 'village') : adminAt(user, LEVEL[w.stage]);
  return may ? null : WHO[w.stage];
}

/** 公示 runs from the day village review began for `noticeDays` calendar days: leaving the stage earlier is refused. */
export function noticeProblem(w: Pick<Warning, 'stage' | 'noticeFrom' | 'noticeUntil'>, today: string): string | null {
  if (w.stage !== 'village_review' || !w.noticeFrom || !w.noticeUntil) return null;
  if (today >= w.noticeUntil) return null;
  const days = Math.round((Date.parse(w.noticeUntil) - Date.parse(w.noticeFrom)) / 86_400_000);
  return `公示期不少于 ${days} 天：自${chineseDay(w.noticeFrom)}起公示，${chineseDay(w.noticeUntil)}起才能提交乡镇审核`;
}

/** The notice's dates when village review begins on `start`. */
export const noticeDates = (start: string, noticeDays: number) => ({ noticeFrom: start, noticeUntil: addDays(start, noticeDays) });

/** Dismissal (核实后排除) is a verification outcome only. */
export function dismissProblem(w: Pick<Warning, 'stage'>): string | null {
  if (w.stage === 'verify') return null;
  return isOpenStage(w.stage) ? `只有入户核实环节可以排除，该预警已进入${WARNING_STAGE_LABELS[w.stage]}` : `该预警${WARNING_STAGE_LABELS[w.stage]}，不能再办理`;
}

/**
 * How an open step stands on `today`: `overdue` (red) after its due day, `due` (orange) on its
 * due day or the working day before, otherwise `ok`; a closed warning is `closed`.
 */
export function deadlineOf(w: Pick<Warning, 'open' | 'dueOn'>, today: string, holidays: ReadonlySet<string>): WarningDeadline {
  if (!w.open) return 'closed';
  if (today > w.dueOn) return 'overdue';
  return workingDaysBetween(today, w.dueOn, holidays) <= 1 ? 'due' : 'ok';
}

/**
 * The 动态调整 kind that makes a household monitored, by its status now (STATUS_TRANSITIONS says
 * whether it may): an exited household at risk 返贫 (脱贫不稳定户); an ordinary one, or a poor one
 * not yet exited (SPEC §3b suggests `unstable` for it too), is newly identified (新识别) for monitoring.
 */
export function monitoringKind(status: HouseholdStatus): AdjustKind {
  return status === 'exited_enjoying' || status === 'exited_not_enjoying' ? 'return_to_poverty' : 'new_identification';
}
/** Why this household cannot be brought into monitoring, or null: asked at every step, so a warning that cannot end in 纳入监测 stops at its first step, not at county confirmation. */
export function monitoringProblem(status: HouseholdStatus): string | null {
  if (status === 'monitored') return '该户已是监测户，无需再识别纳入监测';
  const problem = transitionProblem(monitoringKind(status), status, 'monitored');
  return problem && `不能纳入监测：${problem}`;
}
