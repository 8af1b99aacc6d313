/**
 * A helper's actions on the county-scale store (LARGE_COUNTY: 30k households, 3k helpers, ~1M
 * visits; seeded once into .data/bench/county), through the function layer exactly as the host
 * calls it, each through the harness (requests, local p50/p95, p50/p95 with the simulated round
 * trip, ratio to the raw queries). Budgets (issues 4, 21): at most 5 requests each, ≤ 100 ms with
 * 10 ms per request; households.get within 5× its raw queries; listDue p95 ≤ 20 ms and record
 * p95 ≤ 15 ms locally; a first call within 2× a warm one.
 */
import { randomUUID } from 'node:crypto';
import { getDb } from '../../cloudfunctions/core/store';
import { openGapsByHousehold } from '../../cloudfunctions/core/benefits/gaps.service';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { ACTIONS, loadFixture, rawQueries } from './actions';
import { NOW, bench, benchMain, coldStart, msSince, pct, runMain } from './harness';

const HELPER_READ = { maxRequests: 5, simTargetMs: 100 };

runMain(() =>
  benchMain('helper actions (visits, households.get)', async (store) => {
    const fixture = await loadFixture();
    const raw = rawQueries(store.engine.sqlite);
    const n = fixture.helpers.length;
    await bench({ name: 'visits.listDue', run: (i) => ACTIONS['visits.listDue'](fixture, i), n, localTargetMs: 20, ...HELPER_READ });
    // listDue's share spent in the benefits engine (open 应享未享 gaps of the helper's households).
    const gapTimes: number[] = [];
    for (const h of fixture.helpers.slice(0, 100)) {
      const { data } = await getDb().collection('pairings').where({ helperId: h.userId, active: true }).limit(1000).get();
      const t = process.hrtime.bigint();
      await openGapsByHousehold(
        data.map((p) => p.householdId as string),
        NOW,
      );
      gapTimes.push(msSince(t));
    }
    console.log(`  of which openGapsByHousehold p50=${pct(gapTimes, 50).toFixed(1)} ms  p95=${pct(gapTimes, 95).toFixed(1)} ms`);
    await bench({
      name: 'households.get',
      run: (i) => ACTIONS['households.get'](fixture, i),
      n,
      raw: (i) => {
        const h = fixture.helpers[i % n];
        return raw.householdGet(h.openid, h.userId, h.householdId);
      },
      maxRawRatio: 5,
      ...HELPER_READ,
    });
    await bench({
      name: 'visits.record',
      run: (i) => {
        const h = fixture.helpers[i % n];
        const payload = { id: randomUUID(), householdId: h.householdId, visitedAt: '2026-11-19T10:00:00+08:00', occasion: 'routine', notes: 'bench' };
        return FUNCTIONS.visits({ action: 'record', payload }, { devOpenid: h.openid });
      },
      n: 100,
      warm: 0,
      localTargetMs: 15,
      ...HELPER_READ,
    });
    coldStart('visits.listDue', fixture);
    coldStart('households.get', fixture);
  }),
);
