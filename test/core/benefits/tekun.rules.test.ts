import { aged, decide, decisionOf, family } from './family';

const alone = { laborCapacity: 'none', hasIncome: false, hasSupporter: false } as const;

describe('tekun (特困人员供养)', () => {
  it.each([
    { name: '2021-03: a 60-year-old on their 60th birthday, alone and unable to work, gets 6,708 yuan (1.3 × 5,160)', member: aged(60, alone), amount: 6708 },
    { name: '2021-03: the day before their 60th birthday, a 59-year-old is not tekun', member: { ...alone, birthDate: '1961-03-02' }, amount: null },
    { name: '2021-03: a 15-year-old orphan is tekun', member: aged(15, alone), amount: 6708 },
    { name: '2021-03: on their 16th birthday the same child is no longer tekun by age', member: aged(16, alone), amount: null },
    { name: '2021-03: a 40-year-old with level 1 disability is tekun', member: aged(40, { ...alone, disabilityLevel: 1 }), amount: 6708 },
    { name: '2021-03: a 40-year-old with level 2 disability is tekun', member: aged(40, { ...alone, disabilityLevel: 2 }), amount: 6708 },
    { name: '2021-03: a 40-year-old with level 3 disability is not tekun', member: aged(40, { ...alone, disabilityLevel: 3 }), amount: null },
    { name: '2021-03: a 70-year-old with partial labour capacity is not tekun', member: aged(70, { ...alone, laborCapacity: 'partial' }), amount: null },
    { name: '2021-03: a 70-year-old with an income is not tekun', member: aged(70, { ...alone, hasIncome: true }), amount: null },
    { name: '2021-03: a 70-year-old with a supporter is not tekun', member: aged(70, { ...alone, hasSupporter: true }), amount: null },
  ])('$name', ({ member, amount }) => {
    const tekun = decisionOf(decide(family([member])), 'tekun', 0);
    expect(tekun).toMatchObject({ entitled: amount !== null, amount });
  });

  it('2019-06: tekun follows the dibao standard then in force: 1.3 × 3,600 = 4,680 yuan', () => {
    const tekun = decisionOf(decide(family([aged(70, alone, '2019-06-01')]), '2019-06-01'), 'tekun', 0);
    expect(tekun).toMatchObject({ entitled: true, amount: 4680 });
    expect(tekun.reasons).toContain('供养标准为 2018年1月1日起执行的低保标准 3,600 元 × 1.3 = 4,680 元/年');
  });

  it('2021-03: an entitled elder is told each condition that holds', () => {
    const tekun = decisionOf(decide(family([aged(72, alone)])), 'tekun', 0);
    expect(tekun.reasons.slice(0, 2)).toEqual(['年满 60 周岁（72 周岁），属于特困人员供养的老年人、未成年人或重度残疾人', '无劳动能力']);
  });

  it('2021-03: a 40-year-old worker with income and family is told every condition that fails', () => {
    const tekun = decisionOf(decide(family([aged(40, { hasIncome: true, hasSupporter: true })])), 'tekun', 0);
    expect(tekun.reasons).toEqual([
      '年龄 40 周岁（已满 16 周岁、未满 60 周岁），且无一、二级残疾',
      '有劳动能力（特困人员供养要求无劳动能力）',
      '有收入来源',
      '有能履行义务的法定赡养、抚养、扶养义务人',
    ]);
  });
});
