import type { Scope } from '../../../types/region';
import { getDb } from '../store';
import type { HelperMonth } from '../visits/visit-months';

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
 * One answer per item, at most IN_FLIGHT queries at a time: on CloudBase each count is a round
 * trip, so they overlap; an indexed count reads no document, which beats any aggregate here.
 */
const IN_FLIGHT = 20;
async function eachOf<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += IN_FLIGHT) out.push(...(await Promise.all(items.slice(i, i + IN_FLIGHT).map(fn))));
  return out;
}

const countOf = async (coll: 'pairings' | 'visit_months' | 'households', where: Doc): Promise<number> =>
  (await getDb().collection(coll).where(where).count()).total ?? 0;

/** Active pairings per helper (`helperId_active` index counts). */
export async function helperPairings(helperIds: string[]): Promise<Map<string, number>> {
  const counts = await eachOf(helperIds, (helperId) => countOf('pairings', { helperId, active: true }));
  return new Map(helperIds.map((id, i) => [id, counts[i]]));
}

/** Distinct households of the given villages (the report's region) each helper visited in the month, from their rollups. */
export async function visitedByHelper(helperIds: string[], villageIds: Set<string>, month: string): Promise<Map<string, number>> {
  const wanted = new Set(helperIds);
  const out = new Map<string, number>();
  const inRegion = (r: HelperMonth) => Object.entries(r.villages).reduce((n, [v, hh]) => n + (villageIds.has(v) ? hh.length : 0), 0);
  // By month (one small document per helper of the county) rather than by a long list of ids, which costs more to send.
  for (let offset = 0; ; offset += 1000) {
    const { data } = await getDb().collection('helper_months').where({ month }).skip(offset).limit(1000).get();
    for (const r of data as unknown as HelperMonth[]) if (wanted.has(r.helperId)) out.set(r.helperId, inRegion(r));
    if (data.length < 1000) return out;
  }
}

/**
 * Per village, three indexed counts of rollup documents (no document is read): households visited
 * this month, and households visited in either month = this month + last month − both.
 */
export async function visitedByVillage(villages: Village[], month: string, prev: string): Promise<Map<string, { month: number; either: number }>> {
  const rows = await eachOf(villages, async ({ id: villageId }) => {
    const [visited, before, both] = await Promise.all([
      countOf('visit_months', { villageId, month }), countOf('visit_months', { villageId, month: prev }), countOf('visit_months', { villageId, month, prevMonthToo: true }),
    ]);
    return [villageId, { month: visited, either: visited + before - both }] as const;
  });
  return new Map(rows);
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

/** Households per village (`villageId_status` index counts). */
export async function householdsPerVillage(villages: Village[]): Promise<Map<string, number>> {
  const counts = await eachOf(villages, (v) => countOf('households', { villageId: v.id }));
  return new Map(villages.map((v, i) => [v.id, counts[i]]));
}
