import { call, freshDemoStore, SEED_NOW, ok } from '../support/store';

/**
 * Issue 13, item 2: a partial payment is not a payment in full. 2026: a household of 4 whose
 * income was lowered to 11,160 yuan is entitled to 低保 of (5,160 − 2,790) × 4 = 9,480 yuan; with
 * 3,480 yuan paid it is 6,000 yuan short (少享), on 我的政策 and in the admin's 应享未享 sweep.
 */
let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const HH = 'hh-000001';

describe('应享未享 includes 少享', () => {
  it('2026: dibao of 9,480 yuan with 3,480 paid is a short gap of 6,000 yuan, and paying the rest closes it', async () => {
    const h = await ok(call('households', 'get', { householdId: HH }, 'demo-admin'));
    expect(h.members.length).toBe(4);
    await ok(call('households', 'update', { householdId: HH, version: h.version, incomes: [{ year: 2025, amount: 11160 }] }, 'demo-admin'));
    const first = await ok(call('benefits', 'evaluateHousehold', { householdId: HH }, 'demo-admin'));
    expect(first.received.filter((r: any) => r.policy === 'dibao' && r.period.startsWith('2026'))).toEqual([]);
    expect(first.decisions.find((d: any) => d.policy === 'dibao')).toMatchObject({ entitled: true, amount: 9480 });

    await ok(
      call(
        'benefits',
        'recordDisbursement',
        { householdId: HH, memberId: null, policy: 'dibao', period: '2026-01', amount: 3480, paidOn: '2026-01-15' },
        'demo-admin',
      ),
    );

    const short = { householdId: HH, policy: 'dibao', kind: 'short', amount: 9480, received: 3480, shortfall: 6000 };
    const mine = await ok(call('benefits', 'evaluateHousehold', {}, 'demo-household'));
    expect(mine.gaps.filter((g: any) => g.policy === 'dibao')).toEqual([expect.objectContaining(short)]);
    const swept = await ok(call('benefits', 'listGaps', { limit: 100, policy: 'dibao' }, 'demo-admin'));
    expect(swept.items.filter((g: any) => g.householdId === HH)).toEqual([expect.objectContaining(short)]);

    await ok(
      call(
        'benefits',
        'recordDisbursement',
        { householdId: HH, memberId: null, policy: 'dibao', period: '2026-06', amount: 6000, paidOn: '2026-06-15' },
        'demo-admin',
      ),
    );
    const paid = await ok(call('benefits', 'evaluateHousehold', {}, 'demo-household'));
    expect(paid.gaps.filter((g: any) => g.policy === 'dibao')).toEqual([]);
    const resweep = await ok(call('benefits', 'listGaps', { limit: 100, policy: 'dibao' }, 'demo-admin'));
    expect(resweep.items.filter((g: any) => g.householdId === HH)).toEqual([]);
  });

  it('an unpaid gap names what is entitled and nothing received', async () => {
    const swept = await ok(call('benefits', 'listGaps', { limit: 100 }, 'demo-admin'));
    const unpaid = swept.items.find((g: any) => g.kind === 'unpaid' && g.amount !== null);
    expect(unpaid).toMatchObject({ received: null, shortfall: null });
  });
});
