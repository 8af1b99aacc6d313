import { call, freshDemoStore, SEED_NOW, ok } from '../support/store';

/**
 * Issue 13, item 3: 编辑户信息 changes what the household is entitled to at once — the decisions
 * of 我的政策 and the sweep's gaps (read from the derived 规则摘要) both follow the saved income.
 */
let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const dibaoOf = (b: any) => b.decisions.find((d: any) => d.policy === 'dibao');

describe('benefits after 编辑户信息', () => {
  it('an income lowered to 6,000 yuan shows in the next evaluation and in the sweep without any other write', async () => {
    const h = await ok(call('households', 'get', { householdId: 'hh-000001' }, 'demo-admin'));
    const year = h.incomes.at(-1)?.year ?? 2025;
    const perCapita = Math.round(6000 / h.members.length).toLocaleString('en-US');
    const before = await ok(call('benefits', 'evaluateHousehold', { householdId: 'hh-000001' }, 'demo-admin'));
    expect(dibaoOf(before).reasons[0]).not.toContain(`家庭年人均收入 ${perCapita} 元`);

    await ok(call('households', 'update', { householdId: 'hh-000001', version: h.version, incomes: [{ year, amount: 6000 }] }, 'demo-admin'));

    const after = await ok(call('benefits', 'evaluateHousehold', { householdId: 'hh-000001' }, 'demo-admin'));
    expect(dibaoOf(after)).toMatchObject({
      entitled: true,
      reasons: expect.arrayContaining([expect.stringContaining(`家庭年人均收入 ${perCapita} 元，低于`)]),
    });
    const gaps = await ok(call('benefits', 'listGaps', { limit: 100, policy: 'dibao' }, 'demo-admin'));
    const swept = gaps.items.find((g: any) => g.householdId === 'hh-000001');
    expect(swept?.amount ?? null).toBe(after.gaps.find((g: any) => g.policy === 'dibao')?.amount ?? null);
  });
});
