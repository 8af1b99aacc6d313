/**
 * Days and months as the client shows and sends them, in one place. Months are `YYYY-MM`, days
 * `YYYY-MM-DD`; China time is UTC+8 with no daylight saving. No Intl or date library: old WeChat
 * clients lack full ICU, and dayjs would grow the packages for a few lines.
 */
import { chinaDate, chineseDay, monthDay } from '@bangfu/types/format';

const pad = (n: number) => String(n).padStart(2, '0');
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendar day of an instant in China time, not the UTC day nor the phone's own zone: a phone
 * set to another zone, or an H5 page on a desk, must read the day county offices read.
 */
export const chinaDay = (at: string | Date | number = Date.now()): string => chinaDate(at);

/** Today in China time, as the server reads dates. */
export function chinaToday(now = Date.now()): string {
  return chinaDay(now);
}

/** The year of today in China time. */
export function chinaYear(now = Date.now()): number {
  return Number(chinaToday(now).slice(0, 4));
}

/** The hour (0–23) of an instant on China's wall clock. */
export function chinaHour(at: Date = new Date()): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCHours();
}

/** `2026-11` moved by `delta` months: `shiftMonth('2026-01', -1)` is `2025-12`. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + delta;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

/** `2026-11` → `2026年11月`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

/** A day `YYYY-MM-DD` as is, an instant (`…T…Z`) as its China-time day. */
const dayOf = (iso: string) => (iso.length > 10 ? chinaDay(iso) : iso);

/** `2026-11-23`, or an instant (read in China time) → `2026年11月23日`. */
export const chineseDate = (iso: string): string => chineseDay(dayOf(iso));

/** `2026-11-23`, or an instant (read in China time) → `11月23日`, for lists within the year. */
export const shortDate = (iso: string): string => monthDay(dayOf(iso));

/** `2026-11-20T04:00:00Z` → `11月20日 12:00` in China time (what county offices read); '' for none. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `2026-12-13T16:30:00Z` → `2026年12月14日 00:30` in China time: a deadline to the minute. */
export function fullTime(iso: string): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * A day as people type it → `YYYY-MM-DD`, or null when it is not a real day: `1958年5月2日`,
 * `1958-5-2`, `1958/05/02`, `1958.5.2`, `19580502` (issue 13: the calculator refused 1958年5月2日).
 */
export function parseDay(text: string): string | null {
  const t = text.trim().replace(/\s+/g, '');
  const m = /^(\d{4})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
