import type { Dashboard } from '../../../types/api/reports';
import { HouseholdStatus } from '../../../types/household';
import type { AdminCtx } from '../handler';
import { getDb } from '../store';
import { adminScope, regionFilter } from '../access/scope';
import { getRegion } from '../regions/region.repository';
import { countUsers } from '../users/user.repository';
import { coverage } from './coverage.service';

const OPEN_NEED_STATUSES = ['reported', 'accepted', 'in_progress', 'reopened'];

/** The admin's dashboard: households and people by status, helpers, this month's visits, open needs. */
export async function dashboard(ctx: AdminCtx): Promise<Dashboard> {
  const scope = adminScope(ctx.user);
  const db = getDb();
  const _ = db.command;
  const $ = db.command.aggregate;
  const where = regionFilter(scope);
  const [region, grouped, helpers, openNeeds, visitCoverage] = await Promise.all([
    getRegion(scope.regionId),
    // Per status and household size (derived memberCount): counted from an index, no member read.
    db.collection('households').aggregate().match(where)
      .group({ _id: { status: '$status', size: '$memberCount' }, n: $.sum(1) }).limit(10_000).end(),
    countUsers({ role: 'helper', active: true, regionPath: scope.regionId }),
    db.collection('needs').where({ ...where, status: _.in(OPEN_NEED_STATUSES) }).count(),
    coverage(ctx, {}),
  ]);
  const rows = (grouped.data ?? []) as Array<{ _id: { status: string; size: number }; n: number }>;
  const byStatus = HouseholdStatus.options
    .map((status) => ({ status, count: rows.filter((r) => r._id.status === status).reduce((s, r) => s + r.n, 0) }))
    .filter((r) => r.count > 0);
  return {
    regionName: region.name,
    households: rows.reduce((s, r) => s + r.n, 0),
    people: rows.reduce((s, r) => s + r.n * (r._id.size ?? 0), 0),
    helpers,
    byStatus,
    // Households visited this month, from the coverage's rollups rather than the month's visits.
    visitedThisMonth: visitCoverage.visited,
    openNeeds: openNeeds.total ?? 0,
    coverage: visitCoverage,
  };
}
