import type { Scope } from '../../../types/region';
import { regionFilter } from '../access/scope';
import { activeLoads, primaryHelpers } from '../assignments/pairing.repository';
import { headNames, householdIdsWhere, householdsPerVillage as perVillage } from '../households/household.repository';
import { villagesWithTowns } from '../regions/region.repository';
import { helperUnitsIn, userNames } from '../users/user.repository';
import { visitedHouseholdIds, visitMonthsPer } from '../visits/visit.repository';

/**
 * What the coverage report reads, each through the repository that owns the collection: counts
 * of households (per village) and of the monthly rollup that visits.record keeps (visit_months),
 * never the month's visits themselves.
 */
export interface Village { id: string; name: string; townId: string; townName: string }

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
  return new Map([...villages].map((v) => {
    const n = visited.get(v) ?? 0;
    return [v, { month: n, either: n + (before.get(v) ?? 0) - (both.get(v) ?? 0) }];
  }));
}

/** Distinct households of the scope each helper visited in the month: the month's rollups, their helpers unwound. */
export const visitedByHelper = (scope: Scope, month: string): Promise<Map<string, number>> =>
  visitMonthsPer({ ...regionFilter(scope), month }, 'helperIds', true);

/** Active pairings per helper, whatever their role. */
export async function helperPairings(helperIds: string[]): Promise<Map<string, number>> {
  const loads = await activeLoads(helperIds);
  return new Map([...loads].map(([id, byRole]) => [id, Object.values(byRole).reduce((s, n) => s + n, 0)]));
}

/** The overdue households of the given villages (no visit in any of `months`), up to `max`, with their primary helper. */
export async function overdueIn(villages: Village[], months: string[], max: number) {
  const missing: Array<{ householdId: string; villageName: string }> = [];
  for (const v of villages) {
    if (missing.length >= max) break;
    // Ids only, then names for the few missed: a village's households are large documents.
    const households = await householdIdsWhere({ villageId: v.id });
    const visited = await visitedHouseholdIds(v.id, months);
    for (const id of households.filter((x) => !visited.has(x)).slice(0, max - missing.length)) {
      missing.push({ householdId: id, villageName: v.name });
    }
  }
  // Head names and helpers' names for the whole list at once (max ≤ 1000: one query each).
  const ids = missing.map((m) => m.householdId);
  const heads = await headNames(ids);
  const helperOf = await primaryHelpers(ids);
  const names = await userNames([...helperOf.values()]);
  return missing.map((m) => ({ ...m, headName: heads.get(m.householdId) ?? '', helperName: names.get(helperOf.get(m.householdId) ?? '') ?? '' }));
}
