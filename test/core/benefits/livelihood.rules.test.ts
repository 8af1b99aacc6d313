import { aged, type Case, expectCase, family } from './family';

const worker = (age: number, extra = {}) => family([aged(age, extra)]);

const cases: Case[] = [
  {
    name: '2021-03: a registered household in a grade C house gets 15,000 yuan once for repair',
    facts: family([aged(40)], { housingGrade: 'C' }),
    policy: 'housing_repair',
    member: null,
    entitled: true,
    amount: 15000,
  },
  {
    name: '2021-03: a registered household in a grade D house gets 30,000 yuan once to rebuild',
    facts: family([aged(40)], { housingGrade: 'D' }),
    policy: 'housing_repair',
    member: null,
    entitled: true,
    amount: 30000,
  },
  {
    name: '2021-03: a registered household in a grade B house gets nothing',
    facts: family([aged(40)], { housingGrade: 'B' }),
    policy: 'housing_repair',
    member: null,
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: an exited household no longer enjoying policies in a grade D house gets nothing',
    facts: family([aged(40)], { housingGrade: 'D', status: 'exited_not_enjoying' }),
    policy: 'housing_repair',
    member: null,
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a registered 17-year-old out of work is too young for a public job',
    facts: worker(17),
    policy: 'public_job',
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: on their 18th birthday a registered member out of work may take a public job',
    facts: worker(18),
    policy: 'public_job',
    entitled: true,
    amount: null,
  },
  {
    name: '2021-03: a registered 65-year-old with partial labour capacity may take a public job',
    facts: worker(65, { laborCapacity: 'partial' }),
    policy: 'public_job',
    entitled: true,
    amount: null,
  },
  { name: '2021-03: a registered 66-year-old is too old for a public job', facts: worker(66), policy: 'public_job', entitled: false, amount: null },
  { name: '2021-03: an employed 40-year-old gets no public job', facts: worker(40, { employed: true }), policy: 'public_job', entitled: false, amount: null },
  {
    name: '2021-03: a 40-year-old unable to work gets no public job',
    facts: worker(40, { laborCapacity: 'none' }),
    policy: 'public_job',
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a 19-year-old at university gets no public job',
    facts: worker(19, { schooling: 'university' }),
    policy: 'public_job',
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a 40-year-old of an ordinary household gets no public job',
    facts: family([aged(40)], { status: 'none' }),
    policy: 'public_job',
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a registered household with a full labourer aged 65 may borrow microcredit',
    facts: family([aged(65)]),
    policy: 'microcredit',
    member: null,
    entitled: true,
    amount: null,
  },
  {
    name: '2021-03: a registered household with a full labourer aged 18 may borrow microcredit',
    facts: family([aged(18)]),
    policy: 'microcredit',
    member: null,
    entitled: true,
    amount: null,
  },
  {
    name: '2021-03: a household whose only full labourer is 66 may not',
    facts: family([aged(66), aged(40, { laborCapacity: 'partial' })]),
    policy: 'microcredit',
    member: null,
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a household whose only full labourer is 17 may not',
    facts: family([aged(17)]),
    policy: 'microcredit',
    member: null,
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: an ordinary household with a full labourer may not',
    facts: family([aged(40)], { status: 'none' }),
    policy: 'microcredit',
    member: null,
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a household hit by an emergency in the last 90 days may get temporary aid',
    facts: family([aged(40)], { emergencyInLast90Days: true }),
    policy: 'temporary_aid',
    member: null,
    entitled: true,
    amount: null,
  },
  {
    name: '2021-03: an ordinary household hit by an emergency may get temporary aid too',
    facts: family([aged(40)], { status: 'none', emergencyInLast90Days: true }),
    policy: 'temporary_aid',
    member: null,
    entitled: true,
    amount: null,
  },
  {
    name: '2021-03: a household without an emergency gets no temporary aid',
    facts: family([aged(40)]),
    policy: 'temporary_aid',
    member: null,
    entitled: false,
    amount: null,
  },
];

describe('livelihood policies (危房改造, 公益岗位, 小额信贷, 临时救助)', () => {
  it.each(cases)('$name', (c) => {
    expectCase(c);
  });

  it('2021-03: a grade D house is told it is a one-off rebuilding grant', () => {
    expect(expectCase(cases[1]).reasons).toContain('拆除重建补助 30,000 元（一次性）');
  });

  it('2021-03: a public job is offered with its pay range, as the amount depends on the post', () => {
    expect(expectCase(cases[5]).reasons).toContain('可安排公益岗位，岗位补贴 500–900 元/月（按岗位而定）');
  });

  it('2021-03: a 62-year-old who 能干轻活 is told the loan needs a full labourer, not that she cannot work', () => {
    const d = expectCase({ name: '', facts: worker(62, { laborCapacity: 'partial' }), policy: 'microcredit', member: null, entitled: false, amount: null });
    expect(d.reasons).toEqual(['家中 18–65 周岁的成员只能干轻活（弱劳动力），小额信贷要求至少有一名 18–65 周岁、能正常干活（有劳动力）的成员']);
  });

  it('2021-03: a household whose only full labourer is 66 is told the age is the reason', () => {
    const d = expectCase({ name: '', facts: worker(66), policy: 'microcredit', member: null, entitled: false, amount: null });
    expect(d.reasons).toEqual(['家中能正常干活（有劳动力）的成员不在 18–65 周岁']);
  });

  it('2021-03: a household where no one can work is told so', () => {
    const d = expectCase({ name: '', facts: worker(40, { laborCapacity: 'none' }), policy: 'microcredit', member: null, entitled: false, amount: null });
    expect(d.reasons).toEqual(['家中 18–65 周岁的成员没有劳动能力']);
  });

  it('2021-03: a 68-year-old who 能干轻活 is told no member is 18–65', () => {
    const d = expectCase({ name: '', facts: worker(68, { laborCapacity: 'partial' }), policy: 'microcredit', member: null, entitled: false, amount: null });
    expect(d.reasons).toEqual(['家中没有 18–65 周岁的成员']);
  });

  it('2021-03: an employed member who is also at school is told both reasons', () => {
    const d = expectCase({ name: '', facts: worker(20, { employed: true, schooling: 'university' }), policy: 'public_job', entitled: false, amount: null });
    expect(d.reasons).toEqual(['已就业', '在读大学']);
  });
});
