/**
 * Monthly bulletin numbers (issue 15) on the county-scale store (.data/bench/county, seeded once
 * by county-store.ts), through the function layer as the host calls it. Targets: the county's
 * bulletin for a month ≤ 2 s, its .xlsx ≤ 5 s, a frozen bulletin opens ≤ 200 ms. Each line also
 * prints the database requests the call made (every get/count/aggregate/write sent to the store).
 */
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { getDb, setDatabaseFactory } from '../../cloudfunctions/core/store';
import { openCountyStore } from './county-store';

const TERMINAL = new Set(['get', 'count', 'end', 'update', 'add', 'remove', 'set', 'create']);
let requests = 0;

/** The store with every request counted: collection chains are wrapped, operators (`command`) are not. */
function counting<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, p, receiver) {
      const v = Reflect.get(t, p, receiver);
      if (typeof v !== 'function' || typeof p !== 'string') return v;
      return (...args: unknown[]) => {
        if (TERMINAL.has(p)) requests++;
        const out = v.apply(t, args);
        return out && typeof out === 'object' && typeof (out as Promise<unknown>).then !== 'function' ? counting(out as object) : out;
      };
    },
  });
}

async function measure(name: string, limitMs: number, run: () => Promise<{ ok: boolean; error?: { message: string } }>, times = 3) {
  const ms: number[] = [];
  let made = 0;
  for (let i = 0; i < times; i++) {
    requests = 0;
    const t = process.hrtime.bigint();
    const r = await run();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    made = requests;
    if (!r.ok) throw new Error(`${name}: ${r.error!.message}`);
  }
  const worst = Math.max(...ms);
  console.log(`${name.padEnd(26)} runs=${ms.map((x) => x.toFixed(0)).join('/')} ms  max target ≤ ${limitMs} ms: ${worst <= limitMs ? 'OK' : 'MISSED'}  db requests=${made}`);
}

async function main() {
  const store = openCountyStore();
  const db = getDb();
  setDatabaseFactory(() => counting(db));
  const reports = (action: string, payload: unknown) => FUNCTIONS.reports({ action, payload }, { devOpenid: 'demo-admin' });
  await measure('reports.monthlyBulletin', 2000, () => reports('monthlyBulletin', { month: '2026-10' }));
  await measure('reports.exportBulletin', 5000, () => reports('exportBulletin', { month: '2026-10' }), 1);
  // Freeze a month of the bench store once (a second run finds it frozen and only reads it).
  const published = await reports('monthlyBulletin', { month: '2026-09' });
  if (published.ok && !(published.data as { frozen: boolean }).frozen) {
    const r = await reports('publishBulletin', { month: '2026-09', audience: { roles: ['admin'] } });
    if (!r.ok) throw new Error(r.error.message);
  }
  await measure('frozen monthlyBulletin', 200, () => reports('monthlyBulletin', { month: '2026-09' }), 5);
  await measure('reports.ledger (health)', 2000, () => reports('ledger', { kind: 'health', month: '2026-10' }), 1);
  setDatabaseFactory(null);
  store.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
