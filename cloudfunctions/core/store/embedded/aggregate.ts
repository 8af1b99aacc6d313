/**
 * Aggregation: mingo runs the pipeline; the engine feeds it. A leading `$match` goes through the
 * planner (indexes) instead of scanning the collection, and a plain `$lookup`
 * (from/localField/foreignField) fetches only the foreign documents whose key occurs locally,
 * through the foreign collection's index, instead of loading the whole foreign collection. mingo's
 * own `$lookup` then does the join, so join semantics stay exactly MongoDB's.
 */
import type { Doc } from './codec';
import type { EmbeddedEngine } from './engine';
import { checkStages, runPipeline } from './mongo';

/**
 * CloudBase answers at most 20 documents when the pipeline has no `$limit`, and at most 10,000
 * with one (community-measured: developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13).
 * Mirrored so a report that forgets `.limit()` fails locally as it would in the cloud.
 */
export const AGGREGATE_DEFAULT_LIMIT = 20;
export const AGGREGATE_MAX_LIMIT = 10_000;

export function aggregate(engine: EmbeddedEngine, coll: string, pipeline: Doc[]): Doc[] {
  checkStages(pipeline);
  return engine.snapshot(() => {
    const resolve = (name: string): Doc[] => engine.find(name);
    const [first] = pipeline;
    const leadingMatch = first && Object.keys(first)[0] === '$match' ? (first.$match as Doc) : undefined;
    let docs = engine.find(coll, leadingMatch);
    let pending: Doc[] = [];
    for (const stage of leadingMatch ? pipeline.slice(1) : pipeline) {
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
    const limited = pipeline.some((stage) => '$limit' in stage);
    return docs.slice(0, limited ? AGGREGATE_MAX_LIMIT : AGGREGATE_DEFAULT_LIMIT);
  });
}

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
