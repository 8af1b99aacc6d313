import {
  FINDING_ACTION_LABELS,
  FINDING_ACTIONS,
  FINDING_STATUS_LABELS,
  type Finding,
  type FindingAction,
  type FindingActor,
  type FindingBucket,
} from '../../../types/finding';
import { chinaDate } from '../../../types/format';

/**
 * The rules of 督查整改 (SPEC §7) as pure functions over a stored finding and "now": which steps
 * a caller may take, how close the deadline is, and who may verify. Unit-tested as sentences in
 * test/core/finding.rules.test.ts.
 */
export type StepCheck = { ok: true } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

const DAY = 24 * 60 * 60 * 1000;

/** Whether `actor` may take `action` on the finding; the answer says why not in Chinese. */
export function checkAction(finding: Pick<Finding, 'status' | 'evidence' | 'notice'>, action: FindingAction, actor: FindingActor, userId: string): StepCheck {
  const rule = FINDING_ACTIONS[action];
  const label = FINDING_ACTION_LABELS[action];
  if (!rule.by.includes(actor)) return { ok: false, code: 'FORBIDDEN', message: `您不能对这条问题进行「${label}」操作` };
  if (!rule.from.includes(finding.status)) {
    const message = finding.status === 'closed' ? '这条问题已销号，不能再修改' : `这条问题当前为「${FINDING_STATUS_LABELS[finding.status]}」，不能「${label}」`;
    return { ok: false, code: 'CONFLICT', message };
  }
  if (action === 'verify' && finding.evidence.some((e) => e.by === userId)) {
    return { ok: false, code: 'FORBIDDEN', message: '您提交过这条问题的整改佐证，验收须由其他管理员进行' };
  }
  if (action === 'notice' && finding.notice) return { ok: false, code: 'CONFLICT', message: '这条问题已经下发过限期整改通知单' };
  if (action === 'acknowledge') {
    if (!finding.notice) return { ok: false, code: 'CONFLICT', message: '还没有下发限期整改通知单' };
    if (finding.notice.acknowledgedAt) return { ok: false, code: 'CONFLICT', message: '已经确认收到通知单' };
  }
  return { ok: true };
}

/** The steps a caller could take now, for the page's buttons. */
export function availableActions(finding: Pick<Finding, 'status' | 'evidence' | 'notice'>, actor: FindingActor, userId: string): FindingAction[] {
  return (Object.keys(FINDING_ACTIONS) as FindingAction[]).filter((a) => checkAction(finding, a, actor, userId).ok);
}

/** Whole days from now to the deadline, rounded down; negative once it has passed. */
export function daysLeft(deadline: string, now: Date): number {
  return Math.floor((new Date(deadline).getTime() - now.getTime()) / DAY);
}

/** Overdue / due within 10 days / within 20 / later (SPEC §7); a closed finding is in no bucket. */
export function bucketOf(finding: Pick<Finding, 'open' | 'deadline'>, now: Date): FindingBucket | null {
  if (!finding.open) return null;
  const left = new Date(finding.deadline).getTime() - now.getTime();
  if (left < 0) return 'overdue';
  if (left < 10 * DAY) return 'within10';
  if (left < 20 * DAY) return 'within20';
  return 'later';
}

/** The deadline range of a bucket, as [from, to) ISO bounds for an indexed query (null: unbounded). */
export function bucketRange(bucket: FindingBucket, now: Date): { from: string | null; to: string | null } {
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  if (bucket === 'overdue') return { from: null, to: now.toISOString() };
  if (bucket === 'within10') return { from: now.toISOString(), to: at(10) };
  if (bucket === 'within20') return { from: at(10), to: at(20) };
  return { from: at(20), to: null };
}

/** Whether a deadline still lies ahead enough to be set: a finding is never recorded already overdue. */
export function deadlineProblem(deadline: string, now: Date): string | null {
  return new Date(deadline).getTime() <= now.getTime() ? '整改时限应晚于现在' : null;
}

/** 限期整改通知单 number: the county's year sequence, e.g. 整改通知〔2026〕7号. */
export function noticeNumber(now: Date, sequence: number): string {
  return `整改通知〔${chinaDate(now).slice(0, 4)}〕${sequence}号`;
}

/** 编号 of a finding: DC-<year>-<4-digit sequence>. */
export function findingCode(now: Date, sequence: number): string {
  return `DC-${chinaDate(now).slice(0, 4)}-${String(sequence).padStart(4, '0')}`;
}

/** Whole days from 登记 to 销号 (the county's 整改用时). */
export function daysToClose(finding: Pick<Finding, 'createdAt' | 'closedAt'>): number | null {
  if (!finding.closedAt) return null;
  return Math.max(0, Math.round((new Date(finding.closedAt).getTime() - new Date(finding.createdAt).getTime()) / DAY));
}

/** Whether 销号 came by the deadline (sending back never moves the deadline, so lateness stays). */
export function closedOnTime(finding: Pick<Finding, 'closedAt' | 'deadline'>): boolean | null {
  if (!finding.closedAt) return null;
  return new Date(finding.closedAt).getTime() <= new Date(finding.deadline).getTime();
}
