/**
 * MongoDB semantics, from mingo: query matching, update operators, sort/skip/limit/projection and
 * aggregation. The only place that imports mingo; errors become DbErrors the SDK caller can read.
 */
import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import { update } from 'mingo/updater';
import type { AnyObject, CollectionResolver, Options } from 'mingo/types';
import type { Doc } from './codec';
import { DbError, ErrorCode, unsupported } from './errors';
import { OPERATORS } from './operators';

/** Every mingo call runs with the operators that answer as MongoDB does (operators.ts). */
const OPTIONS: Partial<Options> = { context: OPERATORS };

export type Test = (doc: Doc) => boolean;

/** Need geo or text indexes, or a JSON-schema validator, none of which mingo brings. */
const UNSUPPORTED_QUERY = new Set(['$geoNear', '$geoWithin', '$geoIntersects', '$near', '$nearSphere', '$text', '$jsonSchema']);
const UNSUPPORTED_STAGES = new Set(['$geoNear', '$out', '$merge', '$search', '$listSessions']);
const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pop', '$pull', '$pullAll',
  '$addToSet', '$bit', '$currentDate',
]);

/** Say so instead of mingo's "unknown query operator". */
function assertSupported(value: unknown): void {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return;
  if (Array.isArray(value)) return value.forEach(assertSupported);
  for (const [key, inner] of Object.entries(value as Doc)) {
    if (UNSUPPORTED_QUERY.has(key)) throw unsupported(`query operator ${key}`);
    assertSupported(inner);
  }
}

function invalid(err: unknown): DbError {
  if (err instanceof DbError) return err;
  return new DbError(ErrorCode.INVALID_PARAM, (err as Error).message ?? String(err));
}

export function compileFilter(filter: Doc | undefined): Test {
  if (!filter || !Object.keys(filter).length) return () => true;
  assertSupported(filter);
  try {
    const query = new Query(filter, OPTIONS);
    return (doc) => query.test(doc);
  } catch (err) {
    throw invalid(err);
  }
}

/** Applies update operators to `doc` in place (the caller compares the stored text to see a change). */
export function applyUpdate(doc: Doc, modifier: Doc): void {
  for (const [op, fields] of Object.entries(modifier)) {
    if (!UPDATE_OPERATORS.has(op)) throw new DbError(ErrorCode.INVALID_PARAM, `unknown update operator ${op}`);
    if (op === '$inc' || op === '$mul') assertNumeric(doc, op, fields as Doc);
  }
  try {
    update(doc, modifier as AnyObject, undefined, undefined, { cloneMode: 'deep', queryOptions: OPTIONS });
  } catch (err) {
    throw invalid(err);
  }
}

/** MongoDB refuses arithmetic on non-numbers; mingo would silently skip it. */
function assertNumeric(doc: Doc, op: string, fields: Doc): void {
  for (const [path, operand] of Object.entries(fields)) {
    if (typeof operand !== 'number') throw new DbError(ErrorCode.INVALID_PARAM, `${op} on ${path} needs a number`);
    let cur: unknown = doc;
    for (const seg of path.split('.')) {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return;
      cur = (cur as Doc)[seg];
    }
    if (cur !== undefined && cur !== null && typeof cur !== 'number') {
      throw new DbError(ErrorCode.INVALID_PARAM, `Cannot apply ${op} to a value of non-numeric type at ${path}`);
    }
  }
}

export interface Window {
  sort?: Record<string, number>;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

/** Sort, skip, limit and project already-matched documents exactly as MongoDB would. */
export function finish(docs: Doc[], window: Window): Doc[] {
  try {
    let cursor = new Query({}, OPTIONS).find<Doc>(docs, window.projection as AnyObject | undefined);
    if (window.sort && Object.keys(window.sort).length) cursor = cursor.sort(window.sort as Record<string, 1 | -1>);
    if (window.skip) cursor = cursor.skip(window.skip);
    if (window.limit !== undefined && window.limit < Infinity) cursor = cursor.limit(window.limit);
    const out = cursor.all() as Doc[];
    return window.projection ? out.map(idFirst) : out;
  } catch (err) {
    throw invalid(err);
  }
}

export function project(docs: Doc[], projection: Doc | undefined): Doc[] {
  if (!projection || !Object.keys(projection).length) return docs;
  const inclusion = inclusionOf(projection);
  return inclusion ? docs.map((doc) => include(doc, inclusion)) : finish(docs, { projection });
}

/** Which fields an inclusion projection keeps: `true` for a whole value, a subtree for a dotted path. */
type Inclusion = { withId: boolean; tree: PathTree };
type PathTree = [string, PathTree | true][];

/**
 * `field({ a: true, 'b.c': true })` without mingo: a county-wide read projects 30,000 documents,
 * and mingo's general projection cost more than decoding them. Answers exactly what mingo does
 * (`_id` first, then the fields in sorted order; a dotted path reaches into objects and into
 * every object of an array, dropping scalars there; values shared). Null for anything else
 * (exclusions, operators, a path inside another), which mingo handles.
 */
function inclusionOf(projection: Doc): Inclusion | null {
  let withId = true;
  const paths: string[][] = [];
  for (const [key, value] of Object.entries(projection)) {
    if (key === '_id' && (value === false || value === 0)) withId = false;
    else if (value !== true && value !== 1) return null;
    else if (key.startsWith('$') || key.split('.').some((seg) => !seg || seg.startsWith('$'))) return null;
    else if (key !== '_id') paths.push(key.split('.'));
  }
  // `{ _id: true }` alone keeps just the id; `{ _id: false }` alone is an exclusion, left to mingo.
  if (!paths.length) return withId ? { withId, tree: [] } : null;
  const tree = treeOf(paths);
  return tree ? { withId, tree } : null;
}

/**
 * The fields of an inclusion projection that names top-level fields only (`_id` first when kept,
 * then sorted), or null: the store can then read just those values out of the stored JSON.
 */
export function topLevelFields(projection: Doc | undefined): string[] | null {
  if (!projection || !Object.keys(projection).length) return null;
  const inclusion = inclusionOf(projection);
  if (!inclusion || inclusion.tree.some(([, sub]) => sub !== true)) return null;
  const fields = inclusion.tree.map(([key]) => key);
  return inclusion.withId ? ['_id', ...fields] : fields;
}

function treeOf(paths: string[][]): PathTree | null {
  const byHead = new Map<string, string[][]>();
  for (const path of paths) {
    const rests = byHead.get(path[0]) ?? [];
    rests.push(path.slice(1));
    byHead.set(path[0], rests);
  }
  const tree: PathTree = [];
  for (const head of [...byHead.keys()].sort()) {
    const rests = byHead.get(head)!;
    if (rests.some((r) => !r.length)) {
      // `a` together with `a.b` is a path collision in MongoDB: leave it to mingo.
      if (rests.length > 1) return null;
      tree.push([head, true]);
      continue;
    }
    const sub = treeOf(rests);
    if (!sub) return null;
    tree.push([head, sub]);
  }
  return tree;
}

function include(doc: Doc, { withId, tree }: Inclusion): Doc {
  const out = pick(doc, tree);
  if (!withId || doc._id === undefined) return out;
  return { _id: doc._id, ...out };
}

function pick(doc: Doc, tree: PathTree): Doc {
  const out: Doc = {};
  for (const [key, sub] of tree) {
    const value = doc[key];
    if (value === undefined) continue;
    if (sub === true) out[key] = value;
    else {
      const inner = descend(value, sub);
      if (inner !== undefined) out[key] = inner;
    }
  }
  return out;
}

const isPlainObject = (v: unknown): v is Doc => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A dotted path below a value: into an object, into each object (or array) of an array; scalars have no fields. */
function descend(value: unknown, tree: PathTree): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (Array.isArray(item)) out.push(descend(item, tree));
      else if (isPlainObject(item)) out.push(pick(item, tree));
    }
    return out;
  }
  return isPlainObject(value) ? pick(value, tree) : undefined;
}

/** mingo appends `_id` after included fields; MongoDB answers it first. */
function idFirst(doc: Doc): Doc {
  if (!('_id' in doc)) return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

export function checkStages(pipeline: Doc[]): void {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0];
    if (UNSUPPORTED_STAGES.has(name)) throw unsupported(`aggregation stage ${name}`);
    if (name === '$match') assertSupported(stage.$match);
  }
}

export function runPipeline(docs: Doc[], pipeline: Doc[], resolve: CollectionResolver): Doc[] {
  if (!pipeline.length) return docs;
  try {
    return new Aggregator(pipeline as AnyObject[], { ...OPTIONS, collectionResolver: resolve }).run(docs) as Doc[];
  } catch (err) {
    throw invalid(err);
  }
}
