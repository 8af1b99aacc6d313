/**
 * MongoDB semantics, from mingo: query matching, update operators and aggregation (sort, skip,
 * limit and projection are in projection.ts). mingo runs with the operators of operators.ts;
 * errors become DbErrors the SDK caller can read.
 */
import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import { update } from 'mingo/updater';
import type { AnyObject, CollectionResolver, Options } from 'mingo/types';
import { isObjectId, type Doc } from './codec';
import { DbError, ErrorCode, unsupported } from './errors';
import { assertNoNear, nearOf } from './geo';
import { jsonSchemaValidator } from './jsonschema';
import { OPERATORS } from './operators';

/** Every mingo call runs with the operators that answer as MongoDB does (operators.ts). */
export const OPTIONS: Partial<Options> = { context: OPERATORS, jsonSchemaValidator };

export type Test = (doc: Doc) => boolean;

/**
 * `$text` needs a text index, which CloudBase cannot create either; `$meta` reads its score.
 * (Geo operators are geo.ts's, in the operator context.)
 */
const UNSUPPORTED_QUERY = new Set(['$text', '$meta']);
const UNSUPPORTED_STAGES = new Set(['$out', '$merge', '$search', '$listSessions']);
const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$bit',
  '$currentDate',
]);

/** Say so instead of mingo's "unknown query operator". */
function assertSupported(value: unknown): void {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return;
  if (Array.isArray(value)) return value.forEach(assertSupported);
  for (const [key, inner] of Object.entries(value as Doc)) {
    if (UNSUPPORTED_QUERY.has(key)) throw unsupported(`operator ${key}`);
    assertSupported(inner);
  }
}

export function invalid(err: unknown): DbError {
  if (err instanceof DbError) return err;
  return new DbError(ErrorCode.INVALID_PARAM, (err as Error).message ?? String(err));
}

const isOperatorObject = (v: unknown): v is Doc =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  !(v instanceof Date) &&
  !(v instanceof RegExp) &&
  Object.keys(v).length > 0 &&
  Object.keys(v).every((k) => k.startsWith('$'));

/**
 * ObjectIds are documents' `{ $oid }` objects (codec.ts); as a field's condition mingo would
 * read `{ $oid }` as an operator, so it becomes `{ $eq: { $oid } }`, in logical operators,
 * `$not` and `$elemMatch` too. Operands (`$in: [...]`, `$eq: {...}`) are values already.
 */
export function withObjectIds(query: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value))
      out[key] = value.map((q) => (isOperatorObject(q) || !q || typeof q !== 'object' ? q : withObjectIds(q as Doc)));
    else if (key.startsWith('$')) out[key] = value;
    else if (isObjectId(value)) out[key] = { $eq: value };
    else if (isOperatorObject(value)) out[key] = conditionWithObjectIds(value);
    else out[key] = value;
  }
  return out;
}

function conditionWithObjectIds(cond: Doc): Doc {
  const out: Doc = { ...cond };
  if (isOperatorObject(cond.$not)) out.$not = conditionWithObjectIds(cond.$not);
  const match = cond.$elemMatch;
  if (match && typeof match === 'object' && !Array.isArray(match))
    out.$elemMatch = isOperatorObject(match) ? conditionWithObjectIds(match) : withObjectIds(match as Doc);
  return out;
}

/** The same inside a pipeline's `$match` stages, also in `$lookup` and `$facet` sub-pipelines. */
function pipelineWithObjectIds(pipeline: Doc[]): Doc[] {
  return pipeline.map((stage) => {
    if (stage.$match) return { $match: withObjectIds(stage.$match as Doc) };
    const lookup = stage.$lookup as Doc | undefined;
    if (lookup && Array.isArray(lookup.pipeline)) return { $lookup: { ...lookup, pipeline: pipelineWithObjectIds(lookup.pipeline as Doc[]) } };
    const facet = stage.$facet as Record<string, Doc[]> | undefined;
    if (facet) return { $facet: Object.fromEntries(Object.entries(facet).map(([k, p]) => [k, pipelineWithObjectIds(p)])) };
    return stage;
  });
}

/** A string, finite number or boolean: the values a plain equality compares with `===` as MongoDB does. */
const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * The commonest filter, top-level fields each equal to a string, number or boolean
 * (`{ openid, active: true }`), tested without mingo: a mingo Query copies its whole operator
 * context on construction, which cost a one-document read more than its SQL. MongoDB's meaning:
 * the field holds the value, or is an array holding it as an element (one level only; a number
 * never equals a string or a boolean). A dotted path, an operator, an unusual field name or any
 * other value goes to mingo.
 */
function scalarEquality(filter: Doc): Test | undefined {
  const entries = Object.entries(filter);
  if (!entries.every(([k, v]) => /^[A-Za-z0-9_-]+$/.test(k) && isScalar(v))) return undefined;
  return (doc) =>
    entries.every(([k, v]) => {
      const value = doc[k];
      return value === v || (Array.isArray(value) && value.includes(v));
    });
}

export function compileFilter(filter: Doc | undefined): Test {
  if (!filter || !Object.keys(filter).length) return () => true;
  const plain = scalarEquality(filter);
  if (plain) return plain;
  assertSupported(filter);
  nearOf(filter); // where MongoDB allows `$nearSphere` (top level, once), for counts and writes too
  try {
    const query = new Query(withObjectIds(filter), OPTIONS);
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

/**
 * Stages the engine cannot run, and what MongoDB refuses: `$geoNear` anywhere but first ("is
 * only valid as the first stage in a pipeline"; aggregate.ts runs it), `$near`/`$nearSphere`
 * in any stage ("not allowed in this context"; `$geoNear` sorts by distance instead).
 */
export function checkStages(pipeline: Doc[], nested = false): void {
  pipeline.forEach((stage, i) => {
    const name = Object.keys(stage)[0];
    if (UNSUPPORTED_STAGES.has(name)) throw unsupported(`aggregation stage ${name}`);
    if (name === '$geoNear') {
      if (nested) throw unsupported('$geoNear inside $lookup or $facet');
      if (i > 0) throw new DbError(ErrorCode.INVALID_PARAM, '$geoNear is only valid as the first stage in a pipeline');
    }
    assertSupported(stage[name]);
    assertNoNear(stage[name]);
    const lookup = stage.$lookup as Doc | undefined;
    if (lookup && Array.isArray(lookup.pipeline)) checkStages(lookup.pipeline as Doc[], true);
    const facet = stage.$facet as Record<string, Doc[]> | undefined;
    if (name === '$facet' && facet) Object.values(facet).forEach((p) => Array.isArray(p) && checkStages(p, true));
  });
}

export function runPipeline(docs: Doc[], pipeline: Doc[], resolve: CollectionResolver): Doc[] {
  if (!pipeline.length) return docs;
  try {
    return new Aggregator(pipelineWithObjectIds(pipeline) as AnyObject[], { ...OPTIONS, collectionResolver: resolve }).run(docs) as Doc[];
  } catch (err) {
    throw invalid(err);
  }
}
