import { freshDemoStore, call } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
afterAll(() => store.close());

const SPEC_EXAMPLE = {
  date: '2021-03-01',
  household: {
    status: 'poor',
    annualNetIncome: 9000,
    housingGrade: 'C',
    emergencyInLast90Days: false,
    members: [
      {
        birthDate: '1958-05-02',
        disabilityLevel: 0,
        chronicIllness: true,
        chronicApproved: false,
        schooling: 'none',
        laborCapacity: 'partial',
        employed: false,
        hasIncome: true,
        hasSupporter: true,
      },
    ],
  },
};

describe('benefits.calculate (public calculator, SPEC §3)', () => {
  it('answers the SPEC example without a login, with the dibao reason word for word', async () => {
    const result = await call('benefits', 'calculate', SPEC_EXAMPLE);
    if (!result.ok) throw new Error(result.error.message);
    const decisions = (result.data as any).decisions;
    expect(decisions.find((d: any) => d.policy === 'dibao')).toEqual({
      policy: 'dibao',
      member: null,
      entitled: false,
      amount: null,
      reasons: ['家庭年人均收入 9,000 元，不低于低保标准 5,160 元'],
    });
    expect(decisions.find((d: any) => d.policy === 'housing_repair')).toMatchObject({ entitled: true, amount: 15000 });
    expect(decisions.find((d: any) => d.policy === 'early_pension')).toMatchObject({ member: 0, entitled: false });
  });

  it.each([
    ['a negative income', { annualNetIncome: -1 }, '不能为负数'],
    ['an unknown schooling', { members: [{ ...SPEC_EXAMPLE.household.members[0], schooling: 'phd' }] }, '在校情况'],
    ['a member born 200 years ago', { members: [{ ...SPEC_EXAMPLE.household.members[0], birthDate: '1821-01-01' }] }, '出生日期'],
  ])('refuses %s with a message a person can act on', async (_name, change, text) => {
    const result = await call('benefits', 'calculate', { ...SPEC_EXAMPLE, household: { ...SPEC_EXAMPLE.household, ...change } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(text) } });
  });

  it('lists the seeded catalogue of 16 policies', async () => {
    const result = await call('benefits', 'listPolicies', {});
    expect(result.ok && (result.data as any).items).toHaveLength(16);
  });
});
