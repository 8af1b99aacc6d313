import type { Decision } from '../../../types/benefit';
import type { PolicyCode } from '../../../types/policy';
import { gapsOf } from '../../../cloudfunctions/core/benefits/gaps.rules';

const member = (id: string, chronicApproved = true) => ({ id, chronicApproved });
const household = { members: [member('m1'), member('m2', false)] } as Parameters<typeof gapsOf>[0];
const decision = (policy: PolicyCode, memberIndex: number | null, entitled = true, amount: number | null = null): Decision => ({
  policy,
  member: memberIndex,
  entitled,
  amount,
  reasons: ['理由'],
});
const paid = (policy: PolicyCode, memberId: string | null, amount: number | null = null, period = '2026') => ({
  householdId: 'hh',
  policy,
  memberId,
  amount,
  period,
});

describe('gapsOf (应享未享)', () => {
  it.each([
    ['an entitled household policy with no record this year is an unpaid gap', [decision('dibao', null)], [], [['dibao', null, 'unpaid']]],
    ['an entitled household policy with its record is no gap', [decision('dibao', null)], [paid('dibao', null)], []],
    ['a policy that does not apply is never a gap', [decision('dibao', null, false)], [], []],
    [
      "a member policy paid to another member still leaves this member's gap",
      [decision('medical_premium', 0)],
      [paid('medical_premium', 'm2')],
      [['medical_premium', 'm1', 'unpaid']],
    ],
    ['a member policy paid to that member is no gap', [decision('medical_premium', 0)], [paid('medical_premium', 'm1')], []],
    [
      'chronic care served without a recorded approval is still a gap: the approval is missing',
      [decision('chronic_outpatient', 1)],
      [paid('chronic_outpatient', 'm2')],
      [['chronic_outpatient', 'm2', 'approval_missing']],
    ],
    ['chronic care served with the approval on record is no gap', [decision('chronic_outpatient', 0)], [paid('chronic_outpatient', 'm1')], []],
  ] as const)('%s', (_sentence, decisions, records, expected) => {
    const gaps = gapsOf(household, [...decisions], [...records]);
    expect(gaps.map((g) => [g.policy, g.memberId, g.kind])).toEqual(expected);
  });
});

describe('gapsOf: 少享 (received less than entitled)', () => {
  it.each([
    [
      '2026: dibao rose to 9,480 yuan after the income fell, 3,480 paid: 6,000 short',
      [decision('dibao', null, true, 9480)],
      [paid('dibao', null, 3480)],
      [['short', 9480, 3480]],
    ],
    ['2026: dibao of 9,480 yuan paid in full is no gap', [decision('dibao', null, true, 9480)], [paid('dibao', null, 9480)], []],
    [
      '2026: dibao of 9,480 yuan paid monthly, 790 × 3 so far, is 7,110 short',
      [decision('dibao', null, true, 9480)],
      ['2026-01', '2026-02', '2026-03'].map((p) => paid('dibao', null, 790, p)),
      [['short', 9480, 2370]],
    ],
    ['2026: more paid than entitled (the standard fell) is no gap', [decision('dibao', null, true, 3000)], [paid('dibao', null, 3480)], []],
    ['2026: a service (no amount) served is no gap', [decision('pay_after_care', null)], [paid('pay_after_care', null)], []],
    ['2026: an unpaid dibao names no received amount', [decision('dibao', null, true, 9480)], [], [['unpaid', 9480, null]]],
  ] as const)('%s', (_sentence, decisions, records, expected) => {
    const gaps = gapsOf(household, [...decisions], [...records]);
    expect(gaps.map((g) => [g.kind, g.amount, g.received])).toEqual(expected);
  });
});
