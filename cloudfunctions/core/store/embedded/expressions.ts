/**
 * String, comparison and arithmetic expression operators as MongoDB computes them, in place of
 * mingo's (see operators.ts). Each states the MongoDB rule it follows (aggregation reference
 * pages of the operator, and the server's own implementation where the pages are silent).
 */
import { evalExpr } from 'mingo/core';
import * as expressionOperators from 'mingo/operators/expression';
import type { AnyObject, Options } from 'mingo/types';

type Expr = (obj: AnyObject, expr: unknown, options: Options) => unknown;

const args = (obj: AnyObject, expr: unknown, options: Options, op: string, min: number, max = min): unknown[] => {
  if (!Array.isArray(expr) || expr.length < min || expr.length > max) {
    throw new Error(`Expression ${op} takes ${min === max ? `exactly ${min}` : `${min} to ${max}`} arguments`);
  }
  return evalExpr(obj, expr, options) as unknown[];
};

/** MongoDB's canonical type order for comparing values of different types (BSON spec "Comparison/Sort Order"). */
function rank(v: unknown): number {
  if (v === undefined) return 0;
  if (v === null) return 5;
  switch (typeof v) {
    case 'number':
      return 10;
    case 'string':
      return 15;
    case 'boolean':
      return 40;
  }
  if (Array.isArray(v)) return 25;
  if (v instanceof Date) return 45;
  if (v instanceof RegExp) return 50;
  const keys = Object.keys(v as object);
  if (keys.length === 1 && keys[0] === '$oid') return 35;
  return 20;
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-8 byte order is code point order, which differs from UTF-16 order past the surrogates.
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return sign(x[i].codePointAt(0)! - y[i].codePointAt(0)!);
  }
  return sign(x.length - y.length);
}

/**
 * Aggregation comparison: values of different types compare by their type's place in MongoDB's
 * order (missing < null < numbers < strings < objects < arrays < ObjectId < booleans < dates <
 * regular expressions), so `{ $gt: ['a', 1] }` is true and `{ $eq: ['$missing', null] }` false.
 * mingo compares only values of one type and answers false otherwise.
 */
export function bsonCompare(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return sign(ra - rb);
  switch (ra) {
    case 10: {
      const [x, y] = [a as number, b as number];
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
      return sign(x - y);
    }
    case 15:
      return compareStrings(a as string, b as string);
    case 40:
      return sign(Number(a) - Number(b));
    case 45:
      return sign((a as Date).getTime() - (b as Date).getTime());
    case 35:
      return compareStrings((a as { $oid: string }).$oid, (b as { $oid: string }).$oid);
    case 50:
      return compareStrings((a as RegExp).source, (b as RegExp).source) || compareStrings((a as RegExp).flags, (b as RegExp).flags);
    case 25: {
      const [x, y] = [a as unknown[], b as unknown[]];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = bsonCompare(x[i], y[i]);
        if (c) return c;
      }
      return sign(x.length - y.length);
    }
    case 20: {
      // Field by field in order: the value's type, then the field name, then the value.
      const x = Object.entries(a as AnyObject).filter(([, v]) => v !== undefined);
      const y = Object.entries(b as AnyObject).filter(([, v]) => v !== undefined);
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = sign(rank(x[i][1]) - rank(y[i][1])) || compareStrings(x[i][0], y[i][0]) || bsonCompare(x[i][1], y[i][1]);
        if (c) return c;
      }
      return sign(x.length - y.length);
    }
    default:
      return 0;
  }
}

const comparison =
  (op: string, test: (c: number) => boolean): Expr =>
  (obj, expr, options) => {
    const [a, b] = args(obj, expr, options, op, 2);
    return test(bsonCompare(a, b));
  };

/** MongoDB's coerceToString for the string operators: null and missing are "", numbers their digits. */
function asString(v: unknown, op: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  throw new Error(`${op}: can't convert a value of type ${typeof v} to a string`);
}

/** MongoDB changes the case of ASCII letters only ("well-defined behaviour for ASCII"). */
const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const asciiUpper = (s: string): string => s.replace(/[a-z]+/g, (m) => m.toUpperCase());

const isContinuation = (byte: number): boolean => (byte & 0xc0) === 0x80;

/**
 * `$substrBytes` and its alias `$substr`: a negative start answers "", a negative length takes
 * the rest of the string (MongoDB "$substr" reference; the server reads both as unsigned, so
 * `$substrBytes` behaves the same). A range that cuts a UTF-8 character is an error. mingo
 * refuses negative lengths.
 */
const substrBytes =
  (op: string): Expr =>
  (obj, expr, options) => {
    const [s, start, count] = args(obj, expr, options, op, 3);
    if (typeof start !== 'number' || typeof count !== 'number') throw new Error(`${op}: starting index and length must be numeric`);
    const bytes = Buffer.from(asString(s, op), 'utf8');
    const lower = start < 0 ? Infinity : Math.trunc(start);
    if (lower >= bytes.length) return '';
    const end = count < 0 ? bytes.length : Math.min(bytes.length, lower + Math.trunc(count));
    if (isContinuation(bytes[lower])) throw new Error(`${op}: Invalid range, starting index is a UTF-8 continuation byte.`);
    if (end < bytes.length && isContinuation(bytes[end])) throw new Error(`${op}: Invalid range, ending index is in the middle of a UTF-8 character.`);
    return bytes.subarray(lower, end).toString('utf8');
  };

/**
 * `$indexOfCP` (code points) and `$indexOfBytes` (UTF-8 bytes): the first index of the
 * substring within [start, end), -1 when absent, null when the string is null or missing
 * (MongoDB "$indexOfCP" / "$indexOfBytes" references). mingo has no `$indexOfCP` and counts
 * `$indexOfBytes` in UTF-16 units.
 */
const indexOf =
  (op: string, units: (s: string) => ArrayLike<number>): Expr =>
  (obj, expr, options) => {
    const [s, sub, start = 0, end] = args(obj, expr, options, op, 2, 4);
    if (s === null || s === undefined) return null;
    if (typeof s !== 'string') throw new Error(`${op} requires a string as the first argument`);
    if (typeof sub !== 'string') throw new Error(`${op} requires a string as the second argument`);
    const index = (v: unknown, what: string): number => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`${op} requires that the ${what} index be a non-negative integral number`);
      return v;
    };
    const hay = units(s);
    const needle = units(sub);
    const from = index(start, 'starting');
    const to = Math.min(end === undefined ? hay.length : index(end, 'ending'), hay.length);
    if (from > hay.length) return -1;
    for (let i = from; i + needle.length <= to; i++) {
      let j = 0;
      while (j < needle.length && hay[i + j] === needle[j]) j++;
      if (j === needle.length) return i;
    }
    return -1;
  };
const codePoints = (s: string): number[] => [...s].map((c) => c.codePointAt(0)!);

const oneString =
  (op: string, f: (s: string) => string): Expr =>
  (obj, expr, options) => {
    const value = evalExpr(obj, Array.isArray(expr) && expr.length === 1 ? expr[0] : expr, options);
    return f(asString(value, op));
  };

/** `$trunc` takes a number as well as `[number, place]` (MongoDB "$trunc"); mingo only the array. */
const $trunc: Expr = (obj, expr, options) => expressionOperators.$trunc(obj, Array.isArray(expr) ? expr : [expr], options);

/** `$size` of anything but an array is an error (MongoDB "$size"); mingo answers null. */
const $size: Expr = (obj, expr, options) => {
  const value = evalExpr(obj, Array.isArray(expr) && expr.length === 1 ? expr[0] : expr, options);
  if (!Array.isArray(value))
    throw new Error(`The argument to $size must be an array. Type of argument: ${value === undefined ? 'missing' : value === null ? 'null' : typeof value}`);
  return value.length;
};

/**
 * A one-argument operator written with its argument list (`{ $arrayToObject: [[…]] }`, the
 * MongoDB reference's own example) takes that one argument; mingo read the list as the array.
 */
const $arrayToObject: Expr = (obj, expr, options) =>
  expressionOperators.$arrayToObject(obj, Array.isArray(expr) && expr.length === 1 ? expr[0] : expr, options);

export const EXPRESSION_OPERATORS: Record<`$${string}`, Expr> = {
  $eq: comparison('$eq', (c) => c === 0),
  $ne: comparison('$ne', (c) => c !== 0),
  $gt: comparison('$gt', (c) => c > 0),
  $gte: comparison('$gte', (c) => c >= 0),
  $lt: comparison('$lt', (c) => c < 0),
  $lte: comparison('$lte', (c) => c <= 0),
  $cmp: (obj, expr, options) => {
    const [a, b] = args(obj, expr, options, '$cmp', 2);
    return bsonCompare(a, b);
  },
  $substr: substrBytes('$substr'),
  $substrBytes: substrBytes('$substrBytes'),
  $indexOfCP: indexOf('$indexOfCP', codePoints),
  $indexOfBytes: indexOf('$indexOfBytes', (s) => Buffer.from(s, 'utf8')),
  $toLower: oneString('$toLower', asciiLower),
  $toUpper: oneString('$toUpper', asciiUpper),
  $strcasecmp: (obj, expr, options) => {
    const [a, b] = args(obj, expr, options, '$strcasecmp', 2);
    return compareStrings(asciiLower(asString(a, '$strcasecmp')), asciiLower(asString(b, '$strcasecmp')));
  },
  $trunc,
  $size,
  $arrayToObject,
};
