import { aged, type Case, expectCase, family } from './family';

const at = (age: number, extra = {}, status: 'poor' | 'none' = 'poor') => family([aged(age, extra)], { status });

const cases: Case[] = [
  { name: '2021-03: a registered 54-year-old is too young to draw the pension early', facts: at(54), policy: 'early_pension', entitled: false, amount: null },
  {
    name: '2021-03: on their 55th birthday a registered member may draw the pension early',
    facts: at(55),
    policy: 'early_pension',
    entitled: true,
    amount: null,
  },
  { name: '2021-03: a registered 59-year-old may draw the pension early', facts: at(59), policy: 'early_pension', entitled: true, amount: null },
  { name: '2021-03: at 60 the pension is due anyway, not early', facts: at(60), policy: 'early_pension', entitled: false, amount: null },
  {
    name: '2021-03: a 57-year-old of an ordinary household may not draw it early',
    facts: at(57, {}, 'none'),
    policy: 'early_pension',
    entitled: false,
    amount: null,
  },
  { name: '2021-03: a registered 15-year-old has no pension premium paid', facts: at(15), policy: 'pension_premium', entitled: false, amount: null },
  {
    name: '2021-03: on their 16th birthday a registered member out of school has 100 yuan paid',
    facts: at(16),
    policy: 'pension_premium',
    entitled: true,
    amount: 100,
  },
  { name: '2021-03: a registered 54-year-old has 100 yuan paid', facts: at(54), policy: 'pension_premium', entitled: true, amount: 100 },
  { name: '2021-03: a registered 55-year-old has no premium paid', facts: at(55), policy: 'pension_premium', entitled: false, amount: null },
  {
    name: '2021-03: a registered 17-year-old in senior high school has no premium paid',
    facts: at(17, { schooling: 'senior' }),
    policy: 'pension_premium',
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a 30-year-old of an ordinary household has no premium paid',
    facts: at(30, {}, 'none'),
    policy: 'pension_premium',
    entitled: false,
    amount: null,
  },
  { name: '2021-03: a registered 79-year-old gets no elderly allowance yet', facts: at(79), policy: 'elderly_allowance', entitled: false, amount: null },
  {
    name: '2021-03: on their 80th birthday a registered member gets an elderly allowance of 1,200 yuan',
    facts: at(80),
    policy: 'elderly_allowance',
    entitled: true,
    amount: 1200,
  },
  { name: '2021-03: a registered 95-year-old gets 1,200 yuan', facts: at(95), policy: 'elderly_allowance', entitled: true, amount: 1200 },
  {
    name: '2021-03: an 85-year-old of an ordinary household gets nothing',
    facts: at(85, {}, 'none'),
    policy: 'elderly_allowance',
    entitled: false,
    amount: null,
  },
];

describe('pension and old-age policies (提前领取养老金, 养老保险代缴, 老年人补贴)', () => {
  it.each(cases)('$name', (c) => {
    expectCase(c);
  });

  it('2021-03: the day before their 80th birthday, a 79-year-old is told their age and the band', () => {
    const facts = family([{ birthDate: '1941-03-02', laborCapacity: 'none' }]);
    const d = expectCase({ name: '', facts, policy: 'elderly_allowance', entitled: false, amount: null });
    expect(d.reasons).toEqual(['年龄 79 周岁，不在 80 周岁及以上范围内']);
  });
});
