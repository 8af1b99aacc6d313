import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** County offices work in China time (UTC+8, no daylight saving): months and dates are read there. */
const CHINA_OFFSET_MINUTES = 8 * 60;

export const chinaTime = (at: Date | string) => dayjs(at).utcOffset(CHINA_OFFSET_MINUTES);

/**
 * The moment as an ISO string on China's wall clock, without dayjs: lists ask for the date of
 * every visit and pairing they show, and a fixed offset needs no calendar. Null for an invalid date.
 */
function chinaWallClock(at: Date | string): string | null {
  const ms = (typeof at === 'string' ? new Date(at) : at).getTime();
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms + CHINA_OFFSET_MINUTES * 60_000).toISOString();
  // Years outside 0000–9999 are written ±YYYYYY: leave those to dayjs.
  return iso.length === 24 ? iso : null;
}

/** `YYYY-MM` of a moment in China time. */
export const monthOf = (at: Date | string): string => chinaWallClock(at)?.slice(0, 7) ?? chinaTime(at).format('YYYY-MM');

/** `YYYY-MM-DD` of a moment in China time. */
export const dateOf = (at: Date | string): string => chinaWallClock(at)?.slice(0, 10) ?? chinaTime(at).format('YYYY-MM-DD');

/**
 * Whole years on `date` (both `YYYY-MM-DD`); the birthday itself counts. Someone born on 29 Feb turns a year older on
 * 1 Mar in common years, since the (month, day) comparison has no 29 Feb to reach.
 */
export function ageOn(birthDate: string, date: string): number {
  const by = Number(birthDate.slice(0, 4)),
    bm = Number(birthDate.slice(5, 7)),
    bd = Number(birthDate.slice(8, 10));
  const y = Number(date.slice(0, 4)),
    m = Number(date.slice(5, 7)),
    d = Number(date.slice(8, 10));
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
