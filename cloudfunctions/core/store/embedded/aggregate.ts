/**
 * Aggregation: mingo runs the pipeline; the engine feeds it. A leading `$match` goes through the
 * planner (indexes) instead of scanning the collection, and a plain `$lookup`
 * (from/localField/foreignField) fetches only the foreign documents whose key occurs locally,
 * through the foreign collection's index, instead of loading the whole foreign collection. mingo's
 * own `$lookup` then does the join, so join semantics stay exactly MongoDB's. A pipeline that
 * counts per key (see `countedGroups`) is answered by SQLite without decoding any document, and
 * one that gathers a few fields per key (`pushedGroups`) is grouped here, not by mingo. A
 * leading `$geoNear` reads its `query`'s matches the same way and orders them by distance (geo.ts).
 */
import { isObjectId, type Doc } from './codec';
import type { EmbeddedEngine } from './engine';
import type { GroupKey } from './reads';
import { geoKey, geoNearStage, runGeoNear } from './geo-near-stage';
import { checkStages, runPipeline } from './mongo';
import { topLevelFields } from './projection';

/**
 * CloudBase answers at most 20 documents when the pipeline has no `$limit`, and at most 10,000
 * with one (community-measured: developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13).
 * Mirrored so a report that forgets `.limit()` fails locally as it would in the cloud.
 */
export const AGGREGATE_DEFAULT_LIMIT = 20;
export const AGGREGATE_MAX_LIMIT = 10_000;

export function aggregate(engine: EmbeddedEngine, coll: string, pipeline: Doc[]): Doc[] {
  checkStages(pipeline);
  const limited = pipeline.some((stage) => '$limit' in stage);
  const counted = countedGroups(engine, coll, pipeline) ?? pushedGroups(engine, coll, pipeline);
  if (counted) return counted.slice(0, limited ? AGGREGATE_MAX_LIMIT : AGGREGATE_DEFAULT_LIMIT);
  return engine.snapshot(() => {
    const resolve = (name: string): Doc[] => engine.find(name);
    const [first, second] = pipeline;
    const leading = first && Object.keys(first)[0];
    // `$match` then a `$project` of plain top-level inclusions is a find() with that projection:
    // SQLite reads the few fields out of each stored document, and none is decoded whole.
    const projected =
      leading === '$match' && second && Object.keys(second).length === 1 && topLevelFields(second.$project as Doc | undefined)
        ? (second.$project as Doc)
        : undefined;
    // …and a `$skip`/`$limit` right after it pages in SQLite, so a read in pages reads each row once.
    let taken = projected ? 2 : 1;
    const window: { skip?: number; limit?: number } = {};
    for (; projected && taken < pipeline.length; taken++) {
      const [key, value] = Object.entries(pipeline[taken])[0] ?? [];
      if (key === '$skip' && window.limit === undefined && Number.isInteger(value) && (value as number) >= 0)
        window.skip = (window.skip ?? 0) + (value as number);
      else if (key === '$limit' && Number.isInteger(value) && (value as number) > 0) window.limit = Math.min(window.limit ?? Infinity, value as number);
      else break;
    }
    let docs: Doc[];
    if (leading === '$geoNear') {
      const stage = geoNearStage(first.$geoNear);
      docs = runGeoNear(engine.find(coll, stage.query), stage, stage.key ?? geoKey(engine.find(coll)));
    } else {
      docs = engine.find(coll, leading === '$match' ? (first.$match as Doc) : undefined, { projection: projected, ...window });
    }
    let pending: Doc[] = [];
    for (const stage of leading === '$match' || leading === '$geoNear' ? pipeline.slice(taken) : pipeline) {
      const lookup = stage.$lookup as Doc | undefined;
      if (!isPlainLookup(lookup)) {
        pending.push(stage);
        continue;
      }
      docs = runPipeline(docs, pending, resolve);
      pending = [];
      const keys = localKeys(docs, lookup.localField as string);
      const from = lookup.from as string;
      const foreign = keys ? engine.candidates(from, { [lookup.foreignField as string]: { $in: keys } }) : engine.find(from);
      pending.push({ $lookup: { ...lookup, from: foreign } });
    }
    docs = runPipeline(docs, pending, resolve);
    return docs.slice(0, limited ? AGGREGATE_MAX_LIMIT : AGGREGATE_DEFAULT_LIMIT);
  });
}

/**
 * `[$match?, $unwind: '$k'?, $group: {_id: '$k' | {name: '$k', …}, n: {$sum: 1}, …}, …rest]`
 * (the unwound field being a key): SQLite counts the groups — e.g. active pairings per helper,
 * read from the helperId index alone — and mingo runs the rest on the groups. Undefined for any
 * other pipeline, or when SQLite cannot answer exactly; mingo then runs the whole pipeline.
 */
function countedGroups(engine: EmbeddedEngine, coll: string, pipeline: Doc[]): Doc[] | undefined {
  let i = 0;
  const filter = pipeline[i] && '$match' in pipeline[i] ? (pipeline[i++].$match as Doc) : undefined;
  let unwind: string | undefined;
  if (pipeline[i] && '$unwind' in pipeline[i]) {
    unwind = fieldPath(pipeline[i++].$unwind);
    if (!unwind) return undefined;
  }
  const group = pipeline[i++]?.$group as Doc | undefined;
  if (!group) return undefined;
  const { _id: id, ...accumulators } = group;
  const counters = Object.keys(accumulators);
  if (!counters.every((name) => isCountOne(accumulators[name]))) return undefined;
  const compound = id !== null && typeof id === 'object' && !Array.isArray(id);
  const named: Array<[string, unknown]> = compound ? Object.entries(id as Doc) : [['', id]];
  const keys: GroupKey[] = [];
  for (const [name, expr] of named) {
    const path = fieldPath(expr);
    if (!path || (compound && !/^[A-Za-z0-9_]+$/.test(name))) return undefined;
    keys.push({ name, path, unwind: path === unwind });
  }
  if (!keys.length || (unwind && !keys.some((k) => k.unwind))) return undefined;
  const groups = engine.countGroups(coll, filter, keys);
  // MongoDB tells a missing compound key part from a null one; leave those to mingo.
  if (!groups || (compound && groups.some((g) => g.key.includes(null)))) return undefined;
  const docs = groups.map(({ key, n }) => {
    const doc: Doc = { _id: compound ? Object.fromEntries(keys.map((k, j) => [k.name, key[j]])) : key[0] };
    for (const name of counters) doc[name] = n;
    return doc;
  });
  return runPipeline(docs, pipeline.slice(i), (name) => engine.find(name));
}

const isPlainObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
const TOP = /^[A-Za-z0-9_]+$/;
/** `'$a'` → `'a'` for a top-level field; undefined for anything else. */
const topField = (expr: unknown): string | undefined => {
  const path = fieldPath(expr);
  return path && TOP.test(path) ? path : undefined;
};
/** A group key part grouped here: a string, a boolean or a finite number (MongoDB groups 1 and 1.0, 0 and -0 together, as JSON text does). */
const plainKey = (v: unknown): boolean => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * `[$match, $project (top-level inclusions), $group: {_id: '$k' | {name: '$k', …}, rows: {$push:
 * {name: '$f', …}}, …}, …rest]` (store/group-counts.ts `gatherAll`: a county's households by
 * village): the projected find() — SQLite reads the few fields — grouped here in first-seen order
 * as mingo groups, each pushed row without the fields a document lacks (MongoDB omits a missing
 * field of an object expression); mingo runs the rest on the groups. Undefined for any other
 * pipeline, or when a key part is missing, null, a date or an object somewhere: mingo groups those.
 */
function pushedGroups(engine: EmbeddedEngine, coll: string, pipeline: Doc[]): Doc[] | undefined {
  const [match, project, groupStage] = pipeline;
  const only = (stage: Doc | undefined, key: string) => !!stage && Object.keys(stage).length === 1 && key in stage;
  if (!only(match, '$match') || !only(project, '$project') || !only(groupStage, '$group') || !topLevelFields(project.$project as Doc)) return undefined;
  const { _id: id, ...accumulators } = groupStage.$group as Doc;
  const compound = isPlainObject(id);
  const keys: Array<[string, string | undefined]> = compound ? Object.entries(id).map(([name, e]) => [name, topField(e)]) : [['', topField(id)]];
  if (!keys.length || keys.some(([name, path]) => !path || (compound && !TOP.test(name)))) return undefined;
  const pushes: Array<[string, Array<[string, string]>]> = [];
  for (const [name, acc] of Object.entries(accumulators)) {
    const push = isPlainObject(acc) && Object.keys(acc).length === 1 ? acc.$push : undefined;
    if (!isPlainObject(push) || !Object.keys(push).length) return undefined;
    const fields = Object.entries(push).map(([n, e]): [string, string | undefined] => [n, topField(e)]);
    if (fields.some(([n, f]) => !f || !TOP.test(n))) return undefined;
    pushes.push([name, fields as Array<[string, string]>]);
  }
  return engine.snapshot(() => {
    const groups = new Map<string, Doc>();
    for (const doc of engine.find(coll, match.$match as Doc, { projection: project.$project as Doc })) {
      const parts = keys.map(([, path]) => doc[path!]);
      if (!parts.every(plainKey)) return undefined;
      const text = JSON.stringify(parts);
      let group = groups.get(text);
      if (!group) {
        group = { _id: compound ? Object.fromEntries(keys.map(([name], j) => [name, parts[j]])) : parts[0] };
        for (const [name] of pushes) group[name] = [];
        groups.set(text, group);
      }
      for (const [name, fields] of pushes) {
        const row: Doc = {};
        for (const [n, f] of fields) if (doc[f] !== undefined) row[n] = doc[f];
        (group[name] as Doc[]).push(row);
      }
    }
    return runPipeline([...groups.values()], pipeline.slice(3), (name) => engine.find(name));
  });
}

/** `'$a.b'` → `'a.b'`; undefined for anything else (a variable, an expression, a literal). */
function fieldPath(expr: unknown): string | undefined {
  return typeof expr === 'string' && /^\$[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(expr) ? expr.slice(1) : undefined;
}

const isCountOne = (acc: unknown): boolean => acc !== null && typeof acc === 'object' && Object.keys(acc).length === 1 && (acc as Doc).$sum === 1;

function isPlainLookup(lookup: Doc | undefined): lookup is Doc {
  return (
    !!lookup &&
    typeof lookup.from === 'string' &&
    typeof lookup.localField === 'string' &&
    typeof lookup.foreignField === 'string' &&
    lookup.pipeline === undefined &&
    lookup.let === undefined
  );
}

/**
 * Values of localField as mingo's `$lookup` compares them: array elements, and null for missing.
 * Undefined when some value is not a scalar: then the whole foreign collection is fetched.
 */
function localKeys(docs: Doc[], path: string): unknown[] | undefined {
  const keys = new Map<string, unknown>();
  for (const doc of docs) {
    const value = resolvePath(doc, path.split('.'));
    for (const v of Array.isArray(value) ? value : [value ?? null]) {
      if (isObjectId(v)) {
        keys.set(`oid:${v.$oid}`, v);
        continue;
      }
      if (v !== null && typeof v === 'object' && !(v instanceof Date)) return undefined;
      keys.set(v instanceof Date ? `d${v.getTime()}` : `${typeof v}:${String(v)}`, v);
    }
  }
  return [...keys.values()];
}

/** MongoDB path resolution: a path through an array of objects yields each element's value. */
function resolvePath(value: unknown, path: string[]): unknown {
  let cur = value;
  for (let i = 0; i < path.length; i++) {
    if (Array.isArray(cur)) return cur.map((item) => resolvePath(item, path.slice(i))).filter((v) => v !== undefined);
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Doc)[path[i]];
  }
  return cur;
}
