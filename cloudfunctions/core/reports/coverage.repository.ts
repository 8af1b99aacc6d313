import type { Scope } from '../../../types/region';
import { getDb } from '../store';

type Doc = Record<string, unknown>;
const CHUNK = 500;
/** CloudBase answers at most 10,000 aggregate rows; every pipeline here groups down far below that. */
const AGG_LIMIT = 10_000;

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

type Aggregate = ReturnType<ReturnType<ReturnType<typeof getDb>['collection']>['aggregate']>;

async function countsBy(coll: 'pairings' | 'visits', match: Doc, stages: (agg: Aggregate) => Aggregate): Promise<Map<string, number>> {
  const { data } = await stages(getDb().collection(coll).aggregate().match(match)).limit(AGG_LIMIT).end();
  return new Map(((data ?? []) as Array<{ _id: string; n: number }>).map((r) => [r._id, r.n]));
}

/** Active pairings per helper. */
export async function helperPairings(helperIds: string[]): Promise<Map<string, number>> {
  const $ = getDb().command.aggregate;
  const out = new Map<string, number>();
  for (let i = 0; i < helperIds.length; i += CHUNK) {
    const chunk = helperIds.slice(i, i + CHUNK);
    const rows = await countsBy('pairings', { active: true, helperId: getDb().command.in(chunk) }, (a) => a.group({ _id: '$helperId', n: $.sum(1) }));
    rows.forEach((n, id) => out.set(id, n));
  }
  return out;
}

/** Distinct households each helper visited in the month. */
export function visitedByHelper(where: Doc, month: string): Promise<Map<string, number>> {
  const $ = getDb().command.aggregate;
  return countsBy('visits', { ...where, month }, (a) =>
    a.group({ _id: { helper: '$helperId', hh: '$householdId' } }).group({ _id: '$_id.helper', n: $.sum(1) }));
}

/**
 * Per village, in one pass over the two months' visits: distinct households visited this month,
 * and distinct households visited in either month (the rest are overdue).
 */
export async function visitedByVillage(where: Doc, month: string, prev: string): Promise<Map<string, { month: number; either: number }>> {
  const db = getDb();
  const $ = db.command.aggregate;
  const { data } = await db.collection('visits').aggregate().match({ ...where, month: db.command.in([month, prev]) })
    .group({ _id: { v: '$villageId', hh: '$householdId' }, last: $.max('$month') })
    .group({ _id: '$_id.v', either: $.sum(1), month: $.sum($.cond({ if: $.eq(['$last', month]), then: 1, else: 0 })) })
    .limit(AGG_LIMIT).end();
  return new Map(((data ?? []) as Array<{ _id: string; month: number; either: number }>).map((r) => [r._id, { month: r.month, either: r.either }]));
}

/** The overdue households of the given villages (no visit in the time range), up to `max`, with their primary helper. */
export async function overdueIn(villages: Village[], range: { from: string; to: string }, max: number) {
  const db = getDb();
  const _ = db.command;
  const items: Array<{ householdId: string; headName: string; villageName: string; helperName: string }> = [];
  for (const v of villages) {
    if (items.length >= max) break;
    const { data: households } = await db.collection('households').where({ villageId: v.id }).field({ headName: true }).limit(1000).get();
    // householdId + visitedAt is one compound index; a `month` condition would make the planner scan the month.
    const { data: seen } = await db.collection('visits').aggregate()
      .match({ householdId: _.in(households.map((h) => h._id as string)), visitedAt: _.gte(range.from).and(_.lt(range.to)) })
      .group({ _id: '$householdId' }).limit(AGG_LIMIT).end();
    const visited = new Set(((seen ?? []) as Doc[]).map((r) => r._id as string));
    const missing = households.filter((h) => !visited.has(h._id as string)).slice(0, max - items.length);
    if (!missing.length) continue;
    const { data: pairs } = await db.collection('pairings').where({ householdId: _.in(missing.map((h) => h._id as string)), role: 'primary', active: true }).field({ householdId: true, helperId: true }).limit(1000).get();
    const helperOf = new Map(pairs.map((p) => [p.householdId as string, p.helperId as string]));
    const ids = [...new Set(helperOf.values())];
    const { data: users } = ids.length ? await db.collection('users').where({ _id: _.in(ids) }).field({ name: true }).limit(1000).get() : { data: [] };
    const names = new Map(users.map((u) => [u._id as string, u.name as string]));
    for (const h of missing) items.push({ householdId: h._id as string, headName: h.headName as string, villageName: v.name, helperName: names.get(helperOf.get(h._id as string) ?? '') ?? '' });
  }
  return items;
}
