import type { Scope } from '../../../types/region';
import { activeLoads } from '../assignments/pairing.repository';
import { getDb } from '../store';
import { regionFilter } from '../access/scope';

type Doc = Record<string, unknown>;

export interface Village { id: string; name: string; townId: string; townName: string }

async function pageAll(coll: 'regions' | 'users', where: Doc, fields: Record<string, true>): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await getDb().collection(coll).where(where).field(fields).skip(offset).limit(1000).get();
    out.push(...(data as Doc[]));
    if (data.length < 1000) return out;
  }
}

/** The villages inside the scope with their town, from the small regions collection. */
export async function villagesIn(scope: Scope): Promise<Village[]> {
  const regions = await pageAll('regions', { level: getDb().command.in(['town', 'village']) }, { name: true, level: true, path: true });
  const towns = new Map(regions.filter((r) => r.level === 'town').map((r) => [r._id as string, r.name as string]));
  return regions
    .filter((r) => r.level === 'village' && (r.path as string[]).includes(scope.regionId))
    .map((r) => {
      const townId = (r.path as string[])[1];
      return { id: r._id as string, name: r.name as string, townId, townName: towns.get(townId) ?? '' };
    });
}

export async function helpersIn(regionId: string): Promise<Array<{ id: string; name: string; unit: string }>> {
  // `role` alone is an index prefix, so SQLite pages the query; the region is checked here.
  const users = (await pageAll('users', { role: 'helper' }, { name: true, unit: true, regionPath: true }))
    .filter((u) => (u.regionPath as string[] | undefined)?.includes(regionId));
  return users.map((u) => ({ id: u._id as string, name: u.name as string, unit: (u.unit as string) ?? '' }));
}

/**
 * Group sizes, counted on the server by one aggregate per 10,000 groups (CloudBase's most per
 * answer; a county has ~400 villages and ~3,000 helpers). The embedded store answers these
 * from its indexes without reading documents (see store/embedded/aggregate.ts).
 */
async function sizes(coll: 'households' | 'visit_months', match: Doc, key: string, unwind = false): Promise<Map<string, number>> {
  const db = getDb();
  const out = new Map<string, number>();
  for (let offset = 0; ; offset += GROUPS_PER_ANSWER) {
    let agg = db.collection(coll).aggregate().match(match);
    if (unwind) agg = agg.unwind(`$${key}`);
    const { data } = await agg.group({ _id: `$${key}`, n: db.command.aggregate.sum(1) }).sort({ _id: 1 }).skip(offset).limit(GROUPS_PER_ANSWER).end();
    for (const row of data as Array<{ _id: string; n: number }>) out.set(row._id, row.n);
    if (data.length < GROUPS_PER_ANSWER) return out;
  }
}
const GROUPS_PER_ANSWER = 10_000;

/** Households per village of the scope. */
export const householdsPerVillage = (scope: Scope): Promise<Map<string, number>> => sizes('households', regionFilter(scope), 'villageId');

/**
 * Per village of the scope, from the rollups: households visited this month, and households
 * visited in either month = this month + last month − both.
 */
export async function visitedByVillage(scope: Scope, month: string, prev: string): Promise<Map<string, { month: number; either: number }>> {
  const where = regionFilter(scope);
  const [visited, before, both] = await Promise.all([
    sizes('visit_months', { ...where, month }, 'villageId'),
    sizes('visit_months', { ...where, month: prev }, 'villageId'),
    sizes('visit_months', { ...where, month, prevMonthToo: true }, 'villageId'),
  ]);
  const villages = new Set([...visited.keys(), ...before.keys()]);
  return new Map([...villages].map((v) => {
    const n = visited.get(v) ?? 0;
    return [v, { month: n, either: n + (before.get(v) ?? 0) - (both.get(v) ?? 0) }];
  }));
}

/** Distinct households of the scope each helper visited in the month: the month's rollups, their helpers unwound. */
export const visitedByHelper = (scope: Scope, month: string): Promise<Map<string, number>> =>
  sizes('visit_months', { ...regionFilter(scope), month }, 'helperIds', true);

/** Active pairings per helper, whatever their role. */
export async function helperPairings(helperIds: string[]): Promise<Map<string, number>> {
  const loads = await activeLoads(helperIds);
  return new Map([...loads].map(([id, byRole]) => [id, Object.values(byRole).reduce((s, n) => s + n, 0)]));
}

/** The overdue households of the given villages (no visit in any of `months`), up to `max`, with their primary helper. */
export async function overdueIn(villages: Village[], months: string[], max: number) {
  const db = getDb();
  const _ = db.command;
  const missing: Array<{ householdId: string; villageName: string }> = [];
  for (const v of villages) {
    if (missing.length >= max) break;
    // Ids only, then names for the few missed: a village's households are large documents.
    const { data: households } = await db.collection('households').where({ villageId: v.id }).field({ _id: true }).limit(1000).get();
    const { data: seen } = await db.collection('visit_months').where({ villageId: v.id, month: _.in(months) }).field({ householdId: true }).limit(1000).get();
    const visited = new Set(seen.map((r) => r.householdId as string));
    for (const h of households.filter((x) => !visited.has(x._id as string)).slice(0, max - missing.length)) {
      missing.push({ householdId: h._id as string, villageName: v.name });
    }
  }
  // Head names and helpers' names for the whole list at once (max ≤ 1000: one query each).
  const ids = missing.map((m) => m.householdId);
  const { data: heads } = ids.length ? await db.collection('households').where({ _id: _.in(ids) }).field({ headName: true }).limit(1000).get() : { data: [] };
  const headNames = new Map(heads.map((h) => [h._id as string, h.headName as string]));
  const { data: pairs } = ids.length ? await db.collection('pairings').where({ householdId: _.in(ids), role: 'primary', active: true }).field({ householdId: true, helperId: true }).limit(1000).get() : { data: [] };
  const helperOf = new Map(pairs.map((p) => [p.householdId as string, p.helperId as string]));
  const helperIds = [...new Set(helperOf.values())];
  const { data: users } = helperIds.length ? await db.collection('users').where({ _id: _.in(helperIds) }).field({ name: true }).limit(1000).get() : { data: [] };
  const names = new Map(users.map((u) => [u._id as string, u.name as string]));
  return missing.map((m) => ({ ...m, headName: headNames.get(m.householdId) ?? '', helperName: names.get(helperOf.get(m.householdId) ?? '') ?? '' }));
}
