/**
 * Numbers and days as people read them (UX.md), one formatter for both sides: the server's rule
 * reasons and the client's pages print the same `6,708 元` and `2026年11月23日`. Pure, no Intl:
 * old WeChat clients lack full ICU.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM-DD` of a moment on China's wall clock (UTC+8, no daylight saving): the day county offices read. */
export function chinaDate(at: Date | string | number): string {
  const ms = typeof at === 'number' ? at : (typeof at === 'string' ? new Date(at) : at).getTime();
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A calendar day `n` days later (earlier when negative): `addDays('2026-02-28', 1)` → `2026-03-01`.
 * Days carry no time zone: the arithmetic runs on the day itself, never on an instant.
 */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + n));
  return `${String(shifted.getUTCFullYear()).padStart(4, '0')}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}-${String(shifted.getUTCDate()).padStart(2, '0')}`;
}

/** `12345` → `12,345`; at most two decimals, trailing zeros dropped (`1234.5` → `1,234.5`). */
export function thousands(n: number): string {
  // Whole numbers (every 元 figure of the rules' reasons: a county sweep prints 150,000 of them) skip toFixed and the regex.
  if (Number.isSafeInteger(n)) return groupDigits(n);
  const rounded = Math.round(n * 100) / 100;
  const [whole, frac] = Math.abs(rounded).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = frac === '00' ? '' : `.${frac.replace(/0$/, '')}`;
  return `${rounded < 0 && rounded !== 0 ? '-' : ''}${grouped}${decimals}`;
}

function groupDigits(n: number): string {
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

/** `6708` → `6,708 元`. */
export const yuan = (n: number): string => `${thousands(n)} 元`;

/** A calendar day `2026-11-23` → `2026年11月23日` (an instant must be turned into its China day first). */
export function chineseDay(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A calendar day `2026-11-23` → `11月23日`, for lists within the year. */
export function monthDay(day: string): string {
  const [, m, d] = day.slice(0, 10).split('-').map(Number);
  return `${m}月${d}日`;
}
