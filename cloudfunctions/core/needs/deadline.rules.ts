import type { NeedCategory, NeedSettings, NeedStatus } from '../../../types/need';
import { OPEN_NEED_STATUSES } from '../../../types/need';
import { chinaTime } from '../time';

const HOUR = 3600_000;

/**
 * The end (23:59:59.999 China time) of the n-th working day after the day of `from`; Saturdays and
 * Sundays do not count ("2 个工作日内受理": a need reported on Friday is due by Tuesday evening).
 * Public holidays are not modelled: the county sets its own calendar, so this stays conservative.
 */
export function addWorkingDays(from: Date, n: number): Date {
  let day = chinaTime(from).startOf('day');
  let counted = 0;
  while (counted < n) {
    day = day.add(1, 'day');
    const weekday = day.day();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return day.endOf('day').toDate();
}

/** acceptBy / resolveBy for a need reported at `reportedAt`: emergencies in hours, the rest in working days. */
export function deadlinesFor(category: NeedCategory, reportedAt: Date, settings: NeedSettings): { acceptBy: Date; resolveBy: Date } {
  if (category === 'emergency') {
    return {
      acceptBy: new Date(reportedAt.getTime() + settings.emergencyAcceptHours * HOUR),
      resolveBy: new Date(reportedAt.getTime() + settings.emergencyResolveHours * HOUR),
    };
  }
  return { acceptBy: addWorkingDays(reportedAt, settings.acceptWorkingDays), resolveBy: addWorkingDays(reportedAt, settings.resolveWorkingDays) };
}

/** A reopened need gets a fresh resolve deadline counted from the reopening. */
export function resolveByAfterReopen(category: NeedCategory, reopenedAt: Date, settings: NeedSettings): Date {
  return deadlinesFor(category, reopenedAt, settings).resolveBy;
}

/** The deadline that applies now: accepting while reported, resolving while being handled, none once closed. */
export function currentDeadline(need: { status: NeedStatus; acceptBy: string; resolveBy: string }): string | null {
  if (need.status === 'reported') return need.acceptBy;
  return OPEN_NEED_STATUSES.includes(need.status) ? need.resolveBy : null;
}

export function isOverdue(need: { status: NeedStatus; acceptBy: string; resolveBy: string }, now: Date): boolean {
  const deadline = currentDeadline(need);
  return deadline !== null && new Date(deadline).getTime() < now.getTime();
}

/**
 * 逐级督办: once overdue the village admin sees it first; when it stays overdue for longer than the
 * time a need is given to be accepted (24 hours for emergencies, at least 24 hours otherwise), it
 * goes up to the town admin.
 */
export function escalationOf(
  need: { status: NeedStatus; reportedAt: string; acceptBy: string; resolveBy: string; escalated?: { at: string } | null },
  now: Date,
): 'none' | 'village' | 'town' {
  const deadline = currentDeadline(need);
  if (deadline === null) return 'none';
  // 提请协调: the helper asked for help; the village admin has a day to take it before the town sees it.
  if (need.escalated)
    return now.getTime() - new Date(need.escalated.at).getTime() > 24 * HOUR ? 'town' : maxLevel('village', overdueLevel(need, deadline, now));
  return overdueLevel(need, deadline, now);
}

const maxLevel = (a: 'village', b: 'none' | 'village' | 'town') => (b === 'town' ? 'town' : a);

function overdueLevel(need: { reportedAt: string; acceptBy: string }, deadline: string, now: Date): 'none' | 'village' | 'town' {
  const due = new Date(deadline).getTime();
  if (due >= now.getTime()) return 'none';
  const given = Math.max(24 * HOUR, new Date(need.acceptBy).getTime() - new Date(need.reportedAt).getTime());
  return now.getTime() - due > given ? 'town' : 'village';
}
