/**
 * The one bench harness (issue 21). Every timed action goes through `bench()`, which prints on one
 * line: the database requests the call made (counted at the SDK's request seam, where each is a
 * round trip on CloudBase), p50/p95 on the local engine, p50/p95 again with a simulated round trip
 * per request (`BANGFU_SIM_RTT_MS`, 10 ms unless set; 0 turns it off), and, where one applies, the
 * ratio to the raw SQLite query for the same answer. Each script prints the yardstick (a fixed
 * json-rules-engine run, the machine's speed that day) first and last, so a slow day reads as
 * such: judge the ratios and request counts; milliseconds are that day's.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { countRequests } from '../../cloudfunctions/core/store/embedded/meter';
import { ruleHouseholdsByIds } from '../../cloudfunctions/core/households/household.repository';
import { factsFromHousehold } from '../../cloudfunctions/core/benefits/evaluate';
import { paramsAt } from '../../cloudfunctions/core/benefits/params';
import { loadPolicies } from '../../cloudfunctions/core/benefits/policy.repository';
import { dateOf } from '../../cloudfunctions/core/time';
import type { Fixture } from './actions';
import { jsonRulesEvaluator } from './benefits-json-rules';
import { NOW, openCountyStore } from './county-store';

export { NOW, openCountyStore };

const envRtt = process.env.BANGFU_SIM_RTT_MS;
/** The simulated round trip per request, in ms (CloudBase's are typically 5–20 ms). */
export const SIM_RTT_MS = envRtt === undefined || envRtt === '' ? 10 : Number(envRtt);
if (!Number.isFinite(SIM_RTT_MS) || SIM_RTT_MS < 0) throw new Error(`BANGFU_SIM_RTT_MS must be a number of ms ≥ 0, got ${envRtt}`);

type Answer = { ok: boolean; error?: { message: string }; data?: unknown };

export const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');

export interface BenchSpec {
  name: string;
  /** One call of the action; `i` lets a bench vary the caller or the household. */
  run: (i: number) => Promise<Answer>;
  /** Before each call (warm ones too), neither timed nor counted: puts the store back where the call starts. */
  before?: (i: number) => Promise<void>;
  /** Prints the CPU time of the calls (p50, user + system) beside the wall time: on a shared machine the wall time waits for a core. */
  cpu?: boolean;
  /** CPU p50 at most this (ms): the local target as a loaded machine still measures it. */
  cpuTargetMs?: number;
  /** What the last call answered, for the line (e.g. a sweep's counts). */
  describe?: (data: unknown) => string;
  /** The raw SQLite queries that give the same answer (synchronous, on the engine's connection). */
  raw?: (i: number) => unknown;
  /** Timed local calls (after `warm` untimed ones). */
  n?: number;
  warm?: number;
  /** Timed calls with the simulated round trip. */
  simN?: number;
  /** At most this many requests per call (issue 21: 5 for a helper's or household's action, 20 for an admin report). */
  maxRequests?: number;
  /** p95 with the simulated round trip at most this (ms). */
  simTargetMs?: number;
  /** p95 local at most this (ms): the older absolute targets. */
  localTargetMs?: number;
  /** p50 through the function layer at most this many times the raw query's p50. */
  maxRawRatio?: number;
}

export interface BenchResult {
  name: string;
  requests: number;
  local: { p50: number; p95: number };
  cpu?: { p50: number };
  sim?: { p50: number; p95: number };
  rawRatio?: number;
  checks: Array<{ what: string; ok: boolean }>;
}

const results: BenchResult[] = [];

async function timedCall(spec: BenchSpec, i: number, delayMs: number): Promise<{ ms: number; cpuMs: number; requests: number; data: unknown }> {
  await spec.before?.(i);
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const { result, requests } = await countRequests(() => spec.run(i), delayMs);
  const used = process.cpuUsage(cpu);
  const ms = msSince(t);
  if (!result.ok) throw new Error(`${spec.name}: ${result.error?.message}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, requests, data: result.data };
}

/** Times one action locally and with the simulated round trip, beside its raw query; prints one line. */
export async function bench(spec: BenchSpec): Promise<BenchResult> {
  const n = spec.n ?? 50;
  const simN = spec.simN ?? Math.min(n, 20);
  for (let i = 0; i < (spec.warm ?? 3); i++) {
    await spec.before?.(i);
    await spec.run(i);
  }
  const local: number[] = [];
  const cpu: number[] = [];
  let last: unknown;
  const raw: number[] = [];
  let requests = 0;
  for (let i = 0; i < 3 && spec.raw; i++) spec.raw(i);
  // The raw query runs right after each call, so that both see the same load on a shared machine.
  for (let i = 0; i < n; i++) {
    const r = await timedCall(spec, i, 0);
    local.push(r.ms);
    cpu.push(r.cpuMs);
    last = r.data;
    requests = Math.max(requests, r.requests);
    if (!spec.raw) continue;
    const t = process.hrtime.bigint();
    spec.raw(i);
    raw.push(msSince(t));
  }
  const sim: number[] = [];
  for (let i = 0; i < (SIM_RTT_MS > 0 ? simN : 0); i++) sim.push((await timedCall(spec, i, SIM_RTT_MS)).ms);
  const result: BenchResult = { name: spec.name, requests, local: { p50: pct(local, 50), p95: pct(local, 95) }, checks: [] };
  const parts = [`${spec.name.padEnd(30)} req=${String(requests).padEnd(3)}`, `local p50=${fmt(result.local.p50)} p95=${fmt(result.local.p95)} ms`];
  if (spec.cpu || spec.cpuTargetMs !== undefined) {
    result.cpu = { p50: pct(cpu, 50) };
    parts.push(`(cpu p50=${fmt(result.cpu.p50)} ms)`);
    if (spec.cpuTargetMs !== undefined) result.checks.push({ what: `cpu p50 ≤ ${spec.cpuTargetMs} ms`, ok: result.cpu.p50 <= spec.cpuTargetMs });
  }
  if (spec.maxRequests !== undefined) result.checks.push({ what: `requests ≤ ${spec.maxRequests}`, ok: requests <= spec.maxRequests });
  if (spec.localTargetMs !== undefined) result.checks.push({ what: `local p95 ≤ ${spec.localTargetMs} ms`, ok: result.local.p95 <= spec.localTargetMs });
  if (sim.length) {
    result.sim = { p50: pct(sim, 50), p95: pct(sim, 95) };
    parts.push(`+${SIM_RTT_MS}ms/req p50=${fmt(result.sim.p50)} p95=${fmt(result.sim.p95)} ms`);
    if (spec.simTargetMs !== undefined)
      result.checks.push({ what: `p95 with ${SIM_RTT_MS} ms/req ≤ ${spec.simTargetMs} ms`, ok: result.sim.p95 <= spec.simTargetMs });
  }
  if (raw.length) {
    result.rawRatio = result.local.p50 / pct(raw, 50);
    parts.push(`raw p50=${pct(raw, 50).toFixed(2)} ms → ${result.rawRatio.toFixed(1)}×`);
    if (spec.maxRawRatio !== undefined) result.checks.push({ what: `≤ ${spec.maxRawRatio}× raw`, ok: result.rawRatio <= spec.maxRawRatio });
  }
  const checks = result.checks.map((c) => `${c.what}: ${verdict(c.ok)}`).join(', ');
  if (spec.describe) parts.push(`→ ${spec.describe(last)}`);
  console.log(`${parts.join('  ')}${checks ? `  [${checks}]` : ''}`);
  results.push(result);
  return result;
}

/**
 * The first call of an action in a fresh process (a function instance or the host just started)
 * against its warm calls there: `scripts/bench/cold.ts` runs it in a child process.
 */
export function coldStart(name: string, fixture: Fixture, maxRatio = 2): BenchResult {
  const script = path.join(__dirname, 'cold.ts');
  const child = spawnSync(process.execPath, [...process.execArgv, script, name, JSON.stringify(fixture)], { encoding: 'utf8', env: process.env });
  if (child.status !== 0) throw new Error(`cold start of ${name}: ${child.stderr || child.stdout}`);
  const { first, warm } = JSON.parse(child.stdout.trim().split('\n').pop()!) as { first: number; warm: number };
  const ratio = first / warm;
  const result: BenchResult = {
    name: `${name} (cold)`,
    requests: 0,
    local: { p50: first, p95: first },
    checks: [{ what: `first ≤ ${maxRatio}× warm`, ok: ratio <= maxRatio }],
  };
  console.log(
    `${result.name.padEnd(30)} first call ${fmt(first)} ms, warm p50 ${fmt(warm)} ms → ${ratio.toFixed(1)}×  [first ≤ ${maxRatio}× warm: ${verdict(ratio <= maxRatio)}]`,
  );
  results.push(result);
  return result;
}

const YARDSTICK_HOUSEHOLDS = 1000;
let yardstickFamilies: Awaited<ReturnType<typeof loadYardstick>> | undefined;

async function loadYardstick() {
  const ids = Array.from({ length: YARDSTICK_HOUSEHOLDS }, (_, i) => `hh-${String(1 + i * 30).padStart(6, '0')}`);
  const households = await ruleHouseholdsByIds(ids);
  const families = households.filter((h) => h.members.length).map((h) => factsFromHousehold(h, { emergencyInLast90Days: false }));
  const policies = await loadPolicies();
  const date = dateOf(NOW);
  return {
    families,
    date,
    evaluate: jsonRulesEvaluator(
      paramsAt(
        policies.find((p) => p.code === 'dibao')!,
        date,
      ).params.standard,
    ),
  };
}

/**
 * The machine's speed now: json-rules-engine over a fixed 1,000 households of the county (the
 * same engine and rules as the full-county side-by-side in benefits.ts, a thirtieth of its work).
 */
export async function yardstick(label: string): Promise<number> {
  if (!yardstickFamilies) {
    yardstickFamilies = await loadYardstick();
    // Once untimed, so the figure is the engine's speed, not its JIT warming up.
    for (const f of yardstickFamilies.families) await yardstickFamilies.evaluate(f, yardstickFamilies.date);
  }
  const { families, date, evaluate } = yardstickFamilies;
  const t = process.hrtime.bigint();
  for (const f of families) await evaluate(f, date);
  const ms = msSince(t);
  console.log(`yardstick (${label}): json-rules-engine over ${families.length} households ${ms.toFixed(0)} ms`);
  return ms;
}

/** The budgets of every bench printed so far, held or missed; answers whether all held. */
export function summary(): boolean {
  const missed = results.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => `${r.name}: ${c.what}`));
  const all = results.reduce((n, r) => n + r.checks.length, 0);
  console.log(missed.length ? `budgets: ${all - missed.length}/${all} held; missed: ${missed.join('; ')}` : `budgets: ${all}/${all} held`);
  return !missed.length;
}

/** Runs a bench script between two yardstick runs and ends with its summary. */
export async function benchMain(title: string, body: (store: ReturnType<typeof openCountyStore>) => Promise<void>): Promise<void> {
  const store = openCountyStore();
  try {
    console.log(`— ${title} —`);
    await yardstick('before');
    await body(store);
    await yardstick('after');
    summary();
  } finally {
    store.close();
  }
}

export function runMain(main: () => Promise<void>): void {
  main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
