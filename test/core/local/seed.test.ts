import { idNumberProblem } from '../../../types';
import { DEMO_COUNTY, seedCounty } from '../../../cloudfunctions/core/local/seed';

function collect(seed = DEMO_COUNTY.seed) {
  const docs: Record<string, any[]> = {};
  const result = seedCounty({ ...DEMO_COUNTY, seed, now: new Date('2026-11-20T04:00:00Z') }, (c, batch) => {
    (docs[c] ??= []).push(...batch);
  });
  return { docs, result };
}

describe('the demo county seed', () => {
  const { docs, result } = collect();

  it('has 1 county, 3 towns and 12 villages', () => {
    const levels = docs.regions.map((r) => r.level);
    expect(levels.filter((l) => l === 'county')).toHaveLength(1);
    expect(levels.filter((l) => l === 'town')).toHaveLength(3);
    expect(levels.filter((l) => l === 'village')).toHaveLength(12);
  });

  it('has 300 households whose every member ID number passes the GB 11643 checksum, none repeated', () => {
    expect(docs.households).toHaveLength(300);
    const ids = docs.households.flatMap((h) => h.members.map((m: any) => m.idNumber));
    expect(ids.filter((id) => idNumberProblem(id) !== null)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pairs every household with exactly one primary helper', () => {
    const primaries = new Map<string, number>();
    for (const p of docs.pairings.filter((p) => p.role === 'primary')) primaries.set(p.householdId, (primaries.get(p.householdId) ?? 0) + 1);
    expect(primaries.size).toBe(300);
    expect([...primaries.values()].every((n) => n === 1)).toBe(true);
  });

  it('has about 30 helpers of every kind and the SPEC §4 demo accounts', () => {
    const helpers = docs.users.filter((u) => u.role === 'helper');
    expect(helpers).toHaveLength(30);
    expect(new Set(helpers.map((h) => h.helperKind))).toEqual(new Set(['cadre', 'secretary', 'doctor', 'teacher']));
    const openids = docs.users.map((u) => u.openid);
    for (const id of ['demo-admin', 'demo-town-admin', 'demo-helper', 'demo-doctor', 'demo-household']) expect(openids).toContain(id);
  });

  it('gives demo-helper at least 5 households, one of them the demo household', () => {
    const helper = docs.users.find((u) => u.openid === 'demo-helper');
    const household = docs.users.find((u) => u.openid === 'demo-household');
    const mine = docs.pairings.filter((p) => p.helperId === helper._id && p.role === 'primary').map((p) => p.householdId);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(mine).toContain(household.householdId);
  });

  it('has six months of visits, some needs and published notices', () => {
    const months = new Set(docs.visits.map((v) => v.month));
    expect(months.size).toBe(6);
    expect(result.visits).toBe(docs.visits.length);
    expect(docs.needs.length).toBeGreaterThan(5);
    expect(docs.notices.length).toBeGreaterThan(0);
  });

  it("records this year's benefits for most entitled households, leaving some unpaid as gaps to find", () => {
    expect(docs.benefits.length).toBeGreaterThan(300);
    const paidHouseholds = new Set(docs.benefits.map((b) => b.householdId));
    expect(paidHouseholds.size).toBeGreaterThan(250);
    expect(docs.benefits.every((b) => b.period === '2026')).toBe(true);
  });

  it('builds the same county from the same seed', () => {
    const again = collect();
    expect(again.docs.households[42]).toEqual(docs.households[42]);
    expect(again.docs.visits.length).toBe(docs.visits.length);
  });
});

describe('a demo seeded just after midnight in China on the 1st (still the 30th in UTC)', () => {
  const docs: Record<string, any[]> = {};
  seedCounty({ ...DEMO_COUNTY, now: new Date('2026-11-30T17:00:00Z') }, (c, batch) => {
    (docs[c] ??= []).push(...batch);
  });

  it('files every visit under its month in China time, none after the seed time', () => {
    const monthInChina = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 7);
    expect(docs.visits.filter((v) => v.month !== monthInChina(v.visitedAt))).toEqual([]);
    expect(docs.visits.filter((v) => v.visitedAt > '2026-11-30T17:00:00.000Z')).toEqual([]);
    // November is a whole past month there: most households were visited in it.
    expect(new Set(docs.visits.filter((v) => v.month === '2026-11').map((v) => v.householdId)).size).toBeGreaterThan(250);
    expect(docs.visit_months.every((r) => r.month <= '2026-12')).toBe(true);
  });
});
