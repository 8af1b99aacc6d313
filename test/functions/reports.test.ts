import { freshDemoStore, call, ok } from '../support/store';
import { getDb } from '../../cloudfunctions/core/store';

/** Households (or people) per status counted the slow way, from every household's members. */
async function fromHouseholds(where: Record<string, string>) {
  const byStatus: Record<string, number> = {};
  let people = 0;
  for (let offset = 0; ; offset += 100) {
    const { data } = await getDb().collection('households').where(where).skip(offset).limit(100).get();
    for (const h of data) {
      byStatus[h.status as string] = (byStatus[h.status as string] ?? 0) + 1;
      people += (h.members as unknown[]).length;
    }
    if (data.length < 100) return { byStatus, people };
  }
}

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: '2026-11-20T06:00:00Z' });
});
afterAll(() => store.close());

describe('reports.dashboard', () => {
  it("shows the county admin all 300 households, their people and this month's visits", async () => {
    const result = await call('reports', 'dashboard', {}, 'demo-admin');
    if (!result.ok) throw new Error(result.error.message);
    const data = result.data as any;
    expect(data.regionName).toBe('青禾县');
    expect(data.households).toBe(300);
    const truth = await fromHouseholds({ countyId: 'county-1' });
    expect(data.people).toBe(truth.people);
    expect(Object.fromEntries(data.byStatus.map((r: any) => [r.status, r.count]))).toEqual(truth.byStatus);
    expect(data.helpers).toBe(30);
    expect(data.byStatus.reduce((s: number, r: any) => s + r.count, 0)).toBe(300);
    expect(data.visitedThisMonth).toBeGreaterThan(0);
    expect(data.visitedThisMonth).toBeLessThanOrEqual(300);
  });

  it('shows a town admin only their town', async () => {
    const result = await call('reports', 'dashboard', {}, 'demo-town-admin');
    if (!result.ok) throw new Error(result.error.message);
    const data = result.data as any;
    expect(data.regionName).toBe('青禾镇');
    expect(data.households).toBe(100);
    expect(data.people).toBe((await fromHouseholds({ townId: 'town-1' })).people);
    expect(data.helpers).toBeLessThan(30);
  });

  it("counts for a village admin the helpers paired with the village's households, who are registered at town level", async () => {
    const result = await call('reports', 'dashboard', {}, 'demo-village-admin');
    if (!result.ok) throw new Error(result.error.message);
    const data = result.data as any;
    const { data: homes } = await getDb()
      .collection('households')
      .where({ villageId: (await getDb().collection('users').doc('admin-village-1').get()).data[0].scope.regionId })
      .field({ _id: true })
      .limit(1000)
      .get();
    const ids = new Set(homes.map((h: any) => h._id));
    const { data: pairs } = await getDb().collection('pairings').where({ active: true }).limit(1000).get();
    const helpers = new Set(pairs.filter((p: any) => ids.has(p.householdId)).map((p: any) => p.helperId));
    expect(helpers.size).toBeGreaterThan(0);
    expect(data.helpers).toBe(helpers.size);
  });
});

describe('reports.dashboard by cause and by village', () => {
  it('counts households per 致贫原因 and per village, as the households say', async () => {
    const data = await ok(call('reports', 'dashboard', {}, 'demo-town-admin'));
    const byCause: Record<string, number> = {};
    const byVillage: Record<string, number> = {};
    const { data: homes } = await getDb().collection('households').where({ townId: 'town-1' }).field({ causes: true, villageId: true }).limit(1000).get();
    for (const h of homes) {
      for (const c of h.causes as string[]) byCause[c] = (byCause[c] ?? 0) + 1;
      byVillage[h.villageId as string] = (byVillage[h.villageId as string] ?? 0) + 1;
    }
    expect(Object.fromEntries(data.byCause.map((r) => [r.cause, r.count]))).toEqual(byCause);
    expect(Object.fromEntries(data.byVillage.map((r) => [r.id, r.count]))).toEqual(byVillage);
    expect(data.byVillage.every((v) => v.townName === '青禾镇')).toBe(true);
  });
});
