import { clock } from '../../cloudfunctions/core/clock';
import { callRaw, call, freshDemoStore, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => { store = freshDemoStore({ seed: false }); });
afterAll(() => { clock.set(null); store.close(); });

const SPEC_EXAMPLE = {
  date: '2025-06-01',
  household: {
    status: 'exited_enjoying', housingGrade: 'B', safeWater: true, emergencyInLast90Days: false,
    incomes: [{ year: 2023, amount: 30000 }, { year: 2024, amount: 18000 }],
    medicalExpenses: [{ date: '2025-03-01', outOfPocket: 12000 }],
    members: [{ birthDate: '1960-01-01', schooling: 'none', laborCapacity: 'none', hasSupporter: false }],
  },
};

describe('monitoring.assess (the family self-check, no login)', () => {
  it('answers anyone, with one entry per household rule and per member for member rules, each with reasons', async () => {
    const answer = await ok(call('monitoring', 'assess', SPEC_EXAMPLE));
    expect(answer.risks.map((r) => [r.rule, r.member, r.triggered])).toEqual([
      ['income_below_line', null, false],
      ['income_drop', null, true],
      ['medical_burden', null, true],
      ['sudden_hardship', null, false],
      ['housing_unsafe', null, false],
      ['water_unsafe', null, false],
      ['dropout_risk', 0, false],
      ['no_support', null, true],
    ]);
    expect(answer.risks.find((r) => r.rule === 'income_drop')!.reasons).toEqual(['2023 年人均纯收入 30,000 元，2024 年 18,000 元，下降 40%，达到 30%']);
    expect(answer).toMatchObject({ level: 'high', suggestedType: 'sudden_hardship' });
  });

  it('without a date assesses on today in China time', async () => {
    clock.set('2024-12-31T16:30:00.000Z'); // 00:30 on 1 January 2025 in China: the 8,500 line applies
    const { date: _d, ...withoutDate } = SPEC_EXAMPLE;
    const h = { ...withoutDate, household: { ...SPEC_EXAMPLE.household, incomes: [{ year: 2024, amount: 8_200 }], medicalExpenses: [] } };
    const answer = await ok(call('monitoring', 'assess', h));
    expect(answer.risks[0]).toMatchObject({ rule: 'income_below_line', triggered: true });
    clock.set(null);
  });

  it('refuses a malformed family in Chinese, naming the field', async () => {
    const answer = await callRaw('monitoring', 'assess', { household: { status: 'none', incomes: [{ year: 2024, amount: -1 }], members: [] } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((answer as { error: { message: string } }).error.message).toMatch(/不能为负数|至少填写一位家庭成员/);
  });
});
