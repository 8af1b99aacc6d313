/**
 * Date expression operators as MongoDB computes them, in place of mingo's (see operators.ts):
 * mingo counts `$week` as ISO-like weeks (2019-05-14 is week 20, 2023-01-01 week 53), formats
 * `%w` as 0–6 and `%G` as the calendar year, fails on null dates instead of answering null, cannot
 * parse `$dateFromString` strings with an offset and gets the ISO form of `$dateFromParts` wrong.
 * MongoDB (aggregation reference, "$week", "$dateToString" format specifiers, "$dateFromString",
 * "$dateFromParts"): weeks start on Sunday and the days before the year's first Sunday are week 0
 * (strftime's %U); `%w` is 1 (Sunday) to 7; a null or missing date answers null.
 */
import { evalExpr } from 'mingo/core';
import type { AnyObject, Options } from 'mingo/types';

type Expr = (obj: AnyObject, expr: unknown, options: Options) => unknown;

const DAY = 86_400_000;

/** Date.UTC, also for years 0–99 (which Date.UTC reads as 1900–1999): the calendar repeats every 400 years. */
function utc(year: number, month: number, day = 1, h = 0, m = 0, s = 0, ms = 0): number {
  if (year >= 0 && year < 100) return Date.UTC(year + 400, month, day, h, m, s, ms) - 146_097 * DAY;
  return Date.UTC(year, month, day, h, m, s, ms);
}

/** Minutes east of UTC of an Olson time zone or a UTC offset (`+08:00`, `+0800`, `+08`) at `ms`. */
export function offsetMinutes(timezone: unknown, ms: number): number {
  if (timezone === undefined || timezone === null) return 0;
  if (typeof timezone !== 'string') throw new Error('timezone must evaluate to a string');
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(timezone);
  if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0));
  let format = zones.get(timezone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(`unrecognized time zone identifier: "${timezone}"`);
    }
    zones.set(timezone, format);
  }
  const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
  const local = utc(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
}
const zones = new Map<string, Intl.DateTimeFormat>();

/** The UTC instant of a wall-clock time (as UTC milliseconds) in `timezone`. */
function fromLocal(localMs: number, timezone: unknown): number {
  const guess = localMs - offsetMinutes(timezone, localMs) * 60_000;
  return localMs - offsetMinutes(timezone, guess) * 60_000;
}

/** The parts of a date in a time zone: a Date whose UTC fields are the local ones. */
function local(date: Date, timezone: unknown): Date {
  return new Date(date.getTime() + offsetMinutes(timezone, date.getTime()) * 60_000);
}

const dayOfYear = (d: Date): number => Math.floor((d.getTime() - utc(d.getUTCFullYear(), 0, 1)) / DAY) + 1;
const dayOfWeek = (d: Date): number => d.getUTCDay() + 1;
const isoDayOfWeek = (d: Date): number => d.getUTCDay() || 7;
/** strftime's %U: weeks start on Sunday; days before the first Sunday are week 0. */
const week = (d: Date): number => Math.floor((dayOfYear(d) - dayOfWeek(d) + 7) / 7);
/** The ISO week's Thursday decides its year. */
const isoThursday = (d: Date): Date => new Date(d.getTime() + (4 - isoDayOfWeek(d)) * DAY);
const isoWeekYear = (d: Date): number => isoThursday(d).getUTCFullYear();
const isoWeek = (d: Date): number => Math.floor((dayOfYear(isoThursday(d)) - 1) / 7) + 1;

const PARTS: Record<string, (d: Date) => number> = {
  $year: (d) => d.getUTCFullYear(),
  $month: (d) => d.getUTCMonth() + 1,
  $dayOfMonth: (d) => d.getUTCDate(),
  $hour: (d) => d.getUTCHours(),
  $minute: (d) => d.getUTCMinutes(),
  $second: (d) => d.getUTCSeconds(),
  $millisecond: (d) => d.getUTCMilliseconds(),
  $dayOfYear: dayOfYear,
  $dayOfWeek: dayOfWeek,
  $week: week,
  $isoWeek: isoWeek,
  $isoWeekYear: isoWeekYear,
  $isoDayOfWeek: isoDayOfWeek,
};

const isDateSpec = (v: unknown): v is { date: unknown; timezone?: unknown } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && 'date' in v;

/** `{ $year: <date> }`, `{ $year: [<date>] }` or `{ $year: { date, timezone } }`: the date, or null for null/missing. */
function dateOperand(obj: AnyObject, expr: unknown, options: Options, op: string): { date: Date | null; timezone?: unknown } {
  const spec: { date: unknown; timezone?: unknown } = isDateSpec(expr) ? expr : { date: Array.isArray(expr) && expr.length === 1 ? expr[0] : expr };
  const date = evalExpr(obj, spec.date, options);
  const timezone = spec.timezone === undefined ? undefined : evalExpr(obj, spec.timezone, options);
  if (date === null || date === undefined) return { date: null };
  if (!(date instanceof Date)) throw new Error(`${op} can't convert from BSON type ${typeof date} to Date`);
  return { date, timezone };
}

const partOperator =
  (op: string, part: (d: Date) => number): Expr =>
  (obj, expr, options) => {
    const { date, timezone } = dateOperand(obj, expr, options, op);
    return date && part(local(date, timezone));
  };

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const FORMAT: Record<string, (d: Date, offset: number) => string> = {
  d: (d) => pad(d.getUTCDate(), 2),
  G: (d) => pad(isoWeekYear(d), 4),
  H: (d) => pad(d.getUTCHours(), 2),
  j: (d) => pad(dayOfYear(d), 3),
  L: (d) => pad(d.getUTCMilliseconds(), 3),
  m: (d) => pad(d.getUTCMonth() + 1, 2),
  M: (d) => pad(d.getUTCMinutes(), 2),
  S: (d) => pad(d.getUTCSeconds(), 2),
  u: (d) => String(isoDayOfWeek(d)),
  U: (d) => pad(week(d), 2),
  V: (d) => pad(isoWeek(d), 2),
  w: (d) => String(dayOfWeek(d)),
  Y: (d) => pad(d.getUTCFullYear(), 4),
  z: (_, offset) => `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60), 2)}${pad(Math.abs(offset) % 60, 2)}`,
  Z: (_, offset) => String(offset),
  '%': () => '%',
};

const $dateToString: Expr = (obj, expr, options) => {
  const args = evalExpr(obj, expr, options) as { date?: unknown; format?: unknown; timezone?: unknown; onNull?: unknown };
  if (args.date === null || args.date === undefined) return args.onNull ?? null;
  if (!(args.date instanceof Date)) throw new Error("$dateToString: can't convert to Date");
  const offset = offsetMinutes(args.timezone, args.date.getTime());
  const format = args.format ?? (offset || (args.timezone && args.timezone !== 'UTC') ? '%Y-%m-%dT%H:%M:%S.%L' : '%Y-%m-%dT%H:%M:%S.%LZ');
  if (typeof format !== 'string') throw new Error('$dateToString requires that the format be a string');
  const d = new Date(args.date.getTime() + offset * 60_000);
  return format.replace(/%(.?)/g, (spec: string, c: string) => {
    const f = FORMAT[c];
    if (!f) throw new Error(`Invalid format character '${spec}' in format string`);
    return f(d, offset);
  });
};

type Parts = Record<string, unknown>;

/** `$dateFromParts`: calendar or ISO week parts, each carried over (month 14 is next February). */
const $dateFromParts: Expr = (obj, expr, options) => {
  const p = evalExpr(obj, expr, options) as Parts;
  const iso = p.isoWeekYear !== undefined;
  const names = iso ? ['isoWeekYear', 'isoWeek', 'isoDayOfWeek'] : ['year', 'month', 'day'];
  const time = ['hour', 'minute', 'second', 'millisecond'];
  const all = [...names, ...time];
  if (all.some((k) => p[k] === null)) return null;
  const n = (k: string, dflt: number): number => {
    const v = p[k] ?? dflt;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`$dateFromParts: '${k}' must evaluate to an integer`);
    return v;
  };
  const clock = ((n('hour', 0) * 60 + n('minute', 0)) * 60 + n('second', 0)) * 1000 + n('millisecond', 0);
  let day: number;
  if (iso) {
    const jan4 = utc(n('isoWeekYear', 0), 0, 4);
    const week1Monday = jan4 - (isoDayOfWeek(new Date(jan4)) - 1) * DAY;
    day = week1Monday + ((n('isoWeek', 1) - 1) * 7 + n('isoDayOfWeek', 1) - 1) * DAY;
  } else {
    const year = n('year', 0);
    if (year < 1 || year > 9999) throw new Error("$dateFromParts: 'year' must evaluate to an integer in the range 1 to 9999");
    day = utc(year, n('month', 1) - 1, 1) + (n('day', 1) - 1) * DAY;
  }
  return new Date(fromLocal(day + clock, p.timezone));
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const FROM_STRING: Record<string, [string, string]> = {
  Y: ['(\\d{4})', 'year'],
  m: ['(\\d{1,2})', 'month'],
  d: ['(\\d{1,2})', 'day'],
  H: ['(\\d{1,2})', 'hour'],
  M: ['(\\d{1,2})', 'minute'],
  S: ['(\\d{1,2})', 'second'],
  L: ['(\\d{1,3})', 'millisecond'],
  z: ['([+-]\\d{2}:?\\d{2})', 'offset'],
  Z: ['([+-]\\d+)', 'minutes'],
};

/** The wall-clock milliseconds and, if the string carries one, its offset in minutes. */
function parseDate(s: string, format: unknown): { localMs: number; offset?: number } | null {
  let f: Record<string, string | undefined>;
  if (format === undefined || format === null) {
    const m = ISO.exec(s.trim());
    if (!m) return null;
    const zone = m[8];
    f = { year: m[1], month: m[2], day: m[3], hour: m[4], minute: m[5], second: m[6], millisecond: m[7]?.slice(0, 3).padEnd(3, '0') };
    if (zone) f.offset = zone === 'Z' ? '+00:00' : zone;
  } else {
    if (typeof format !== 'string') throw new Error('$dateFromString requires that the format be a string');
    const fields: string[] = [];
    const source = format.replace(/%(.?)|[.*+?^${}()|[\]\\]/g, (tok: string, c: string | undefined) => {
      if (!tok.startsWith('%')) return `\\${tok}`;
      if (c === '%') return '%';
      const spec = c ? FROM_STRING[c] : undefined;
      if (!spec) throw new Error(`$dateFromString: invalid format character '%${c ?? ''}'`);
      fields.push(spec[1]);
      return spec[0];
    });
    const m = new RegExp(`^${source}$`).exec(s);
    if (!m) return null;
    f = Object.fromEntries(fields.map((name, i) => [name, m[i + 1]]));
  }
  const num = (v: string | undefined, dflt = 0): number => (v === undefined ? dflt : Number(v));
  const localMs = utc(num(f.year), num(f.month, 1) - 1, num(f.day, 1), num(f.hour), num(f.minute), num(f.second), num(f.millisecond));
  let offset: number | undefined;
  if (f.offset !== undefined) offset = offsetMinutes(f.offset.length === 3 ? `${f.offset}00` : f.offset, 0);
  if (f.minutes !== undefined) offset = Number(f.minutes);
  return { localMs, offset };
}

const $dateFromString: Expr = (obj, expr, options) => {
  const args = evalExpr(obj, expr, options) as { dateString?: unknown; format?: unknown; timezone?: unknown; onNull?: unknown; onError?: unknown };
  if (args.dateString === null || args.dateString === undefined) return args.onNull ?? null;
  const fail = (why: string): unknown => {
    if ('onError' in args) return args.onError;
    throw new Error(`$dateFromString: ${why}`);
  };
  if (typeof args.dateString !== 'string') return fail('dateString requires a string');
  const parsed = parseDate(args.dateString, args.format);
  if (!parsed) return fail(`Error parsing date string '${args.dateString}'`);
  if (parsed.offset !== undefined && args.timezone !== undefined && args.timezone !== null) {
    return fail('you cannot pass in a date/time string with time zone information together with a timezone argument');
  }
  return new Date(parsed.offset !== undefined ? parsed.localMs - parsed.offset * 60_000 : fromLocal(parsed.localMs, args.timezone));
};

export const DATE_OPERATORS: Record<`$${string}`, Expr> = {
  ...Object.fromEntries(Object.entries(PARTS).map(([op, part]) => [op, partOperator(op, part)])),
  $dateToString,
  $dateFromParts,
  $dateFromString,
};
