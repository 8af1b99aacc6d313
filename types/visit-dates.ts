/**
 * When a visit may be dated (补录): the rule both the record page's date picker and visits.record
 * apply. A visit is dated today or up to MAX_BACKDATE_DAYS back, never ahead; today's visit carries
 * the moment it was saved, a late entry its day at 10:00 China time (a working-hours visit, so the
 * date reads the same in every time zone). Days are China's: county offices work in UTC+8.
 */
import { chinaDate } from './format';

export { chinaDate };
export const MAX_BACKDATE_DAYS = 60;

const DAY_MS = 86_400_000;

/** The days a helper may pick on `now`: today and the 59 days before it (60 days in all). */
export function visitDateRange(now: Date): { start: string; end: string } {
  return { start: chinaDate(new Date(now.getTime() - (MAX_BACKDATE_DAYS - 1) * DAY_MS)), end: chinaDate(now) };
}

/**
 * The earliest day the server still accepts on `now`: one day before the picker's first, so a late
 * entry for the earliest day that waited in the offline queue overnight still goes through.
 */
export function earliestAcceptedDate(now: Date): string {
  return chinaDate(new Date(now.getTime() - MAX_BACKDATE_DAYS * DAY_MS));
}

/** The moment a visit on `date` is recorded at: now for today, 10:00 China time for a late entry. */
export function visitedAtFor(date: string, now: Date): string {
  return date === chinaDate(now) ? now.toISOString() : `${date}T10:00:00+08:00`;
}

/** The plan year (一户一策 is yearly) a visit's progress belongs to: its year in China time. */
export function visitYear(visitedAt: string): number {
  return Number(chinaDate(visitedAt).slice(0, 4));
}

/** 走访确认: a household answers for a visit from its time until the end of the 3rd China day after its day. */
export const CONFIRM_DAYS = 3;

/** The last China day a visit can be confirmed on (YYYY-MM-DD). */
export function lastConfirmDay(visitedAt: string): string {
  const day = chinaDate(visitedAt);
  return chinaDate(new Date(`${day}T12:00:00+08:00`).getTime() + CONFIRM_DAYS * DAY_MS);
}

/** Whether a household can still (or already) answer for a visit at `now`. */
export function confirmOpen(visitedAt: string, now: Date): 'before' | 'open' | 'closed' {
  if (now.getTime() < new Date(visitedAt).getTime()) return 'before';
  return chinaDate(now) > lastConfirmDay(visitedAt) ? 'closed' : 'open';
}
