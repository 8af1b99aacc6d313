import type { Dashboard } from '../../../types/api/reports';
import { HouseholdStatus, PovertyCause } from '../../../types/household';
import type { AdminCtx } from '../handler';
import { adminScope, regionFilter } from '../access/scope';
import { getRegion } from '../regions/region.repository';
import { countUsers } from '../users/user.repository';
import { householdIdsWhere, householdsByStatusAndSize, householdsPerCause } from '../households/household.repository';
import { helpersPairedWith } from '../assignments/pairing.repository';
import type { Scope } from '../../../types/region';
import { countOpenNeeds } from '../needs/need.repository';
import { coverageWithCounts } from './coverage.service';

/**
 * 帮扶责任人 in the scope. Helpers are registered at town level (their regionPath ends at the
 * town), so a village admin's count is the helpers paired with the village's households; a
 * county or town admin counts the helpers registered in the region.
 */
async function helperCount(scope: Scope): Promise<number> {
  if (scope.level !== 'village') return countUsers({ role: 'helper', active: true, regionPath: scope.regionId });
  return (await helpersPairedWith(await householdIdsWhere(regionFilter(scope)))).size;
}

/** The admin's dashboard: households and people by status, helpers, this month's visits, open needs. */
export async function dashboard(ctx: AdminCtx): Promise<Dashboard> {
  const scope = adminScope(ctx.user);
  const where = regionFilter(scope);
  const [region, grouped, helpers, openNeeds, { coverage: visitCoverage, villages, counts: perVillage }, causes] = await Promise.all([
    getRegion(scope.regionId),
    // Per status and household size (derived memberCount): counted from an index, no member read.
    householdsByStatusAndSize(where),
    helperCount(scope),
    countOpenNeeds(where),
    // Its villages and households per village are the dashboard's own, read once.
    coverageWithCounts(ctx, {}),
    householdsPerCause(where),
  ]);
  const byStatus = HouseholdStatus.options
    .map((status) => ({ status, count: grouped.filter((r) => r.status === status).reduce((s, r) => s + r.n, 0) }))
    .filter((r) => r.count > 0);
  return {
    regionName: region.name,
    households: grouped.reduce((s, r) => s + r.n, 0),
    people: grouped.reduce((s, r) => s + r.n * r.size, 0),
    helpers,
    byStatus,
    // Households visited this month, from the coverage's rollups rather than the month's visits.
    visitedThisMonth: visitCoverage.visited,
    openNeeds,
    coverage: visitCoverage,
    byCause: PovertyCause.options
      .map((cause) => ({ cause, count: causes.get(cause) ?? 0 }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count),
    byVillage: villages.map((v) => ({ id: v.id, name: v.name, townName: v.townName, count: perVillage.get(v.id) ?? 0 })),
  };
}
