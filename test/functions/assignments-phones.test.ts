import { getDb } from '../../cloudfunctions/core/store';
import { call, freshDemoStore, SEED_NOW } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const helpersOf = async (openid: string | undefined, householdId = 'hh-000001', history = false) =>
  (await call('assignments', 'listByHousehold', { householdId, history }, openid)) as any;
const phones = (r: any) => r.data.items.filter((p: any) => p.active).map((p: any) => p.phone);

describe("assignments.listByHousehold: who gets the helpers' phones", () => {
  it.each([
    ["the household's own member", 'demo-household'],
    ['the village admin of its village', 'demo-village-admin'],
    ['the county admin', 'demo-admin'],
    ['its primary helper', 'demo-helper'],
    // Helpers of one household coordinate visits, so they may call each other.
    ['its health helper (the family doctor)', 'demo-doctor'],
  ])('%s gets a phone for every current helper', async (_who, openid) => {
    const r = await helpersOf(openid);
    expect(r.ok).toBe(true);
    expect(phones(r).length).toBeGreaterThanOrEqual(2);
    expect(phones(r).every((p: string) => /^1\d{10}$/.test(p))).toBe(true);
  });

  it.each([
    ['a helper not paired with it', 'helper-2', 'hh-000001'],
    ['a village admin of another village', 'demo-village-admin', 'hh-000002'],
    ['a member of another household', 'demo-household', 'hh-000002'],
    ['an unbound WeChat user', 'wx-unbound', 'hh-000001'],
    ['an anonymous caller', undefined, 'hh-000001'],
  ])('%s gets no phone at all', async (_who, openid, householdId) => {
    const r = await helpersOf(openid, householdId);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/1\d{10}/);
  });

  it('sends no phone for an ended pairing or a helper whose account is deactivated', async () => {
    const { data } = await getDb().collection('pairings').where({ householdId: 'hh-000001', role: 'health', active: true }).get();
    await getDb().collection('users').doc(data[0].helperId).update({ active: false });
    const r = await helpersOf('demo-household');
    const health = r.data.items.find((p: any) => p.role === 'health');
    expect(health).toMatchObject({ active: true, phone: null });
    const history = await helpersOf('demo-admin', 'hh-000001', true);
    expect(history.data.items.filter((p: any) => !p.active).every((p: any) => p.phone === null)).toBe(true);
  });
});
