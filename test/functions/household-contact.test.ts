import { getDb } from '../../cloudfunctions/core/store';
import { call, freshDemoStore, ok, SEED_NOW } from '../support/store';

/**
 * Issue 13, item 8: a household is told whom to call from one rule (householdContact): its primary
 * helper, or where it has none, its village's 村干部 — by name and with a number to call — on 我的政策
 * and wherever it sees its helpers (home, 我的).
 */
let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const users = () => getDb().collection('users');
const benefits = (openid: string) => ok(call('benefits', 'evaluateHousehold', { householdId: 'hh-000001' }, openid));
const helpers = (openid: string) => ok(call('assignments', 'listByHousehold', { householdId: 'hh-000001', history: false }, openid));

describe('whom a household calls', () => {
  it('a household with a primary helper is told that helper, with the number, on 我的政策 and its helper list alike', async () => {
    const primary = (await helpers('demo-household')).items.find((p) => p.role === 'primary' && p.active)!;
    const expected = { kind: 'helper', name: primary.helperName, phone: primary.phone };
    expect(expected.phone).toMatch(/^1\d{10}$/);
    expect((await benefits('demo-household')).contact).toEqual(expected);
    expect((await helpers('demo-household')).contact).toEqual(expected);
  });

  describe('once its primary helper is gone', () => {
    beforeAll(async () => {
      await users().doc('admin-village-1').update({ phone: '13900001111' });
      await getDb()
        .collection('pairings')
        .where({ householdId: 'hh-000001', role: 'primary', active: true })
        .update({ active: false, until: SEED_NOW.toISOString() });
    });

    it('the household is told its village admin 郑书记 and may call 13900001111', async () => {
      const b = await benefits('demo-household');
      expect(b.contact).toEqual({ kind: 'village_admin', name: '郑书记', phone: '13900001111' });
      expect((await helpers('demo-household')).contact).toEqual(b.contact);
    });

    it("its gaps stay handed to no helper: the village admin is whom the household calls, not the gap's owner", async () => {
      const b = await benefits('demo-household');
      expect(b.gaps.length).toBeGreaterThan(0);
      expect(b.gaps.every((g) => g.helperId === null && g.helperName === null)).toBe(true);
    });

    it('staff see the name but not the number', async () => {
      for (const openid of ['demo-admin', 'demo-doctor']) {
        expect((await benefits(openid)).contact).toEqual({ kind: 'village_admin', name: '郑书记', phone: null });
        expect((await helpers(openid)).contact).toEqual({ kind: 'village_admin', name: '郑书记', phone: null });
      }
    });

    it('with no village admin either, there is no one to name (the page then says to ask the 扶贫办)', async () => {
      await users().doc('admin-village-1').update({ active: false });
      expect((await benefits('demo-household')).contact).toBeNull();
    });
  });
});
