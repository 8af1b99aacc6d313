import type { Scope } from '../../../types/region';
import { regionFilter } from '../access/scope';
import { activeLoads, primaryHelpers } from '../assignments/pairing.repository';
import { headsOfVillages, householdsPerVillage as perVillage } from '../households/household.repository';
import { villagesWithTowns } from '../regions/region.repository';
import { helperUnitsIn, userNames } from '../users/user.repository';
import { visitedHouseholdsIn, visitMonthsPer } from '../visits/visit.repository';

/**
 * What the coverage report reads, each through the repository that owns the collection: counts
 * of households (per village) and of the monthly rollup that visits.record keeps (visit_months),
 * never the month's visits themselves.
 */
export interface Village {
  id: string;
  name: string;
  townId: string;
  townName: string;
}

/** The villages inside the scope with their town, from the small regions collection. */
export const villagesIn = (scope: Scope): Promise<Village[]> => villagesWithTowns(scope.regionId);

export const helpersIn = (regionId: string): Promise<Array<{ id: string; name: string; unit: string }>> => helperUnitsIn(regionId);

/** Households per village of the scope. */
export const householdsPerVillage = (scope: Scope): Promise<Map<string, number>> => perVillage(regionFilter(scope));

/**
 * Per village of the scope, from the rollups: households visited this month, and households
 * visited in either month = this month + last month − both.
 */
export async function visitedByVillage(scope: Scope, month: string, prev: string): Promise<Map<string, { month: number; either: number }>> {
  const where = regionFilter(scope);
  const [visited, before, both] = await Promise.all([
    visitMonthsPer({ ...where, month }, 'villageId'),
    visitMonthsPer({ ...where, month: prev }, 'villageId'),
    visitMonthsPer({ ...where, month, prevMonthToo: true }, 'villageId'),
  ]);
  const villages = new Set([...visited.keys(), ...before.keys()]);
  return new Map(
    [...villages].map((v) => {
      const n = visited.get(v) ?? 0;
      return [v, { month: n, either: n + (before.get(v) ?? 0) - (both.get(v) ?? 0) }];
    }),
  );
}

/** Distinct households of the scope each helper visited in the month: the month's rollups, their helpers unwound. */
export const visitedByHelper = (scope: Scope, month: string): Promise<Map<string, number>> =>
  visitMonthsPer({ ...regionFilter(scope), month }, 'helperIds', true);

/** Active pairings per helper, whatever their role. */
export async function helperPairings(helperIds: string[]): Promise<Map<string, number>> {
  const loads = await activeLoads(helperIds);
  return new Map([...loads].map(([id, byRole]) => [id, Object.values(byRole).reduce((s, n) => s + n, 0)]));
}

/**
 * The overdue households (no visit in any of `months`) of the given villages, most overdue
 * village first, up to `max`, with their head and primary helper. `villages` carry their overdue
 * count, so only the villages the list reaches are read: their households' heads and their
 * visited households, in one round trip each, however many villages that is.
 */
export async function overdueIn(villages: Array<{ village: Village; overdue: number }>, months: string[], max: number) {
  const reached: Village[] = [];
  let shown = 0;
  for (const v of villages) {
    if (shown >= max) break;
    reached.push(v.village);
    shown += v.overdue;
  }
  if (!reached.length) return [];
  const ids = reached.map((v) => v.id);
  const [heads, visited] = await Promise.all([headsOfVillages(ids), visitedHouseholdsIn(ids, months)]);
  const order = new Map(ids.map((id, i) => [id, i]));
  const missing = heads
    .filter((h) => !visited.has(h._id))
    .sort((a, b) => order.get(a.villageId)! - order.get(b.villageId)!)
    .slice(0, max);
  const name = new Map(reached.map((v) => [v.id, v.name]));
  const helperOf = await primaryHelpers(missing.map((m) => m._id));
  const names = await userNames([...new Set(helperOf.values())]);
  return missing.map((m) => ({
    householdId: m._id,
    villageName: name.get(m.villageId) ?? '',
    headName: m.headName,
    helperName: names.get(helperOf.get(m._id) ?? '') ?? '',
  }));
}
