/**
 * Deadlines of the identification steps count working days (SPEC §3b): weekends and the county's
 * holidays do not count. Days are China days (YYYY-MM-DD); a step started on a day has until the
 * end of its N-th working day after it.
 */
const DAY = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whether `day` is a working day: Monday to Friday and not one of `holidays`. */
export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(toMs(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The `n`-th working day after `start` (the start day itself does not count). */
export function addWorkingDays(start: string, n: number, holidays: ReadonlySet<string>): string {
  let ms = toMs(start);
  for (let left = n; left > 0;) {
    ms += DAY;
    if (isWorkingDay(toDay(ms), holidays)) left--;
  }
  return toDay(ms);
}

/** Working days from `from` to `to` (after `from`, up to and including `to`); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  if (to < from) return -workingDaysBetween(to, from, holidays);
  let count = 0;
  for (let ms = toMs(from) + DAY; ms <= toMs(to); ms += DAY) if (isWorkingDay(toDay(ms), holidays)) count++;
  return count;
}
