import { freshDemoStore, call } from '../support/store';
import { clock } from '../../cloudfunctions/core/clock';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => { store = freshDemoStore(); clock.set('2026-11-20T06:00:00Z'); });
afterAll(() => { clock.set(null); store.close(); });

describe('reports.dashboard', () => {
  it('shows the county admin all 300 households, their people and this month\'s visits', async () => {
    const result = await call('reports', 'dashboard', {}, 'demo-admin');
    if (!result.ok) throw new Error(result.error.message);
    const data = result.data as any;
    expect(data.regionName).toBe('青禾县');
    expect(data.households).toBe(300);
    expect(data.people).toBeGreaterThan(300);
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
    expect(data.helpers).toBeLessThan(30);
  });
});
