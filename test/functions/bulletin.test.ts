import { freshDemoStore, call, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => { store = freshDemoStore({ now: '2026-11-20T06:00:00Z' }); });
afterAll(() => store.close());

const bulletin = (month: string, openid = 'demo-admin') => ok(call('reports', 'monthlyBulletin', { month }, openid));

describe('reports.monthlyBulletin', () => {
  it('answers last month for the county: every town ranked and banded, figures that add up', async () => {
    const b = await bulletin('2026-10');
    expect(b.frozen).toBe(false);
    expect(b.byTown.map((r) => r.name).sort()).toEqual(['云溪镇', '白石乡', '青禾镇'].sort());
    expect(b.byTown.map((r) => r.band)).toEqual(['green', 'yellow', 'red']);
    expect(b.byTown.reduce((s, r) => s + r.paired, 0)).toBe(b.totals.paired);
    expect(b.byVillage.reduce((s, r) => s + r.visited, 0)).toBe(b.totals.visited);
    expect(b.byHelper.reduce((s, r) => s + r.paired, 0)).toBe(b.totals.paired);
    for (const r of [...b.byTown, ...b.byVillage, ...b.byUnit, ...b.byHelper]) {
      expect(r.coverage).toBeGreaterThanOrEqual(0);
      expect(r.coverage).toBeLessThanOrEqual(1);
    }
    expect(b.trend.map((t) => t.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(b.trend[5].visited).toBe(b.totals.visited);
    expect(b.highlights[0]).toContain(b.byTown[0].name);
    expect(b.weaknesses[0]).toContain(b.byTown[2].name);
  });

  it('shows a town admin only their town', async () => {
    const b = await bulletin('2026-10', 'demo-town-admin');
    expect(b.regionName).toBe('青禾镇');
    expect(b.byTown.map((r) => r.name)).toEqual(['青禾镇']);
    const county = await bulletin('2026-10');
    const town = county.byTown.find((r) => r.name === '青禾镇')!;
    expect([b.totals.paired, b.totals.visited, b.totals.score]).toEqual([town.paired, town.visited, town.score]);
    expect(b.byVillage.every((v) => v.note === '青禾镇')).toBe(true);
  });

  it('answers the month under way, and refuses a month not yet begun', async () => {
    expect((await bulletin('2026-11')).month).toBe('2026-11');
    const refused = await call('reports', 'monthlyBulletin', { month: '2026-12' }, 'demo-admin');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('INVALID_INPUT');
      expect(refused.error.message).toBe('2026-12 还没有开始，只能查看本月及以前的月度通报');
    }
  });
});
