import type { Dashboard } from '../../../types/api/reports';
import { HouseholdStatus } from '../../../types/household';
import type { AdminCtx } from '../handler';
import { adminScope, regionFilter } from '../access/scope';
import { getRegion } from '../regions/region.repository';
import { countUsers } from '../users/user.repository';
import { householdsByStatusAndSize } from '../households/household.repository';
import { countOpenNeeds } from '../needs/need.repository';
import { coverage } from './coverage.service';

/** The admin's dashboard: households and people by status, helpers, this month's visits, open needs. */
export async function dashboard(ctx: AdminCtx): Promise<Dashboard> {
  const scope = adminScope(ctx.user);
  const where = regionFilter(scope);
  const [region, grouped, helpers, openNeeds, visitCoverage] = await Promise.all([
    getRegion(scope.regionId),
    // Per status and household size (derived memberCount): counted from an index, no member read.
    householdsByStatusAndSize(where),
    countUsers({ role: 'helper', active: true, regionPath: scope.regionId }),
    countOpenNeeds(where),
    coverage(ctx, {}),
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
  };
}
