/**
 * Deadlines of the identification steps count working days (SPEC §3b): weekends and the county's
 * holidays do not count. Days are China days (YYYY-MM-DD); a step started on a day has until the
 * end of its N-th working day after it.
 */
import { addDays } from '../../../types/format';

/** The weekday of a calendar day, 0 = Sunday. */
const weekdayOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

/** Whether `day` is a working day: Monday to Friday and not one of `holidays`. */
export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The `n`-th working day after `start` (the start day itself does not count). */
export function addWorkingDays(start: string, n: number, holidays: ReadonlySet<string>): string {
  let day = start;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
}

/** Working days from `from` to `to` (after `from`, up to and including `to`); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  if (to < from) return -workingDaysBetween(to, from, holidays);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, holidays)) count++;
  return count;
}
