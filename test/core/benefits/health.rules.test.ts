import { aged, type Case, decide, decisionOf, expectCase, family } from './family';

const cases: Case[] = [
  {
    name: '2021-03: a member of a poor household has the 100 yuan medical premium paid',
    facts: family([aged(40)]),
    policy: 'medical_premium',
    entitled: true,
    amount: 100,
  },
  {
    name: '2021-03: a member of an exited household still enjoying policies has it paid',
    facts: family([aged(40)], { status: 'exited_enjoying' }),
    policy: 'medical_premium',
    entitled: true,
    amount: 100,
  },
  {
    name: '2021-03: a member of a monitored household has it paid',
    facts: family([aged(40)], { status: 'monitored' }),
    policy: 'medical_premium',
    entitled: true,
    amount: 100,
  },
  {
    name: '2021-03: a member of an exited household no longer enjoying policies does not',
    facts: family([aged(40)], { status: 'exited_not_enjoying' }),
    policy: 'medical_premium',
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a member of an ordinary household does not',
    facts: family([aged(40)], { status: 'none' }),
    policy: 'medical_premium',
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a poor household is admitted without deposit (pay after care)',
    facts: family([aged(40)]),
    policy: 'pay_after_care',
    member: null,
    entitled: true,
    amount: null,
  },
  {
    name: '2021-03: an ordinary household is not',
    facts: family([aged(40)], { status: 'none' }),
    policy: 'pay_after_care',
    member: null,
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a registered member with an approved chronic illness gets chronic outpatient care',
    facts: family([aged(50, { chronicIllness: true, chronicApproved: true })]),
    policy: 'chronic_outpatient',
    entitled: true,
    amount: null,
  },
  {
    name: '2021-03: a registered member with an unapproved chronic illness is still entitled',
    facts: family([aged(50, { chronicIllness: true })]),
    policy: 'chronic_outpatient',
    entitled: true,
    amount: null,
  },
  { name: '2021-03: a healthy member is not', facts: family([aged(50)]), policy: 'chronic_outpatient', entitled: false, amount: null },
  {
    name: '2021-03: a chronically ill member of an ordinary household is not',
    facts: family([aged(50, { chronicIllness: true })], { status: 'none' }),
    policy: 'chronic_outpatient',
    entitled: false,
    amount: null,
  },
];

describe('health policies (医保代缴, 先诊疗后付费, 慢性病门诊)', () => {
  it.each(cases)('$name', (c) => {
    expectCase(c);
  });

  it('2021-03: without the 慢病认定 the decision says it is missing and what to do (a gap to act on)', () => {
    const d = decisionOf(decide(family([aged(50, { chronicIllness: true })])), 'chronic_outpatient', 0);
    expect(d.reasons).toContain('尚未办理慢病认定：请协助到乡镇卫生院申请认定，认定后方可按慢性病门诊报销');
  });

  it('2021-03: with the 慢病认定 on record the decision says so', () => {
    const d = decisionOf(decide(family([aged(50, { chronicIllness: true, chronicApproved: true })])), 'chronic_outpatient', 0);
    expect(d.reasons).toContain('已办理慢病认定，门诊费用按慢性病门诊政策报销');
  });

  it('2021-03: a member of a household no longer enjoying policies is told why', () => {
    const d = decisionOf(decide(family([aged(40)], { status: 'exited_not_enjoying' })), 'medical_premium', 0);
    expect(d.reasons).toEqual(['户状态为脱贫户（不享受政策），不在享受帮扶政策的范围内']);
  });
});
