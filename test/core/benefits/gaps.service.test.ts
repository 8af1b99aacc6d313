import { getDb } from '../../../cloudfunctions/core/store';
import { openGapsByHousehold, sweepHouseholds } from '../../../cloudfunctions/core/benefits/gaps.service';
import { ruleHouseholdsByIds } from '../../../cloudfunctions/core/benefits/benefit.repository';
import { freshDemoStore, SEED_NOW } from '../../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => { store = freshDemoStore(); });
afterAll(() => store.close());

const ids = Array.from({ length: 300 }, (_, i) => `hh-${String(i + 1).padStart(6, '0')}`);

async function firstUnpaid() {
  const swept = await sweepHouseholds(await ruleHouseholdsByIds(ids), SEED_NOW);
  for (const s of swept) {
    const gap = s.gaps.find((g) => g.kind === 'unpaid' && g.policy !== 'temporary_aid');
    if (gap) return { household: s.household, gap };
  }
  throw new Error('the demo seed should leave some entitled benefits unpaid');
}

describe('openGapsByHousehold (应享未享 per household)', () => {
  it('counts a gap for every household of the seed, and finds some unpaid ones', async () => {
    const gaps = await openGapsByHousehold(ids, SEED_NOW);
    expect(gaps.size).toBe(300);
    const withGaps = [...gaps.values()].filter((n) => n > 0).length;
    expect(withGaps).toBeGreaterThan(10);
    expect(withGaps).toBeLessThan(300);
  });

  it('closes a gap by itself once a benefit record for this year arrives', async () => {
    const { household, gap } = await firstUnpaid();
    const before = (await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)!;
    await getDb().collection('benefits').add({
      _id: `test-${household._id}-${gap.policy}`, householdId: household._id, memberId: gap.memberId, policy: gap.policy,
      countyId: 'county-1', townId: 'town-x', villageId: household.villageId, period: '2026', amount: gap.amount, paidOn: '2026-11-01', createdAt: SEED_NOW.toISOString(),
    });
    expect((await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)).toBe(before - 1);
  });

  it('does not count last year\'s record as paid this year', async () => {
    const { household, gap } = await firstUnpaid();
    const before = (await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)!;
    await getDb().collection('benefits').add({
      _id: `test-old-${household._id}-${gap.policy}`, householdId: household._id, memberId: gap.memberId, policy: gap.policy,
      countyId: 'county-1', townId: 'town-x', villageId: household.villageId, period: '2025', amount: gap.amount, paidOn: '2025-11-01', createdAt: SEED_NOW.toISOString(),
    });
    expect((await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)).toBe(before);
  });

  it('answers nothing for unknown households', async () => {
    expect((await openGapsByHousehold(['hh-nope'], SEED_NOW)).size).toBe(0);
  });
});
