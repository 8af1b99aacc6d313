import type { Ctx } from '../handler';
import { openGapsByHousehold } from '../benefits/gaps.service';
import { householdIdPages, householdsByIds } from './household.repository';
import { toSummaries } from './household.view';

/**
 * 有应享未享: gaps are computed from the rules and this year's records, never stored, so the filter
 * sweeps the matching households (1,000 at a time, in code order) and pages over those with a gap.
 * Cost grows with the region; the other filters narrow it first.
 */
export async function listWithGaps(ctx: Ctx, where: Record<string, unknown>, paging: { limit: number; offset: number }) {
  const withGaps: string[] = [];
  for await (const ids of householdIdPages(where)) {
    const gaps = await openGapsByHousehold(ids, ctx.now);
    withGaps.push(...ids.filter((id) => (gaps.get(id) ?? 0) > 0));
  }
  const page = withGaps.slice(paging.offset, paging.offset + paging.limit);
  if (!page.length) return { items: [], total: withGaps.length };
  // A page is at most 100 households: one chunk, so one query in code order.
  return { items: await toSummaries(await householdsByIds(page, { orderBy: [['code', 'asc']] })), total: withGaps.length };
}
