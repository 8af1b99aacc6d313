/**
 * Round trips are a budget (issue 21): on CloudBase every database request is a network round trip,
 * so an action's request count is pinned here, counted at the SDK's request seam. Counts, not
 * timings: they do not flicker on a busy machine. The same action is counted on the demo county and
 * on one with more villages, more than 1,000 households and a shorter history: a read that loops
 * per village, per page of 1,000 or per helper shows up as a difference.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useLocalMode } from '../../cloudfunctions/core/local/mode';
import { seedIfEmpty } from '../../cloudfunctions/core/local/seed-store';
import { getDb } from '../../cloudfunctions/core/store';
import { countRequests } from '../../cloudfunctions/core/store/embedded/meter';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { SEED_NOW } from '../support/store';

type Call = { fn: keyof typeof FUNCTIONS; action: string; payload: unknown | (() => Promise<unknown>); openid: string };

/** A household the demo helper is paired with, in whichever county is open. */
async function pairedHousehold(): Promise<unknown> {
  const { data } = await getDb().collection('pairings').where({ helperId: 'helper-1', active: true }).limit(1).get();
  return { householdId: (data[0] as { householdId: string }).householdId };
}

/** September's bulletin, published (frozen) once in whichever county is open. */
async function frozenMonth(): Promise<unknown> {
  const month = '2026-09';
  const r = await FUNCTIONS.reports({ action: 'publishBulletin', payload: { month, audience: { roles: ['admin'] } } }, { devOpenid: 'demo-admin' });
  if (!r.ok) throw new Error(`publishBulletin: ${r.error.message}`);
  return { month };
}

const HELPER_OR_HOUSEHOLD = 5;
const ADMIN_REPORT = 20;

const CALLS: Record<string, Call & { budget: number }> = {
  "a helper's due list": { fn: 'visits', action: 'listDue', payload: {}, openid: 'demo-helper', budget: HELPER_OR_HOUSEHOLD },
  'a helper opening a household': { fn: 'households', action: 'get', payload: pairedHousehold, openid: 'demo-helper', budget: HELPER_OR_HOUSEHOLD },
  "the county registry's first page": {
    fn: 'households',
    action: 'list',
    payload: { offset: 0, limit: 20 },
    openid: 'demo-admin',
    budget: HELPER_OR_HOUSEHOLD,
  },
  'the registry searched': {
    fn: 'households',
    action: 'list',
    payload: { offset: 0, limit: 20, q: '王', status: 'poor' },
    openid: 'demo-admin',
    budget: HELPER_OR_HOUSEHOLD,
  },
  'the county coverage report': { fn: 'reports', action: 'coverage', payload: {}, openid: 'demo-admin', budget: ADMIN_REPORT },
  'the county dashboard': { fn: 'reports', action: 'dashboard', payload: {}, openid: 'demo-admin', budget: ADMIN_REPORT },
  "last month's bulletin": { fn: 'reports', action: 'monthlyBulletin', payload: { month: '2026-10' }, openid: 'demo-admin', budget: ADMIN_REPORT },
  "last month's bulletin as .xlsx": { fn: 'reports', action: 'exportBulletin', payload: { month: '2026-10' }, openid: 'demo-admin', budget: ADMIN_REPORT },
  'a published bulletin opened': { fn: 'reports', action: 'monthlyBulletin', payload: frozenMonth, openid: 'demo-admin', budget: HELPER_OR_HOUSEHOLD },
  'the 区直 unit ledger': { fn: 'reports', action: 'ledger', payload: { kind: 'unit', month: '2026-10' }, openid: 'demo-admin', budget: ADMIN_REPORT },
  'the 卫生 health ledger': { fn: 'reports', action: 'ledger', payload: { kind: 'health', month: '2026-10' }, openid: 'demo-admin', budget: ADMIN_REPORT },
  'the 教育 education ledger': {
    fn: 'reports',
    action: 'ledger',
    payload: { kind: 'education', month: '2026-10' },
    openid: 'demo-admin',
    budget: ADMIN_REPORT,
  },
  'the health ledger as .xlsx': {
    fn: 'reports',
    action: 'exportLedger',
    payload: { kind: 'health', month: '2026-10' },
    openid: 'demo-admin',
    budget: ADMIN_REPORT,
  },
  // The uncounted first call opens the warnings; the counted one finds them open.
  'the county monitoring sweep': { fn: 'monitoring', action: 'sweep', payload: {}, openid: 'demo-admin', budget: ADMIN_REPORT },
};

function openCounty(options: Record<string, number>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-budget-'));
  const store = useLocalMode({ dataDir: dir, now: SEED_NOW });
  seedIfEmpty(store.engine, { now: SEED_NOW, ...options });
  return {
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function countAll(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, c] of Object.entries(CALLS)) {
    const payload = typeof c.payload === 'function' ? await (c.payload as () => Promise<unknown>)() : c.payload;
    // The first call fills what a function instance keeps (the regions); the second is counted.
    await FUNCTIONS[c.fn]({ action: c.action, payload }, { devOpenid: c.openid });
    const { result, requests } = await countRequests(() => FUNCTIONS[c.fn]({ action: c.action, payload }, { devOpenid: c.openid }));
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    out[name] = requests;
  }
  return out;
}

describe('database requests per action (issue 21)', () => {
  let demo: Record<string, number>;
  let wider: Record<string, number>;

  beforeAll(async () => {
    let county = openCounty({});
    demo = await countAll();
    county.close();
    // 40 villages, 1,200 households (past one page of 1,000), three months of visits.
    county = openCounty({ households: 1200, helpers: 40, towns: 4, villagesPerTown: 10, months: 3 });
    wider = await countAll();
    county.close();
  }, 120_000);

  it.each(Object.keys(CALLS))('%s stays within its budget', (name) => {
    expect(wider[name]).toBeLessThanOrEqual(CALLS[name].budget);
    expect(demo[name]).toBeLessThanOrEqual(CALLS[name].budget);
  });

  it.each(Object.keys(CALLS))('%s makes as many requests in a wider county as in the demo one', (name) => {
    expect(wider[name]).toBe(demo[name]);
  });
});
