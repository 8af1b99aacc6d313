import type { HouseholdBenefits } from '@bangfu/types/api/benefits';
import { cardPolicies } from '../../../client/src/package-common/pages/card/policies';

const record = (policy: string, memberId: string | null, period: string, amount: number | null) =>
  ({
    _id: `h1-${policy}-${memberId ?? 'hh'}-${period}`,
    householdId: 'h1',
    countyId: 'c',
    townId: 't',
    villageId: 'v',
    memberId,
    policy,
    period,
    amount,
    paidOn: `${period.slice(0, 4)}-03-01`,
    createdAt: '2026-03-01T00:00:00Z',
  }) as HouseholdBenefits['received'][number];

const base: HouseholdBenefits = {
  householdId: 'h1',
  headName: '王大山',
  date: '2026-12-02',
  period: '2026',
  members: [
    { id: 'm1', name: '王大山', relation: '户主' },
    { id: 'm2', name: '王小花', relation: '女儿' },
  ],
  decisions: [
    { policy: 'dibao', member: null, entitled: true, amount: 3480, reasons: [] },
    { policy: 'medical_premium', member: 0, entitled: true, amount: 100, reasons: [] },
    { policy: 'medical_premium', member: 1, entitled: true, amount: 100, reasons: [] },
    { policy: 'yulu', member: 1, entitled: false, amount: null, reasons: [] },
    { policy: 'pay_after_care', member: null, entitled: true, amount: null, reasons: [] },
  ],
  received: [
    record('dibao', null, '2026-01', 290),
    record('dibao', null, '2026-02', 290),
    record('dibao', null, '2025', 3000),
    record('medical_premium', 'm1', '2026', 100),
  ],
  gaps: [
    {
      householdId: 'h1',
      headName: '王大山',
      villageId: 'v',
      memberId: 'm2',
      memberName: '王小花',
      policy: 'medical_premium',
      amount: 100,
      received: null,
      shortfall: null,
      kind: 'unpaid',
      reasons: [],
      helperId: null,
      helperName: null,
    },
  ],
  contact: null,
};

describe("the 帮扶明白卡 lists this year's policies with 应享 and 已到账", () => {
  const lines = cardPolicies(base);
  test('only entitled policies are on the card: 雨露计划 that does not apply is left out', () => {
    expect(lines.map((l) => l.key)).toEqual(['dibao-hh', 'medical_premium-m1', 'medical_premium-m2', 'pay_after_care-hh']);
  });
  test('2026 dibao of 3,480 with two monthly records of 290 shows 580 received; the 2025 record does not count', () => {
    expect(lines[0]).toMatchObject({ subject: '全家', amount: 3480, received: 580, gap: false });
  });
  test("a member's premium paid this year counts for that member only; the other member's open gap reads 待落实", () => {
    expect(lines[1]).toMatchObject({ subject: '王大山（户主）', received: 100, gap: false });
    expect(lines[2]).toMatchObject({ subject: '王小花（女儿）', received: null, gap: true });
  });
  test('a service without an amount has neither amount nor received', () => {
    expect(lines[3]).toMatchObject({ amount: null, received: null });
  });
});
