/**
 * Operators where mingo answers differently from MongoDB (and so from CloudBase), replaced in the
 * operator context every mingo call in mongo.ts runs with. Each follows a statement of MongoDB's
 * semantics, cited beside it, and has a case in test/core/store/sdk-contract.test.ts.
 */
import { Context } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Lazy } from 'mingo/lazy';
import { Query } from 'mingo/query';
import type { AnyObject, Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import { DATE_OPERATORS } from './dates';
import { EXPRESSION_OPERATORS } from './expressions';
import { $geoIntersects, $geoWithin, $near, $nearSphere } from './geo';

const mingoElemMatch = queryOperators.$elemMatch;

/** `$and`, `$or`, `$nor` hold field conditions: they make `$elemMatch` take its object form. */
const LOGICAL = new Set(['$and', '$or', '$nor']);

const isValueForm = (criteria: AnyObject): boolean => {
  const keys = Object.keys(criteria);
  return keys.length > 0 && keys.every((k) => k.startsWith('$') && !LOGICAL.has(k));
};

/** Documents and arrays: BSON objects, the only elements the object form looks into. */
const isBsonObject = (v: unknown): v is AnyObject | unknown[] => v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof RegExp);

/**
 * `$elemMatch` with field conditions (`{ value: { $gt: 0 } }`) tests only elements that are
 * documents or arrays (an array as the document of its indexes: `{ a: [['x']] }` matches
 * `{ $elemMatch: { 0: 'x' } }`) and skips plain values; mingo also tests plain values, so
 * `tags: [1, 2, 3]` matched. MongoDB: ElemMatchObjectMatchExpression::matchesArray skips every
 * element that is not `isABSONObj()` (src/mongo/db/matcher/expression_array.cpp; jstests
 * arrayfind9.js). node-sdk's own test against CloudBase expects the same (advanced-operator.test.ts,
 * 'Array of Embedded Documents': `tags: [1..9]` is not matched by `_.elemMatch({ value: _.gt(0) })`).
 * Operator conditions (`{ $gt: 2 }`) test each element as a value, as mingo does.
 */
function $elemMatch(selector: string, criteria: AnyObject, options: Options): (doc: AnyObject) => boolean {
  if (isValueForm(criteria)) return mingoElemMatch(selector, criteria, options);
  const query = new Query(criteria, options);
  const matches = (el: unknown): boolean => isBsonObject(el) && query.test(Array.isArray(el) ? { ...el } : el);
  return (doc) => {
    const value = resolve(doc, selector, { unwrapArray: true });
    return Array.isArray(value) && value.some(matches);
  };
}

type Stage = (coll: Parameters<typeof pipelineOperators.$group>[0], expr: AnyObject, options: Options) => ReturnType<typeof pipelineOperators.$group>;

/**
 * `$bucket` as MongoDB runs it: a `$group` on the bucket each value falls in (lower bound
 * inclusive, upper exclusive, compared in MongoDB's order), then `$sort: { _id: 1 }`; only
 * buckets holding documents are answered (MongoDB "$bucket": "only produces output documents
 * for buckets that contain at least one input document"; the server desugars it so). mingo put
 * a value equal to a boundary into the bucket below and answered empty buckets.
 */
const $bucket: Stage = (coll, expr, options) => {
  const { groupBy, boundaries, default: dflt, output } = expr as { groupBy: unknown; boundaries: unknown[]; default?: unknown; output?: AnyObject };
  if (!Array.isArray(boundaries) || boundaries.length < 2) throw new Error("$bucket requires 'boundaries' to be an array of at least 2 values");
  const branches = boundaries.slice(0, -1).map((lower, i) => ({
    case: { $and: [{ $gte: [groupBy, { $literal: lower }] }, { $lt: [groupBy, { $literal: boundaries[i + 1] }] }] },
    then: { $literal: lower },
  }));
  const key = { $switch: dflt === undefined ? { branches } : { branches, default: { $literal: dflt } } };
  const grouped = pipelineOperators.$group(coll, { _id: key, ...(output ?? { count: { $sum: 1 } }) }, options);
  return pipelineOperators.$sort(grouped, { _id: 1 }, options);
};

/**
 * `$sample` of a collection as small as a function's reads: MongoDB sorts all documents randomly
 * and takes `size` of them, so no document comes twice (MongoDB "$sample": the pseudo-random
 * cursor, which may repeat one, serves only more than 100 documents sampled under 5%). mingo
 * drew with replacement.
 */
const $sample: Stage = (coll, expr) =>
  coll.transform((docs: unknown[]) => {
    const size = (expr as { size?: unknown }).size;
    if (typeof size !== 'number' || size < 0) throw new Error('$sample size must be a non-negative number');
    const pool = [...docs];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return Lazy(pool.slice(0, size));
  });

/** A module's operators (its `$`-named exports). */
function ops<T>(module: Record<string, T>): Record<`$${string}`, T> {
  return Object.fromEntries(Object.entries(module).filter(([name]) => name.startsWith('$'))) as Record<`$${string}`, T>;
}

/**
 * All of mingo's operators with ours in their place. A complete context of its own: mingo's
 * top-level wrappers merge a caller's context *under* their own, so the calls in mongo.ts use
 * mingo's base classes (mingo/query, mingo/aggregator, mingo/updater) with this one.
 */
export const OPERATORS = Context.init({
  accumulator: ops(accumulatorOperators),
  expression: { ...ops(expressionOperators), ...EXPRESSION_OPERATORS, ...DATE_OPERATORS },
  pipeline: { ...ops(pipelineOperators), $bucket, $sample },
  projection: ops(projectionOperators),
  // Geometry, which mingo lacks (geo.ts): `$nearSphere` filters by distance here, and reads
  // answer its matches nearest first (reads.ts).
  query: { ...ops(queryOperators), $elemMatch, $geoWithin, $geoIntersects, $near, $nearSphere },
  window: ops(windowOperators),
} as Parameters<typeof Context.init>[0]);
