/**
 * Benefits numbers (issue 5) on the county-scale store (.data/bench/county, seeded once by the
 * bench and shared with the visits bench): evaluateHousehold p95 ≤ 10 ms through the function
 * layer; the county-wide 应享未享 sweep (30,000 households) ≤ 3 s; and the same households
 * evaluated in memory by our rules and by the same rules in json-rules-engine (≥ 10× faster).
 * Each action goes through the harness (requests, simulated round trips; see harness.ts).
 */
import { ruleHouseholdsWhere } from '../../cloudfunctions/core/households/household.repository';
import { householdsWithEmergency } from '../../cloudfunctions/core/needs/need.repository';
import { evaluateFamily, factsFromHousehold, type FamilyFacts } from '../../cloudfunctions/core/benefits/evaluate';
import { emergencySince } from '../../cloudfunctions/core/benefits/gaps.service';
import { paramsAt } from '../../cloudfunctions/core/benefits/params';
import { loadPolicies } from '../../cloudfunctions/core/benefits/policy.repository';
import { dateOf } from '../../cloudfunctions/core/time';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { ACTIONS, COUNTY_ADMIN, loadFixture } from './actions';
import { NOW, bench, benchMain, msSince, runMain } from './harness';
import { jsonRulesEvaluator } from './benefits-json-rules';

const ms = msSince;
const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');

async function benchEvaluateHousehold(): Promise<void> {
  const ids = Array.from({ length: 300 }, (_, i) => `hh-${String(1 + i * 97).padStart(6, '0')}`);
  await bench({
    name: 'benefits.evaluateHousehold',
    n: ids.length,
    warm: 20,
    localTargetMs: 10,
    run: (i) => FUNCTIONS.benefits({ action: 'evaluateHousehold', payload: { householdId: ids[i % ids.length] } }, { devOpenid: COUNTY_ADMIN }),
  });
}

/** The county-wide 应享未享 sweep: an admin report (≤ 20 requests, ≤ 2 s with the simulated round trip), ≤ 3 s locally. */
async function benchSweep(): Promise<void> {
  const fixture = await loadFixture();
  await bench({
    name: 'benefits.listGaps',
    run: (i) => ACTIONS['benefits.listGaps'](fixture, i),
    n: 3,
    warm: 1,
    simN: 2,
    localTargetMs: 3000,
    maxRequests: 20,
    simTargetMs: 2000,
  });
}

/** Both evaluators over the same families; their entitled sets must agree, or the comparison is void. */
async function benchAgainstJsonRules(): Promise<void> {
  const date = dateOf(NOW);
  const households = await ruleHouseholdsWhere({ countyId: 'county-1' });
  const emergencies = await householdsWithEmergency(
    households.map((h) => h._id),
    emergencySince(NOW),
  );
  const families: FamilyFacts[] = households
    .filter((h) => h.members.length)
    .map((h) => factsFromHousehold(h, { emergencyInLast90Days: emergencies.has(h._id) }));
  const policies = await loadPolicies();
  // Both sides keep only the entitled keys per family, so neither pays for holding the other's output.
  let reasonless = 0;
  let t = process.hrtime.bigint();
  const ours: Set<string>[] = [];
  for (const f of families) {
    const entitled = new Set<string>();
    for (const d of evaluateFamily(f, date, policies)) {
      if (d.reasons.length === 0) reasonless++;
      if (d.entitled) entitled.add(`${d.policy}|${d.member ?? ''}`);
    }
    ours.push(entitled);
  }
  const oursMs = ms(t);
  const evaluate = jsonRulesEvaluator(
    paramsAt(
      policies.find((p) => p.code === 'dibao')!,
      date,
    ).params.standard,
  );
  t = process.hrtime.bigint();
  const theirs: Set<string>[] = [];
  for (const f of families) theirs.push(await evaluate(f, date));
  const theirsMs = ms(t);
  let mismatches = 0;
  ours.forEach((mine, i) => {
    if (mine.size !== theirs[i].size || [...mine].some((k) => !theirs[i].has(k))) mismatches++;
  });
  const ratio = theirsMs / oursMs;
  console.log(
    `rules: ours ${oursMs.toFixed(0)} ms vs json-rules-engine ${theirsMs.toFixed(0)} ms over ${families.length} households → ${ratio.toFixed(1)}× faster (target ≥ 10×: ${verdict(ratio >= 10)}); decisions without reasons: ${reasonless}; households where the two disagree: ${mismatches}`,
  );
}

runMain(() =>
  benchMain('benefits (issue 5)', async () => {
    await benchEvaluateHousehold();
    await benchSweep();
    await benchAgainstJsonRules();
  }),
);
