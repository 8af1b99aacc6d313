/**
 * Paging and chunking, written once (DESIGN §3): a query in a function answers at most 1,000
 * documents (100 when no limit is given), and an `_.in` list is kept to at most 1,000 values.
 * Repositories hand a built query here instead of writing their own `offset += 1000` loop.
 * Types only from the SDK: this file must not import better-sqlite3 or mingo.
 */
import type { CloudBase } from '@cloudbase/node-sdk';

/** The node-sdk database, as store/index.ts names it (not imported from there: index re-exports this file). */
type Database = ReturnType<CloudBase['database']>;

/** The most documents one query answers in a cloud function. */
export const MAX_PAGE = 1000;
/** The most values one `_.in` list carries (DESIGN §5: batch with `_.in`, ≤ 1,000 ids). */
export const MAX_IN = 1000;

/** A built query (`collection(..).where(..)`, with `.field()` / `.orderBy()` as the caller needs). */
export type Query = ReturnType<ReturnType<Database['collection']>['where']>;
export type Doc = Record<string, unknown>;

export interface PageOptions {
  /** Documents per round trip, at most MAX_PAGE (a sweep that works per page may want fewer). */
  pageSize?: number;
  /**
   * Sort applied before paging. Without one the store's natural order is used, which is what the
   * big sweeps want: ordering a county's households by `_id` made the embedded store decode every
   * household for each page (see assignments/load.service.ts, maintenance/derived.ts). Give one
   * (e.g. `[['_id', 'asc']]`) when the pages must not shift while they are read.
   */
  orderBy?: ReadonlyArray<readonly [string, 'asc' | 'desc']>;
  /** Documents to pass over first: a long sweep resumed in a later call starts where it stopped. */
  start?: number;
}

function pageSizeOf(options: PageOptions): number {
  const size = options.pageSize ?? MAX_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw new Error(`readPages: pageSize must be 1–${MAX_PAGE}`);
  return size;
}

/**
 * Every document the query matches, one page at a time, each parsed (with its zod schema, or a
 * `.pick()` of it for a projection). Stops at the first short page: as many round trips as the
 * hand-written loops it replaces.
 */
export async function* readPages<T>(query: Query, parse: (doc: Doc) => T, options: PageOptions = {}): AsyncGenerator<T[]> {
  const size = pageSizeOf(options);
  let ordered = query;
  for (const [field, direction] of options.orderBy ?? []) ordered = ordered.orderBy(field, direction);
  for (let offset = options.start ?? 0; ; offset += size) {
    const { data } = await ordered.skip(offset).limit(size).get();
    if (data.length) yield (data as Doc[]).map((d) => parse(d));
    if (data.length < size) return;
  }
}

/** Every document the query matches, paged past the 1,000-per-query cap, each parsed. */
export async function readAll<T>(query: Query, parse: (doc: Doc) => T, options: PageOptions = {}): Promise<T[]> {
  const out: T[] = [];
  for await (const page of readPages(query, parse, options)) out.push(...page);
  return out;
}

/**
 * Runs `fn` over the distinct `ids` in chunks of `size` (for `_.in(chunk)` queries) one after the
 * other, and concatenates the answers. No ids, no round trip.
 */
export async function inChunks<T>(ids: Iterable<string>, size: number, fn: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  if (!Number.isInteger(size) || size < 1 || size > MAX_IN) throw new Error(`inChunks: size must be 1–${MAX_IN}`);
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += size) out.push(...(await fn(unique.slice(i, i + size))));
  return out;
}

/** The most documents one aggregate answers (CloudBase: 10,000 when the pipeline has a `$limit`). */
export const MAX_AGGREGATE = 10_000;

/**
 * Every document matching `match`, with only `fields` (top-level, e.g. `{ headName: true }`; `_id`
 * always), 10,000 per round trip where a find() answers 1,000: `$match → $project → $skip →
 * $limit` on the server, in natural order as `readPages` pages. For reads of many small rows (ids
 * and a name or two: a county's 3,000 helpers, its 30,000 households' villages), where paging by
 * 1,000 cost a round trip per thousand. Whole documents stay on `readAll`: 10,000 of them make an
 * answer too large. `pageSize` (≤ 10,000) keeps an answer of somewhat larger rows smaller.
 */
export async function* projectPages<T>(
  collection: ReturnType<Database['collection']>,
  match: Doc,
  fields: Record<string, true>,
  parse: (doc: Doc) => T,
  pageSize = MAX_AGGREGATE,
): AsyncGenerator<T[]> {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_AGGREGATE) throw new Error(`projectPages: pageSize must be 1–${MAX_AGGREGATE}`);
  for (let offset = 0; ; offset += pageSize) {
    const { data } = await collection.aggregate().match(match).project(fields).skip(offset).limit(pageSize).end();
    if (data.length) yield (data as Doc[]).map(parse);
    if (data.length < pageSize) return;
  }
}

/** Every row of `projectPages` at once. */
export async function projectAll<T>(
  collection: ReturnType<Database['collection']>,
  match: Doc,
  fields: Record<string, true>,
  parse: (doc: Doc) => T,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of projectPages(collection, match, fields, parse)) out.push(...page);
  return out;
}

/** One part of a list that runs across several queries: its condition and its order. */
export interface Segment {
  where: unknown;
  orderBy: ReadonlyArray<readonly [string, 'asc' | 'desc']>;
}

/**
 * One page of a list made of consecutive segments (open items by deadline, then closed ones newest
 * first): `offset`/`limit` run across them in order. Counts every segment, then reads only the
 * segments the page touches.
 */
export async function pageAcross<T>(
  collection: ReturnType<Database['collection']>,
  segments: Segment[],
  offset: number,
  limit: number,
  parse: (doc: Doc) => T,
): Promise<{ items: T[]; total: number }> {
  const totals = await Promise.all(segments.map((s) => collection.where(s.where as Doc).count()));
  const total = totals.reduce((sum, t) => sum + (t.total ?? 0), 0);
  const items: T[] = [];
  let skip = offset;
  for (let i = 0; i < segments.length && items.length < limit; i++) {
    const size = totals[i].total ?? 0;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    let query = collection.where(segments[i].where as Doc);
    for (const [field, dir] of segments[i].orderBy) query = query.orderBy(field, dir);
    const { data } = await query
      .skip(skip)
      .limit(limit - items.length)
      .get();
    items.push(...(data as Doc[]).map(parse));
    skip = 0;
  }
  return { items, total };
}
