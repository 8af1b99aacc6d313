/**
 * The actions the benches time, as the host calls them, with the callers they run as and the raw
 * SQLite queries that give the same answer. Shared by the bench scripts and by cold.ts (the first
 * call of each in a fresh process).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { getDb } from '../../cloudfunctions/core/store';
import { keyExpr } from '../../cloudfunctions/core/store/embedded/schema';

type Answer = { ok: boolean; error?: { message: string }; data?: unknown };

export const COUNTY_ADMIN = 'demo-admin';
export const TOWN_ADMIN = 'demo-town-admin';

export interface Fixture {
  /** Helpers with at least one active pairing, and one household of each. */
  helpers: Array<{ openid: string; userId: string; householdId: string }>;
}

/** The first 200 helpers of the county and a household each is paired with (read once, untimed). */
export async function loadFixture(): Promise<Fixture> {
  const db = getDb();
  const { data: users } = await db.collection('users').where({ role: 'helper', active: true }).field({ openid: true }).limit(200).get();
  const helpers: Fixture['helpers'] = [];
  for (const u of users as Array<{ _id: string; openid: string }>) {
    const { data } = await db.collection('pairings').where({ helperId: u._id, active: true }).field({ householdId: true }).limit(1).get();
    if (data.length) helpers.push({ openid: u.openid, userId: u._id, householdId: (data[0] as { householdId: string }).householdId });
  }
  return { helpers };
}

const call = (fn: keyof typeof FUNCTIONS, action: string, payload: unknown, openid: string) =>
  FUNCTIONS[fn]({ action, payload }, { devOpenid: openid }) as Promise<Answer>;

/** The registry page as a county admin opens it: the first 20 in code order, with the count. */
export const REGISTRY_PAGE = { offset: 0, limit: 20 };
/** A filter an office uses (one town's poor households) and a search (a common surname). */
export const REGISTRY_FILTER = { townId: 'town-3', status: 'poor' } as const;
export const REGISTRY_SEARCH = '王';

const k = keyExpr;

/** Raw SQLite for the same answers, on the engine's own connection (prepared once). */
export function rawQueries(sqlite: BetterSqlite3.Database) {
  const prep = (sql: string) => sqlite.prepare(sql);
  const user = prep(`SELECT doc FROM c_users WHERE ${k('openid')} = ? AND ${k('active')} = 1 LIMIT 1`).pluck();
  const paired = prep(`SELECT id FROM c_pairings WHERE ${k('helperId')} = ? AND ${k('householdId')} = ? AND ${k('active')} = 1 LIMIT 1`).pluck();
  const household = prep('SELECT doc FROM c_households WHERE id = ?').pluck();
  const page = (where: string) => ({
    count: prep(`SELECT COUNT(*) FROM c_households WHERE ${where}`).pluck(),
    rows: prep(`SELECT doc FROM c_households WHERE ${where} ORDER BY ${k('code')} LIMIT ? OFFSET ?`).pluck(),
  });
  const search = `(${k('headName')} LIKE ? OR ${k('code')} LIKE ? OR EXISTS (SELECT 1 FROM json_each(doc, '$.members') WHERE json_extract(value, '$.name') LIKE ?))`;
  const county = page(`${k('countyId')} = ?`);
  const filtered = page(`${k('countyId')} = ? AND ${k('townId')} = ? AND ${k('status')} = ?`);
  const searched = page(`${k('countyId')} = ? AND ${search}`);
  const pageOf = (q: { count: BetterSqlite3.Statement; rows: BetterSqlite3.Statement }, params: unknown[]) => {
    const total = q.count.get(...params);
    const docs = (q.rows.all(...params, REGISTRY_PAGE.limit, REGISTRY_PAGE.offset) as string[]).map((d) => JSON.parse(d));
    return { total, docs };
  };
  return {
    /**
     * households.get as a helper: the caller, the pairing check, the household (its village and
     * town names come from the regions a function instance keeps, so they are not counted).
     */
    householdGet(openid: string, helperId: string, householdId: string) {
      JSON.parse(user.get(openid) as string);
      paired.get(helperId, householdId);
      // The `id` column holds the `_id` as JSON text.
      return JSON.parse(household.get(JSON.stringify(householdId)) as string) as { villageId: string; townId: string };
    },
    registry: () => pageOf(county, ['county-1']),
    registryFiltered: () => pageOf(filtered, ['county-1', REGISTRY_FILTER.townId, REGISTRY_FILTER.status]),
    registrySearched: () => {
      const like = `%${REGISTRY_SEARCH}%`;
      return pageOf(searched, ['county-1', like, like, like]);
    },
  };
}

/** Every timed action by name: `(fixture, i) => call`. */
export const ACTIONS: Record<string, (f: Fixture, i: number) => Promise<Answer>> = {
  'visits.listDue': (f, i) => call('visits', 'listDue', {}, f.helpers[i % f.helpers.length].openid),
  'households.get': (f, i) => {
    const h = f.helpers[i % f.helpers.length];
    return call('households', 'get', { householdId: h.householdId }, h.openid);
  },
  'households.list': () => call('households', 'list', REGISTRY_PAGE, COUNTY_ADMIN),
  'households.list filtered': () => call('households', 'list', { ...REGISTRY_PAGE, ...REGISTRY_FILTER }, COUNTY_ADMIN),
  'households.list search': () => call('households', 'list', { ...REGISTRY_PAGE, q: REGISTRY_SEARCH }, COUNTY_ADMIN),
  'reports.coverage': () => call('reports', 'coverage', {}, COUNTY_ADMIN),
  'reports.dashboard': () => call('reports', 'dashboard', {}, COUNTY_ADMIN),
  'benefits.listGaps': () => call('benefits', 'listGaps', { limit: 20 }, COUNTY_ADMIN),
  'reports.monthlyBulletin': () => call('reports', 'monthlyBulletin', { month: '2026-10' }, COUNTY_ADMIN),
  'reports.exportBulletin': () => call('reports', 'exportBulletin', { month: '2026-10' }, COUNTY_ADMIN),
  'frozen monthlyBulletin': () => call('reports', 'monthlyBulletin', { month: '2026-09' }, COUNTY_ADMIN),
};
