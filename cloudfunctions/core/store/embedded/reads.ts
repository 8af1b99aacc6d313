/**
 * Reads: the planner's SQL narrows the rows, mingo decides. When the plan is exact SQLite also
 * counts and pages; when SQLite can sort (see planner.sqlOrder) rows stream in final order and
 * the scan stops at the limit; otherwise every match is sorted by mingo. A `$nearSphere` filter
 * answers its matches nearest first unless the read names its own order (MongoDB: a sort()
 * re-orders them).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Kind, decodeDoc, storedToWire, toWire, type Doc } from './codec';
import { byDistance, nearOf } from './geo';
import { compileFilter } from './mongo';
import { finish, project, topLevelFields, type Window } from './projection';
import { plan, type Plan } from './planner';
import { keyExpr, type CollectionInfo, type Schema } from './schema';

/** What reads and writes need from the engine (which owns the connection and transactions). */
export interface Ctx {
  schema: Schema;
  stmt(sql: string, pluck?: boolean): BetterSqlite3.Statement;
  /** Set on writes outside transactions while some transaction holds locks: throws LockedError for a locked document. */
  guard?: (coll: string, id: unknown) => void;
}

export const where = (p: Plan): string => (p.where ? ` WHERE ${p.where}` : '');
export const select = (info: CollectionInfo, cols: string, p: Plan): string => `SELECT ${cols} FROM ${info.table}${where(p)}`;

/**
 * What a read answers: documents (the engine's callers), or their wire texts (request.ts, for the
 * SDK). A whole stored document that holds no Date or ObjectId is already its wire text, so a read
 * of whole documents hands the SDK the stored text instead of parsing it and printing it again.
 */
interface As<T> {
  /** One whole stored document, given its text (and the document when already decoded). */
  whole(text: string, doc?: Doc): T;
  docs(docs: Doc[]): T[];
}
const AS_DOCS: As<Doc> = { whole: (text, doc) => doc ?? decodeDoc(text), docs: (docs) => docs };
const AS_WIRE: As<string> = { whole: storedToWire, docs: (docs) => docs.map(toWire) };

export function findDocs(ctx: Ctx, coll: string, filter: Doc | undefined, window: Window): Doc[] {
  return read(ctx, coll, filter, window, AS_DOCS);
}

/** findDocs answered as the EJSON texts CloudBase sends (request.ts getDocument). */
export function findWire(ctx: Ctx, coll: string, filter: Doc | undefined, window: Window): string[] {
  return read(ctx, coll, filter, window, AS_WIRE);
}

function read<T>(ctx: Ctx, coll: string, filter: Doc | undefined, window: Window, as: As<T>): T[] {
  const info = ctx.schema.get(coll);
  const p = plan(filter, info, window.sort);
  const sorted = !!window.sort && Object.keys(window.sort).length > 0;
  const near = nearOf(filter);
  if (near && !sorted)
    return as.docs(
      finish(
        byDistance(matching(ctx, info, filter, p), near, (d) => d),
        window,
      ),
    );
  if (sorted && !p.orderBy) return as.docs(finish(matching(ctx, info, filter, p), window));
  const skip = window.skip ?? 0;
  const limit = window.limit ?? Infinity;
  const order = p.orderBy ? ` ORDER BY ${p.orderBy}` : '';
  const page = pageSql(limit);
  const fields = p.exact ? topLevelFields(window.projection) : null;
  if (fields && fields.every((f) => /^[A-Za-z0-9_]+$/.test(f))) {
    // SQLite reads the few fields out of each stored document: a county-wide read of large
    // documents (households with their members) no longer decodes every byte in JavaScript.
    // `_id` is the `id` column (its JSON text): a read of ids alone never parses a document.
    const cols = fields.map((f) => (f === '_id' ? 'id' : `doc -> '$.${f}'`)).join(', ');
    const rows = ctx
      .stmt(`${select(info, cols, p)}${order}${page}`)
      .raw(true)
      .all(...p.params, skip) as (string | null)[][];
    return as.docs(
      rows.map((row) => {
        const doc: Doc = {};
        row.forEach((text, i) => {
          if (text !== null) doc[fields[i]] = decodeDoc(text);
        });
        return doc;
      }),
    );
  }
  const projected = !!window.projection && Object.keys(window.projection).length > 0;
  if (p.exact) {
    const texts = ctx.stmt(`${select(info, 'doc', p)}${order}${page}`, true).all(...p.params, skip) as string[];
    return projected ? as.docs(project(texts.map(decodeDoc), window.projection)) : texts.map((text) => as.whole(text));
  }
  const test = compileFilter(filter);
  const docs: Doc[] = [];
  const out: T[] = [];
  if (limit <= 0) return out;
  let skipped = 0;
  for (const text of ctx.stmt(`${select(info, 'doc', p)}${order}`, true).iterate(...p.params) as Iterable<string>) {
    const doc = decodeDoc(text);
    if (!test(doc)) continue;
    if (skipped < skip) skipped++;
    else if ((projected ? docs.push(doc) : out.push(as.whole(text, doc))) >= limit) break;
  }
  return projected ? as.docs(project(docs, window.projection)) : out;
}

/**
 * The page of an exact read. The limit is spelled in the SQL, not bound: SQLite (3.53, as
 * better-sqlite3 builds it) lets the planner read a bound LIMIT, and so marks the statement to be
 * prepared again each time that parameter is bound, which made every one-document read compile
 * its SQL anew (~40 µs, 5× the query itself). Limits are few (1, 20, 100, 1000…), so each keeps
 * its prepared statement; the offset stays bound.
 */
function pageSql(limit: number): string {
  return ` LIMIT ${limit === Infinity ? -1 : Math.max(0, Math.trunc(limit))} OFFSET ?`;
}

export function countDocs(ctx: Ctx, coll: string, filter: Doc | undefined): number {
  const info = ctx.schema.get(coll);
  const p = plan(filter, info);
  if (p.exact) return ctx.stmt(select(info, 'COUNT(*)', p), true).get(...p.params) as number;
  return matching(ctx, info, filter, p).length;
}

/** Documents that may match (a superset): for joins, where mingo does the exact matching. */
export function candidateDocs(ctx: Ctx, coll: string, filter: Doc | undefined): Doc[] {
  const info = ctx.schema.get(coll);
  const p = plan(filter, info);
  return (ctx.stmt(select(info, 'doc', p), true).all(...p.params) as string[]).map(decodeDoc);
}

/** The SQL a find() runs, for EXPLAIN QUERY PLAN. */
export function findSql(ctx: Ctx, coll: string, filter?: Doc, sort?: Record<string, number>): { sql: string; params: unknown[] } {
  const info = ctx.schema.get(coll);
  const p = plan(filter, info, sort);
  return { sql: `${select(info, 'doc', p)}${p.orderBy ? ` ORDER BY ${p.orderBy}` : ''}`, params: p.params };
}

function matching(ctx: Ctx, info: CollectionInfo, filter: Doc | undefined, p: Plan): Doc[] {
  const docs = (ctx.stmt(select(info, 'doc', p), true).all(...p.params) as string[]).map(decodeDoc);
  return p.exact ? docs : docs.filter(compileFilter(filter));
}

/** A `$group` key field and, when the pipeline `$unwind`s that same field first, `unwind`. */
export interface GroupKey {
  /** Output name inside `_id` (`''` when `_id` is the field itself). */
  name: string;
  path: string;
  unwind: boolean;
}

/**
 * `[$match?, $unwind?, $group: {_id: keys, n: {$sum: 1}}]` answered by SQLite: groups and their
 * sizes, with each key as MongoDB reports it. Undefined when SQLite cannot answer exactly (a
 * filter the planner cannot express, or a key that holds objects or dates), and the caller lets
 * mingo run the pipeline. Keys that are indexed fields holding only strings or numbers (or,
 * unwound, only arrays) are read from the index itself, so counting a county's pairings per helper, or its
 * visited households per village or per helper, parses no document.
 */
export function countGroups(ctx: Ctx, coll: string, filter: Doc | undefined, keys: GroupKey[]): Array<{ key: unknown[]; n: number }> | undefined {
  const info = ctx.schema.get(coll);
  const p = plan(filter, info);
  if (!p.exact || keys.filter((k) => k.unwind).length > 1) return undefined;
  const only = (k: GroupKey, kinds: number) => ((info.masks.get(k.path) ?? Kind.OBJECT) & ~(Kind.NULL | kinds)) === 0;
  // From the index: a key holding only strings or only numbers, or an unwound top-level array
  // (its JSON text, parsed here).
  const fromIndex = (k: GroupKey) => (k.unwind ? !k.path.includes('.') && only(k, Kind.ARRAY) : only(k, Kind.STRING) || only(k, Kind.NUMBER));
  if (keys.some((k) => !fromIndex(k) && !/^[A-Za-z0-9_]+$/.test(k.path))) return undefined;
  // Per key, one column (an index expression: a constant type column in GROUP BY would make
  // SQLite read every row) or two (json_type and value), decoded by `keyValues`.
  const cols = keys.map((k) => {
    if (fromIndex(k)) return [keyExpr(k.path)];
    // `$unwind` drops a null field, and keeps any other non-array value whole (json_each would walk an object).
    if (k.unwind)
      return [`CASE json_type(m.doc,'$.${k.path}') WHEN 'array' THEN j.type WHEN 'null' THEN 'skip' WHEN 'object' THEN 'object' ELSE j.type END`, 'j.value'];
    return [`json_type(m.doc,'$.${k.path}')`, `json_extract(m.doc,'$.${k.path}')`];
  });
  const unwound = keys.find((k) => k.unwind && !fromIndex(k));
  const flat = cols.flat();
  const names = flat.map((_, i) => `k${i}`);
  // Keys read from indexes alone: a subquery SQLite may not flatten (LIMIT -1), as grouping the
  // flattened query through a sorter reads every row instead of the covering index. Otherwise
  // the documents in a subquery, so the plan's `id` cannot clash with json_each's own `id`.
  const from = keys.every(fromIndex)
    ? `(SELECT ${flat.map((c, i) => `${c} AS ${names[i]}`).join(', ')} FROM ${info.table}${where(p)} LIMIT -1)`
    : `(SELECT ${flat.map((c, i) => `${c} AS ${names[i]}`).join(', ')} FROM (${select(info, 'doc', p)}) AS m${unwound ? `, json_each(m.doc,'$.${unwound.path}') AS j` : ''})`;
  const sql = `SELECT ${names.join(', ')}, COUNT(*) FROM ${from} GROUP BY ${names.join(', ')}`;
  const rows = ctx
    .stmt(sql)
    .raw(true)
    .all(...p.params) as unknown[][];
  const groups = new Map<string, { key: unknown[]; n: number }>();
  for (const row of rows) {
    let vectors: unknown[][] = [[]];
    let c = 0;
    for (let i = 0; i < keys.length; i++) {
      const values = cols[i].length === 2 ? keyValues(row[c++], row[c++]) : fromIndex(keys[i]) && keys[i].unwind ? elements(row[c++]) : [row[c++]];
      if (!values) return undefined;
      vectors = vectors.flatMap((v) => values.map((x) => [...v, x]));
    }
    for (const key of vectors) {
      const id = JSON.stringify(key);
      const group = groups.get(id) ?? { key, n: 0 };
      group.n += row[row.length - 1] as number;
      groups.set(id, group);
    }
  }
  return [...groups.values()];
}

/** A group key from SQLite's json_type and value: none (`skip`), or undefined for what cannot be grouped like MongoDB. */
function keyValues(type: unknown, value: unknown): unknown[] | undefined {
  switch (type) {
    case 'skip':
      return [];
    case 'text':
      return [String(value)];
    case 'integer':
    case 'real':
      return [Number(value)];
    case 'true':
      return [true];
    case 'false':
      return [false];
    case 'null':
    case null:
      return [null];
    default:
      return undefined;
  }
}

/** The elements of an indexed array (its JSON text; NULL when null or missing, which `$unwind` drops), if all are scalars. */
function elements(text: unknown): unknown[] | undefined {
  if (text === null) return [];
  const items = JSON.parse(text as string) as unknown[];
  return items.every((x) => x === null || typeof x !== 'object') ? items : undefined;
}
