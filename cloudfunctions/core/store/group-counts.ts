import { z } from '../../../types/z';
import { getDb, type Database } from './index';

type Collection = ReturnType<Database['collection']>;

/** CloudBase answers at most this many groups per aggregate. */
export const GROUPS_PER_ANSWER = 10_000;

const GroupSize = z.object({ _id: z.string(), n: z.number() });

/**
 * How many documents matching `match` fall in each value of `key` (with `unwind`, each element of
 * the array `key`), counted on the server: one aggregate per 10,000 groups (a county has ~400
 * villages and ~3,000 helpers, so one). The embedded store answers these from its indexes
 * without reading documents (see store/embedded/aggregate.ts).
 */
export async function countGroups(
  collection: Collection,
  match: Record<string, unknown>,
  key: string,
  options: { unwind?: boolean } = {},
): Promise<Map<string, number>> {
  const $ = getDb().command.aggregate;
  const out = new Map<string, number>();
  for (let offset = 0; ; offset += GROUPS_PER_ANSWER) {
    let agg = collection.aggregate().match(match);
    if (options.unwind) agg = agg.unwind(`$${key}`);
    const { data } = await agg
      .group({ _id: `$${key}`, n: $.sum(1) })
      .sort({ _id: 1 })
      .skip(offset)
      .limit(GROUPS_PER_ANSWER)
      .end();
    for (const row of data as unknown[]) {
      const { _id, n } = GroupSize.parse(row);
      out.set(_id, n);
    }
    if (data.length < GROUPS_PER_ANSWER) return out;
  }
}

// Each row is checked by the caller's `parse`, once.
const Gathered = z.object({ _id: z.record(z.string(), z.unknown()), rows: z.array(z.unknown()) });

/**
 * Every document matching `match`, with only `fields` (top-level; `_id` when named), gathered on
 * the server into one answer row per value of the `by` fields (`$group` with `$push`), then
 * handed out again one row per document carrying its `by` fields too: the rows `projectAll`
 * answers, in a round trip per 10,000 groups instead of per 10,000 documents. For a county's
 * many small rows with a natural grouping of a few hundred (its households by village, its
 * pairings by helper): one request whatever the county's size, and an answer without a key per
 * row to decode. Keep each group small (a village, not the county): a group is one document.
 */
export async function gatherAll<T>(
  collection: Collection,
  match: Record<string, unknown>,
  by: string[],
  fields: string[],
  parse: (doc: Record<string, unknown>) => T,
): Promise<T[]> {
  const $ = getDb().command.aggregate;
  const projection = Object.fromEntries([...by, ...fields].map((f) => [f, true] as const));
  const group = { _id: Object.fromEntries(by.map((f) => [f, `$${f}`])), rows: $.push(Object.fromEntries(fields.map((f) => [f, `$${f}`]))) };
  const out: T[] = [];
  for (let offset = 0; ; offset += GROUPS_PER_ANSWER) {
    const { data } = await collection.aggregate().match(match).project(projection).group(group).sort({ _id: 1 }).skip(offset).limit(GROUPS_PER_ANSWER).end();
    for (const raw of data as unknown[]) {
      const { _id, rows } = Gathered.parse(raw);
      for (const row of rows) out.push(parse({ ..._id, ...(row as Record<string, unknown>) }));
    }
    if (data.length < GROUPS_PER_ANSWER) return out;
  }
}
