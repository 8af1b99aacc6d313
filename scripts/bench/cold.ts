/**
 * `tsx scripts/bench/cold.ts <action> <fixture JSON>`: one action's first call in a fresh process
 * (a function instance, or the host, just started) and its warm calls after, on the county store.
 * Prints one JSON line `{ first, warm }` (ms; warm is the p50 of 10 calls). Run by
 * harness.coldStart, which hands over the callers so that nothing is read before the first call.
 */
import { ACTIONS, type Fixture } from './actions';
import { openCountyStore } from './county-store';

async function main() {
  const name = process.argv[2];
  const run = ACTIONS[name];
  if (!run) throw new Error(`unknown action ${name}`);
  const fixture = JSON.parse(process.argv[3]) as Fixture;
  const store = openCountyStore();
  const time = async (i: number) => {
    const t = process.hrtime.bigint();
    const r = await run(fixture, i);
    if (!r.ok) throw new Error(r.error?.message);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const first = await time(0);
  const warm: number[] = [];
  for (let i = 1; i <= 10; i++) warm.push(await time(i));
  warm.sort((a, b) => a - b);
  store.close();
  console.log(JSON.stringify({ first, warm: warm[Math.floor(warm.length / 2)] }));
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
