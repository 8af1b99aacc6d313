/**
 * 应享未享 read paths on the county-scale store (issue #21): each action's round trips to the
 * database and its time, plain and with BANGFU_SIM_RTT_MS of simulated latency per request
 * (default 10). Budgets: an admin report ≤ 20 requests, a helper's action ≤ 5, the county list
 * ≤ 5 s at 10 ms per request. Counts requests at the SDK's seam (Db.reqClass), as CloudBase would bill them.
 */
import { Db } from '../../cloudfunctions/core/store/embedded/sdk';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { openCountyStore } from './county-store';

const RTT = Number(process.env.BANGFU_SIM_RTT_MS ?? 10);
let requests = 0;
let delay = 0;

function countRequests(): void {
  const proto = (Db as unknown as { reqClass: { prototype: { send: (...a: unknown[]) => Promise<unknown> } } }).reqClass.prototype;
  const send = proto.send;
  proto.send = async function counted(this: unknown, ...args: unknown[]) {
    requests++;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    return send.apply(this, args);
  };
}

type Fn = keyof typeof FUNCTIONS;
const CASES: Array<[string, Fn, string, unknown, string, number]> = [
  ['benefits.listGaps county (admin)', 'benefits', 'listGaps', { limit: 20 }, 'demo-admin', 20],
  ['benefits.listGaps county, one policy', 'benefits', 'listGaps', { limit: 20, policy: 'dibao' }, 'demo-admin', 20],
  ['benefits.listGaps town (admin)', 'benefits', 'listGaps', { limit: 20 }, 'demo-town-admin', 20],
  ['benefits.listGaps (helper)', 'benefits', 'listGaps', { limit: 20 }, 'demo-helper', 5],
  ['visits.listDue (helper)', 'visits', 'listDue', {}, 'demo-helper', 5],
  ['households.list hasGaps county', 'households', 'list', { limit: 20, hasGaps: true }, 'demo-admin', 20],
  ['reports.monthlyBulletin county 2026-10', 'reports', 'monthlyBulletin', { month: '2026-10' }, 'demo-admin', Infinity],
];

async function measure(fn: Fn, action: string, payload: unknown, openid: string): Promise<{ ms: number; requests: number; total?: number }> {
  requests = 0;
  const t = process.hrtime.bigint();
  const r = await FUNCTIONS[fn]({ action, payload }, { devOpenid: openid });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (!r.ok) throw new Error(`${fn}.${action}: ${r.error.message}`);
  return { ms, requests, total: (r.data as { total?: number }).total };
}

async function main() {
  const store = openCountyStore();
  countRequests();
  for (const [name, fn, action, payload, openid, budget] of CASES) {
    await measure(fn, action, payload, openid);
    const plain = await measure(fn, action, payload, openid);
    delay = RTT;
    const slow = await measure(fn, action, payload, openid);
    delay = 0;
    const within = plain.requests <= budget ? 'OK' : 'MISSED';
    console.log(
      `${name}: ${plain.requests} requests (budget ${budget === Infinity ? '—' : budget}: ${within}) ${plain.ms.toFixed(0)} ms; at ${RTT} ms/request ${slow.ms.toFixed(0)} ms${plain.total !== undefined ? `  → total ${plain.total}` : ''}`,
    );
  }
  store.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
