import { getDb } from '../store';
import { householdPage } from './household.repository';
import { toSummaries } from './household.view';

/**
 * 有应享未享: the households whose kept count of open gaps (`gapCount`, written with the gaps by
 * benefits/kept-gaps.service.ts) is above 0, in code order: one page and one count, however large
 * the region.
 */
export async function listWithGaps(where: Record<string, unknown>, paging: { limit: number; offset: number }) {
  const _ = getDb().command;
  const { items, total } = await householdPage(_.and([where, { gapCount: _.gt(0) }]) as unknown as Record<string, unknown>, paging);
  return { items: await toSummaries(items), total };
}
