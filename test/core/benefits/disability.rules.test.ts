import { aged, type Case, expectCase, family } from './family';

/** Income 0, so the household is on dibao; 20,000 yuan for one person puts it above the standard. */
const disabled = (level: number, income = 0) => family([aged(40, { disabilityLevel: level })], { annualNetIncome: income });

const cases: Case[] = [
  {
    name: '2021-03: a level 4 disabled member of a household on dibao gets the living allowance of 1,200 yuan',
    facts: disabled(4),
    policy: 'disability_living',
    entitled: true,
    amount: 1200,
  },
  {
    name: '2021-03: a level 1 disabled member of a household on dibao gets 1,200 yuan',
    facts: disabled(1),
    policy: 'disability_living',
    entitled: true,
    amount: 1200,
  },
  {
    name: '2021-03: a level 4 disabled member of a household above the dibao standard gets no living allowance',
    facts: disabled(4, 20000),
    policy: 'disability_living',
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a member without disability in a household on dibao gets no living allowance',
    facts: disabled(0),
    policy: 'disability_living',
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: an ordinary (not registered) household on dibao still gets the living allowance',
    facts: family([aged(40, { disabilityLevel: 3 })], { status: 'none', annualNetIncome: 1000 }),
    policy: 'disability_living',
    entitled: true,
    amount: 1200,
  },
  {
    name: '2021-03: a level 1 disabled member gets the care allowance of 1,200 yuan',
    facts: disabled(1, 20000),
    policy: 'disability_care',
    entitled: true,
    amount: 1200,
  },
  {
    name: '2021-03: a level 2 disabled member gets the care allowance of 1,200 yuan',
    facts: disabled(2, 20000),
    policy: 'disability_care',
    entitled: true,
    amount: 1200,
  },
  { name: '2021-03: a level 3 disabled member gets no care allowance', facts: disabled(3), policy: 'disability_care', entitled: false, amount: null },
  { name: '2021-03: a member without disability gets no care allowance', facts: disabled(0), policy: 'disability_care', entitled: false, amount: null },
];

describe('disability policies (困难残疾人生活补贴, 重度残疾人护理补贴)', () => {
  it.each(cases)('$name', (c) => {
    expectCase(c);
  });

  it('2021-03: the living allowance refused above the dibao standard says it depends on dibao', () => {
    expect(expectCase(cases[2]).reasons).toEqual(['家庭不符合农村最低生活保障条件']);
  });

  it('2021-03: a household whose only member is on tekun is not on dibao, so no living allowance', () => {
    const facts = family([aged(40, { disabilityLevel: 2, laborCapacity: 'none' })]);
    expectCase({ name: '', facts, policy: 'tekun', entitled: true, amount: 6708 });
    expectCase({ name: '', facts, policy: 'disability_living', entitled: false, amount: null });
    expectCase({ name: '', facts, policy: 'disability_care', entitled: true, amount: 1200 });
  });
});
