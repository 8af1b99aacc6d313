/**
 * Sort, skip, limit and projection of already-matched documents, as MongoDB answers them: mingo's
 * cursor, a faster path for plain inclusions, and `$slice` projections MongoDB reads as exclusions.
 */
import { Query } from 'mingo/query';
import type { AnyObject } from 'mingo/types';
import type { Doc } from './codec';
import { DbError, ErrorCode } from './errors';
import { OPTIONS, invalid } from './mongo';

export interface Window {
  sort?: Record<string, number>;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

/** Sort, skip, limit and project already-matched documents exactly as MongoDB would. */
export function finish(docs: Doc[], window: Window): Doc[] {
  try {
    const sliced = slicesAlone(window.projection);
    const projection = sliced ? sliced.rest : window.projection;
    let cursor = new Query({}, OPTIONS).find<Doc>(docs, projection as AnyObject | undefined);
    if (window.sort && Object.keys(window.sort).length) cursor = cursor.sort(window.sort as Record<string, 1 | -1>);
    if (window.skip) cursor = cursor.skip(window.skip);
    if (window.limit !== undefined && window.limit < Infinity) cursor = cursor.limit(window.limit);
    let out = cursor.all() as Doc[];
    if (sliced) out = out.map((doc) => sliced.slices.reduce((d, [path, spec]) => sliceAt(d, path.split('.'), spec), doc));
    return projection ? out.map(idFirst) : out;
  } catch (err) {
    throw invalid(err);
  }
}

const isSlice = (v: unknown): boolean => v !== null && typeof v === 'object' && Object.keys(v).length === 1 && '$slice' in v;

/**
 * `{ arr: { $slice: 2 } }` beside no inclusion keeps every other field, like an exclusion
 * (MongoDB "$slice (projection)": as part of an exclusion projection the other fields are
 * returned); mingo turns it into an inclusion. Answers the exclusions and the slices, or null
 * when the projection includes fields (mingo then handles it all).
 */
function slicesAlone(projection: Doc | undefined): { rest: Doc | undefined; slices: Array<[string, unknown]> } | null {
  if (!projection) return null;
  const entries = Object.entries(projection);
  const slices = entries.filter(([, v]) => isSlice(v)).map(([k, v]) => [k, (v as Doc).$slice] as [string, unknown]);
  if (!slices.length || entries.some(([k, v]) => !isSlice(v) && k !== '_id' && v !== 0 && v !== false)) return null;
  const rest = Object.fromEntries(entries.filter(([, v]) => !isSlice(v)));
  return { rest: Object.keys(rest).length ? rest : undefined, slices };
}

function sliceAt(doc: Doc, path: string[], spec: unknown): Doc {
  const [head, ...tail] = path;
  const value = doc[head];
  if (value === undefined) return doc;
  let next: unknown = value;
  if (tail.length) {
    if (isPlainObject(value)) next = sliceAt(value, tail, spec);
    else if (Array.isArray(value)) next = value.map((v) => (isPlainObject(v) ? sliceAt(v, tail, spec) : v));
  } else if (Array.isArray(value)) {
    next = sliceArray(value, spec);
  }
  return next === value ? doc : { ...doc, [head]: next };
}

function sliceArray(arr: unknown[], spec: unknown): unknown[] {
  if (typeof spec === 'number') return spec >= 0 ? arr.slice(0, spec) : arr.slice(Math.max(0, arr.length + spec));
  if (Array.isArray(spec) && spec.length === 2 && typeof spec[0] === 'number' && typeof spec[1] === 'number') {
    if (spec[1] <= 0) throw new DbError(ErrorCode.INVALID_PARAM, '$slice limit must be positive');
    const start = spec[0] < 0 ? Math.max(0, arr.length + spec[0]) : spec[0];
    return arr.slice(start, start + spec[1]);
  }
  throw new DbError(ErrorCode.INVALID_PARAM, '$slice only supports numbers and [skip, limit] arrays');
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
