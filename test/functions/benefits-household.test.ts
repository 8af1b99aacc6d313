import { call, freshDemoStore, SEED_NOW, ok as data } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

describe('benefits.evaluateHousehold (我的政策)', () => {
  it("gives the bound household its own decisions with reasons, this year's records and its open gap", async () => {
    const b = await data(call('benefits', 'evaluateHousehold', {}, 'demo-household'));
    expect(b.householdId).toBe('hh-000001');
    expect(b.decisions.length).toBeGreaterThan(16);
    expect(b.decisions.every((d: any) => d.reasons.length > 0)).toBe(true);
    expect(b.received.length).toBeGreaterThan(0);
    expect(b.gaps.length).toBeGreaterThan(0);
    expect(b.contact).toEqual({ kind: 'helper', name: expect.any(String), phone: expect.stringMatching(/^1\d{10}$/) });
  });

  it.each([
    ['a household asking for another household', 'demo-household', 'hh-000002'],
    ['a helper asking for a household they are not paired with', 'demo-helper', 'hh-000005'],
    ['a village admin asking for a household of another village', 'demo-village-admin', 'hh-000002'],
    ['anyone asking for a household that does not exist', 'demo-admin', 'hh-999999'],
  ])('answers NOT_FOUND to %s', async (_name, openid, householdId) => {
    expect(await call('benefits', 'evaluateHousehold', { householdId }, openid)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("lets the paired helper and the county admin read the household, without the helper's phone", async () => {
    for (const openid of ['demo-helper', 'demo-admin']) {
      const b = await data(call('benefits', 'evaluateHousehold', { householdId: 'hh-000001' }, openid));
      expect(b.gaps.length).toBeGreaterThan(0);
      expect(b.contact!.phone).toBeNull();
    }
  });

  it('refuses callers without an account', async () => {
    expect(await call('benefits', 'evaluateHousehold', {}, 'someone-unbound')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('benefits.listGaps (应享未享 sweep)', () => {
  it('hands the helper only gaps of their own households, each with its primary helper', async () => {
    const gaps = await data(call('benefits', 'listGaps', { limit: 100 }, 'demo-helper'));
    expect(gaps.total).toBeGreaterThan(0);
    expect(gaps.items.some((g: any) => g.householdId === 'hh-000001')).toBe(true);
    const own = await data(call('assignments', 'listByHelper', {}, 'demo-helper'));
    const mine = new Set(own.items.map((p: any) => p.householdId));
    expect(gaps.items.every((g: any) => mine.has(g.householdId))).toBe(true);
  });

  it('keeps a town admin inside their town while the county admin sees more', async () => {
    const town = await data(call('benefits', 'listGaps', { limit: 100 }, 'demo-town-admin'));
    const county = await data(call('benefits', 'listGaps', { limit: 1 }, 'demo-admin'));
    expect(county.total).toBeGreaterThan(town.total);
    const households = await Promise.all(
      town.items.map((g: any) => data(call('benefits', 'evaluateHousehold', { householdId: g.householdId }, 'demo-town-admin'))),
    );
    expect(households.length).toBe(town.items.length);
  });

  it('filters by policy', async () => {
    const dibao = await data(call('benefits', 'listGaps', { limit: 100, policy: 'dibao' }, 'demo-admin'));
    expect(dibao.items.every((g: any) => g.policy === 'dibao')).toBe(true);
  });

  it('is not open to households', async () => {
    expect(await call('benefits', 'listGaps', {}, 'demo-household')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('benefits.recordDisbursement', () => {
  const unpaid = async () => {
    const gaps = await data(call('benefits', 'listGaps', { limit: 100, policy: 'medical_premium' }, 'demo-admin'));
    const gap = gaps.items.find((g: any) => g.kind === 'unpaid');
    if (!gap) throw new Error('the seed should leave a medical premium unpaid');
    return gap;
  };

  it('closes the gap it pays, and stores a retry only once', async () => {
    const gap = await unpaid();
    const record = { householdId: gap.householdId, memberId: gap.memberId, policy: 'medical_premium', period: '2026', amount: 100, paidOn: '2026-11-10' };
    const first = await data(call('benefits', 'recordDisbursement', record, 'demo-admin'));
    const again = await data(call('benefits', 'recordDisbursement', record, 'demo-admin'));
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again._id).toBe(first._id);
    const after = await data(call('benefits', 'listGaps', { limit: 100, householdId: gap.householdId }, 'demo-admin'));
    expect(after.items.some((g: any) => g.policy === 'medical_premium' && g.memberId === gap.memberId)).toBe(false);
    const changed = await call('benefits', 'recordDisbursement', { ...record, amount: 120 }, 'demo-admin');
    expect(changed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it.each([
    ['a member-level policy without a member', { memberId: null }, '请指定家庭成员'],
    ['a payment dated in the future', { paidOn: '2027-01-05' }, '晚于今天'],
    ['a malformed period', { period: '26' }, '发放期间'],
    ['a negative amount', { amount: -5 }, '不能为负数'],
  ])('refuses %s', async (_name, change, text) => {
    const record = {
      householdId: 'hh-000001',
      memberId: 'hh-000001-m1',
      policy: 'medical_premium',
      period: '2026',
      amount: 100,
      paidOn: '2026-11-10',
      ...change,
    };
    expect(await call('benefits', 'recordDisbursement', record, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining(text) },
    });
  });

  it("refuses households outside the admin's region and non-admins", async () => {
    const record = { householdId: 'hh-000002', memberId: null, policy: 'pay_after_care', period: '2026', amount: null, paidOn: '2026-11-10' };
    expect(await call('benefits', 'recordDisbursement', record, 'demo-village-admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('benefits', 'recordDisbursement', record, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("lists records of the admin's region with names, newest first", async () => {
    const list = await data(call('benefits', 'listRecords', { limit: 5, householdId: 'hh-000001' }, 'demo-admin'));
    expect(list.total).toBeGreaterThan(0);
    expect(list.items[0]).toMatchObject({ householdId: 'hh-000001', headName: expect.any(String) });
    const other = await data(call('benefits', 'listRecords', { limit: 5, householdId: 'hh-000002' }, 'demo-village-admin'));
    expect(other.total).toBe(0);
  });
});
