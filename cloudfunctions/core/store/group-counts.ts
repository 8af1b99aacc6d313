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
