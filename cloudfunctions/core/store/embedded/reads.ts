/**
 * Reads: the planner's SQL narrows the rows, mingo decides. When the plan is exact SQLite also
 * counts and pages; when SQLite can sort (see planner.sqlOrder) rows stream in final order and
 * the scan stops at the limit; otherwise every match is sorted by mingo.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { decodeDoc, type Doc } from './codec';
import { compileFilter, finish, project, topLevelFields, type Window } from './mongo';
import { plan, type Plan } from './planner';
import type { CollectionInfo, Schema } from './schema';

/** What reads and writes need from the engine (which owns the connection and transactions). */
export interface Ctx {
  schema: Schema;
  stmt(sql: string, pluck?: boolean): BetterSqlite3.Statement;
}

export const where = (p: Plan): string => (p.where ? ` WHERE ${p.where}` : '');
export const select = (info: CollectionInfo, cols: string, p: Plan): string => `SELECT ${cols} FROM ${info.table}${where(p)}`;

export function findDocs(ctx: Ctx, coll: string, filter: Doc | undefined, window: Window): Doc[] {
  const info = ctx.schema.get(coll);
  const p = plan(filter, info, window.sort);
  const sortInJs = !!window.sort && Object.keys(window.sort).length > 0 && !p.orderBy;
  if (sortInJs) return finish(matching(ctx, info, filter, p), window);
  const skip = window.skip ?? 0;
  const limit = window.limit ?? Infinity;
  const order = p.orderBy ? ` ORDER BY ${p.orderBy}` : '';
  const fields = p.exact ? topLevelFields(window.projection) : null;
  if (fields && fields.every((f) => /^[A-Za-z0-9_]+$/.test(f))) {
    // SQLite reads the few fields out of each stored document: a county-wide read of large
    // documents (households with their members) no longer decodes every byte in JavaScript.
    // `_id` is the `id` column (its JSON text): a read of ids alone never parses a document.
    const cols = fields.map((f) => (f === '_id' ? 'id' : `doc -> '$.${f}'`)).join(', ');
    const rows = ctx
      .stmt(`${select(info, cols, p)}${order} LIMIT ? OFFSET ?`)
      .raw(true)
      .all(...p.params, limit === Infinity ? -1 : limit, skip) as (string | null)[][];
    return rows.map((row) => {
      const doc: Doc = {};
      row.forEach((text, i) => {
        if (text !== null) doc[fields[i]] = decodeDoc(text);
      });
      return doc;
    });
  }
  if (p.exact) {
    const texts = ctx
      .stmt(`${select(info, 'doc', p)}${order} LIMIT ? OFFSET ?`, true)
      .all(...p.params, limit === Infinity ? -1 : limit, skip) as string[];
    return project(texts.map(decodeDoc), window.projection);
  }
  const test = compileFilter(filter);
  const out: Doc[] = [];
  if (limit <= 0) return out;
  let skipped = 0;
  for (const text of ctx.stmt(`${select(info, 'doc', p)}${order}`, true).iterate(...p.params) as Iterable<string>) {
    const doc = decodeDoc(text);
    if (!test(doc)) continue;
    if (skipped < skip) skipped++;
    else if (out.push(doc) >= limit) break;
  }
  return project(out, window.projection);
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
