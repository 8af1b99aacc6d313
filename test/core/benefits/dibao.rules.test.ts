import { aged, decide, decisionOf, family, tekunElder } from './family';

const adults = (n: number, date: string) => Array.from({ length: n }, () => aged(30, {}, date));

describe('dibao (农村最低生活保障)', () => {
  it.each([
    {
      name: '2020-06: a household of 3 with 12,000 yuan income gets dibao of 3,480 yuan',
      date: '2020-06-01',
      size: 3,
      income: 12000,
      amount: 3480,
      reason: '家庭年人均收入 4,000 元，低于 2020年1月1日起执行的低保标准 5,160 元',
    },
    {
      name: '2020-01-01: on the day the 5,160 standard starts, the same household gets 3,480 yuan',
      date: '2020-01-01',
      size: 3,
      income: 12000,
      amount: 3480,
      reason: '家庭年人均收入 4,000 元，低于 2020年1月1日起执行的低保标准 5,160 元',
    },
    {
      name: '2019-12-31: the day before, the same household gets nothing: 4,000 is not below the 3,600 standard',
      date: '2019-12-31',
      size: 3,
      income: 12000,
      amount: null,
      reason: '家庭年人均收入 4,000 元，不低于低保标准 3,600 元',
    },
    {
      name: '2019-06: a household of 2 with 5,000 yuan income gets (3,600 − 2,500) × 2 = 2,200 yuan',
      date: '2019-06-01',
      size: 2,
      income: 5000,
      amount: 2200,
      reason: '家庭年人均收入 2,500 元，低于 2018年1月1日起执行的低保标准 3,600 元',
    },
    {
      name: '2021-03: a household of 2 whose income per head equals the 5,160 standard gets nothing',
      date: '2021-03-01',
      size: 2,
      income: 10320,
      amount: null,
      reason: '家庭年人均收入 5,160 元，不低于低保标准 5,160 元',
    },
    {
      name: '2021-03: a household of 3 one yuan per head under the standard gets 3 yuan',
      date: '2021-03-01',
      size: 3,
      income: 15477,
      amount: 3,
      reason: '家庭年人均收入 5,159 元，低于 2020年1月1日起执行的低保标准 5,160 元',
    },
    {
      name: '2021-03: a household of 3 with 10,000 yuan (3,333.33 per head) gets 5,480 yuan, rounded to the yuan',
      date: '2021-03-01',
      size: 3,
      income: 10000,
      amount: 5480,
      reason: '家庭年人均收入 3,333.33 元，低于 2020年1月1日起执行的低保标准 5,160 元',
    },
    {
      name: '2021-03: a single person without income gets the whole standard, 5,160 yuan',
      date: '2021-03-01',
      size: 1,
      income: 0,
      amount: 5160,
      reason: '家庭年人均收入 0 元，低于 2020年1月1日起执行的低保标准 5,160 元',
    },
  ])('$name', ({ date, size, income, amount, reason }) => {
    const dibao = decisionOf(decide(family(adults(size, date), { annualNetIncome: income }), date), 'dibao');
    expect(dibao).toMatchObject({ member: null, entitled: amount !== null, amount });
    expect(dibao.reasons[0]).toBe(reason);
  });

  it('2021-03: an entitled household is told how the amount is computed', () => {
    const dibao = decisionOf(decide(family(adults(3, '2021-03-01'), { annualNetIncome: 12000 })), 'dibao');
    expect(dibao.reasons).toContain('补差 (5,160 − 4,000) 元 × 3 人 = 3,480 元/年');
  });

  it('2021-03: a not-entitled household gets exactly one reason, the SPEC sentence', () => {
    const dibao = decisionOf(decide(family(adults(1, '2021-03-01'), { annualNetIncome: 9000 })), 'dibao');
    expect(dibao.reasons).toEqual(['家庭年人均收入 9,000 元，不低于低保标准 5,160 元']);
  });

  it('2021-03: dibao does not depend on the registry: a non-registered household with 2,000 yuan gets 3,160 yuan', () => {
    const dibao = decisionOf(decide(family([aged(40)], { status: 'none', annualNetIncome: 2000 })), 'dibao');
    expect(dibao).toMatchObject({ entitled: true, amount: 3160 });
  });
});

describe('dibao and tekun together', () => {
  it('2021-03: a household of an elder on tekun and a worker with 2,000 yuan gets dibao for the worker only: 4,160 yuan', () => {
    const decisions = decide(family([tekunElder(), aged(40)], { annualNetIncome: 2000 }));
    expect(decisionOf(decisions, 'tekun', 0).entitled).toBe(true);
    expect(decisionOf(decisions, 'tekun', 1).entitled).toBe(false);
    const dibao = decisionOf(decisions, 'dibao');
    expect(dibao).toMatchObject({ entitled: true, amount: 4160 });
    expect(dibao.reasons).toContain('其中 1 名成员享受特困人员供养，不计入低保人数');
    expect(dibao.reasons).toContain('补差 (5,160 − 1,000) 元 × 1 人 = 4,160 元/年');
  });

  it('2021-03: a household whose members are all on tekun gets no dibao, and is told why', () => {
    const dibao = decisionOf(decide(family([tekunElder(), tekunElder()], { annualNetIncome: 0 })), 'dibao');
    expect(dibao).toEqual({
      policy: 'dibao',
      member: null,
      entitled: false,
      amount: null,
      reasons: ['家庭年人均收入 0 元，低于 2020年1月1日起执行的低保标准 5,160 元', '全部 2 名成员均享受特困人员供养，不再纳入低保'],
    });
  });

  it('2021-03: a child under 16 with no income or supporter is on tekun and left out of the dibao count', () => {
    const child = aged(10, { laborCapacity: 'none', hasSupporter: false });
    const decisions = decide(family([child, aged(35)], { annualNetIncome: 4000 }));
    expect(decisionOf(decisions, 'tekun', 0)).toMatchObject({ entitled: true, amount: 6708 });
    expect(decisionOf(decisions, 'dibao')).toMatchObject({ entitled: true, amount: 3160 });
  });
});
