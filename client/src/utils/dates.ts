/**
 * Days and months as the client shows and sends them, in one place. Months are `YYYY-MM`, days
 * `YYYY-MM-DD`; China time is UTC+8 with no daylight saving. No Intl or date library: old WeChat
 * clients lack full ICU, and dayjs would grow the packages for a few lines.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day of an instant on this phone (China time for its users), not the UTC day. */
export function localDay(at: string | Date = new Date()): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today in China time, as the server reads dates. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
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

/** `2026-11-23` (or the date part of an ISO time) → `2026年11月23日`. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `2026-11-20T04:00:00Z` → `11月20日 12:00` in China time (what county offices read); '' for none. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
