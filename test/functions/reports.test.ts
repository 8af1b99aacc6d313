import { freshDemoStore, call } from '../support/store';
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
beforeAll(() => { store = freshDemoStore({ now: '2026-11-20T06:00:00Z' }); });
afterAll(() => store.close());

describe('reports.dashboard', () => {
  it('shows the county admin all 300 households, their people and this month\'s visits', async () => {
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
});
