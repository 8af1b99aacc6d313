import { benefitRecordId } from '../../../cloudfunctions/core/benefits/benefit-id';
import { getDb } from '../../../cloudfunctions/core/store';
import { openGapsByHousehold, sweepHouseholds } from '../../../cloudfunctions/core/benefits/gaps.service';
import { writeRecord } from '../../../cloudfunctions/core/benefits/disbursement.service';
import type { FoundGap } from '../../../cloudfunctions/core/benefits/gaps.rules';
import { householdsByIds, ruleHouseholdsByIds, saveHousehold } from '../../../cloudfunctions/core/households/household.repository';
import { freshDemoStore, SEED_NOW } from '../../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
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

/** Records the gap's benefit for `period` the way entry and import do. */
async function pay(householdId: string, gap: FoundGap, period: string) {
  const [household] = await householdsByIds([householdId]);
  const input = { householdId, memberId: gap.memberId, policy: gap.policy, period, amount: gap.amount ?? 100, paidOn: `${period.slice(0, 4)}-11-01` };
  return writeRecord(household, input, 'test', SEED_NOW);
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
    await pay(household._id, gap, '2026');
    expect((await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)).toBe(before - 1);
  });

  it("does not count last year's record as paid this year", async () => {
    const { household, gap } = await firstUnpaid();
    const before = (await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)!;
    await pay(household._id, gap, '2025');
    expect((await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)).toBe(before);
  });

  it('counts a monthly record (YYYY-MM) as paid for its year, and a record sent twice once', async () => {
    const { household, gap } = await firstUnpaid();
    const before = (await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)!;
    expect((await pay(household._id, gap, '2026-03')).created).toBe(true);
    expect((await pay(household._id, gap, '2026-03')).created).toBe(false);
    expect((await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)).toBe(before - 1);
  });

  it('completes the paid keys of the household when a record stored before a crash is sent again', async () => {
    const { household, gap } = await firstUnpaid();
    const before = (await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)!;
    const input = { householdId: household._id, memberId: gap.memberId, policy: gap.policy, period: '2026', amount: gap.amount ?? 100, paidOn: '2026-11-01' };
    // The record reached the database, its note did not (the function died in between).
    await getDb()
      .collection('benefits')
      .add({
        ...input,
        _id: benefitRecordId(input),
        countyId: 'county-1',
        townId: 'town-x',
        villageId: household.villageId,
        createdAt: SEED_NOW.toISOString(),
        source: 'test',
      });
    expect((await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)).toBe(before);
    expect((await pay(household._id, gap, '2026')).created).toBe(false);
    expect((await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)).toBe(before - 1);
  });

  it('keeps a payment noted while someone was editing the household', async () => {
    const { household, gap } = await firstUnpaid();
    const [editing] = await householdsByIds([household._id]);
    const before = (await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)!;
    await pay(household._id, gap, '2026');
    await saveHousehold({ ...editing, annualNetIncome: editing.annualNetIncome + 1 }, editing.version);
    expect((await openGapsByHousehold([household._id], SEED_NOW)).get(household._id)).toBeLessThan(before);
  });

  it('answers nothing for unknown households', async () => {
    expect((await openGapsByHousehold(['hh-nope'], SEED_NOW)).size).toBe(0);
  });
});

describe('what the sweep reads of a household (ruleFacts)', () => {
  it('reads a household written before ruleFacts existed from its members, the same as one with them', async () => {
    const [before] = await ruleHouseholdsByIds(['hh-000010']);
    await getDb().collection('households').doc('hh-000010').update({ ruleFacts: getDb().command.remove() });
    const { data } = await getDb().collection('households').doc('hh-000010').get();
    expect(data[0].ruleFacts).toBeUndefined();
    const [after] = await ruleHouseholdsByIds(['hh-000010', 'hh-000011']);
    expect(after).toEqual(before);
  });

  it('follows a household and a member edited through the household repository', async () => {
    const [household] = await householdsByIds(['hh-000012']);
    const members = household.members.map((m, i) => (i === 0 ? { ...m, disabilityLevel: 2, health: 'chronic' as const } : m));
    const status = household.status === 'poor' ? 'monitored' : 'poor';
    await saveHousehold({ ...household, members, status, annualNetIncome: 1234, housingGrade: 'D' }, household.version);
    const [read] = await ruleHouseholdsByIds(['hh-000012']);
    expect(read).toMatchObject({ status, annualNetIncome: 1234, housingGrade: 'D', headName: household.headName, villageId: household.villageId });
    expect(read.members[0]).toMatchObject({ id: household.members[0].id, disabilityLevel: 2, health: 'chronic' });
    expect(read.members).toHaveLength(household.members.length);
  });
});
