import { Household } from '../../../types/household';
import type { Ctx } from '../handler';
import { openGapsByHousehold } from '../benefits/gaps.service';
import { getDb } from '../store';
import { toSummaries } from './household.view';

/**
 * 有应享未享: gaps are computed from the rules and this year's records, never stored, so the filter
 * sweeps the matching households (1,000 at a time, in code order) and pages over those with a gap.
 * Cost grows with the region; the other filters narrow it first.
 */
export async function listWithGaps(ctx: Ctx, where: Record<string, unknown>, paging: { limit: number; offset: number }) {
  const withGaps: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await getDb().collection('households').where(where).field({ _id: true }).orderBy('code', 'asc').skip(offset).limit(1000).get();
    const ids = data.map((d) => d._id as string);
    const gaps = await openGapsByHousehold(ids, ctx.now);
    withGaps.push(...ids.filter((id) => (gaps.get(id) ?? 0) > 0));
    if (data.length < 1000) break;
  }
  const page = withGaps.slice(paging.offset, paging.offset + paging.limit);
  if (!page.length) return { items: [], total: withGaps.length };
  const _ = getDb().command;
  const { data } = await getDb().collection('households').where({ _id: _.in(page) }).orderBy('code', 'asc').limit(page.length).get();
  return { items: await toSummaries(data.map((d) => Household.parse(d))), total: withGaps.length };
}
