import type { Dashboard } from '../../../types/api/reports';
import { HouseholdStatus } from '../../../types/household';
import type { Ctx } from '../handler';
import { getDb } from '../store';
import { adminScope, regionFilter } from '../scope';
import { getRegion } from '../regions/region.repository';
import { countUsers } from '../users/user.repository';
import { monthOf } from '../time';
import { coverage } from './coverage.service';

const OPEN_NEED_STATUSES = ['reported', 'accepted', 'in_progress', 'reopened'];

/** The admin's dashboard: households and people by status, helpers, this month's visits, open needs. */
export async function dashboard(ctx: Ctx): Promise<Dashboard> {
  const scope = adminScope(ctx.user);
  const db = getDb();
  const _ = db.command;
  const $ = db.command.aggregate;
  const where = regionFilter(scope);
  const [region, grouped, helpers, visited, openNeeds, visitCoverage] = await Promise.all([
    getRegion(scope.regionId),
    db.collection('households').aggregate().match(where)
      .group({ _id: '$status', count: $.sum(1), people: $.sum($.size('$members')) }).end(),
    countUsers({ role: 'helper', active: true, regionPath: scope.regionId }),
    db.collection('visits').aggregate().match({ ...where, month: monthOf(ctx.now) }).group({ _id: '$householdId' }).count('n').end(),
    db.collection('needs').where({ ...where, status: _.in(OPEN_NEED_STATUSES) }).count(),
    coverage(ctx, {}),
  ]);
  const rows = (grouped.data ?? []) as Array<{ _id: string; count: number; people: number }>;
  const byStatus = HouseholdStatus.options
    .map((status) => ({ status, count: rows.find((r) => r._id === status)?.count ?? 0 }))
    .filter((r) => r.count > 0);
  return {
    regionName: region.name,
    households: rows.reduce((s, r) => s + r.count, 0),
    people: rows.reduce((s, r) => s + r.people, 0),
    helpers,
    byStatus,
    visitedThisMonth: ((visited.data ?? [])[0] as { n?: number } | undefined)?.n ?? 0,
    openNeeds: openNeeds.total ?? 0,
    coverage: visitCoverage,
  };
}
