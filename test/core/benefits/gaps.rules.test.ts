import type { Decision } from '../../../types/benefit';
import type { PolicyCode } from '../../../types/policy';
import { gapsOf } from '../../../cloudfunctions/core/benefits/gaps.rules';

const member = (id: string, chronicApproved = true) => ({ id, chronicApproved });
const household = { members: [member('m1'), member('m2', false)] } as Parameters<typeof gapsOf>[0];
const decision = (policy: PolicyCode, memberIndex: number | null, entitled = true): Decision => ({ policy, member: memberIndex, entitled, amount: null, reasons: ['理由'] });
const paid = (policy: PolicyCode, memberId: string | null) => ({ householdId: 'hh', policy, memberId });

describe('gapsOf (应享未享)', () => {
  it.each([
    ['an entitled household policy with no record this year is an unpaid gap', [decision('dibao', null)], [], [['dibao', null, 'unpaid']]],
    ['an entitled household policy with its record is no gap', [decision('dibao', null)], [paid('dibao', null)], []],
    ['a policy that does not apply is never a gap', [decision('dibao', null, false)], [], []],
    ['a member policy paid to another member still leaves this member\'s gap', [decision('medical_premium', 0)], [paid('medical_premium', 'm2')], [['medical_premium', 'm1', 'unpaid']]],
    ['a member policy paid to that member is no gap', [decision('medical_premium', 0)], [paid('medical_premium', 'm1')], []],
    ['chronic care served without a recorded approval is still a gap: the approval is missing', [decision('chronic_outpatient', 1)], [paid('chronic_outpatient', 'm2')], [['chronic_outpatient', 'm2', 'approval_missing']]],
    ['chronic care served with the approval on record is no gap', [decision('chronic_outpatient', 0)], [paid('chronic_outpatient', 'm1')], []],
  ] as const)('%s', (_sentence, decisions, records, expected) => {
    const gaps = gapsOf(household, [...decisions], [...records]);
    expect(gaps.map((g) => [g.policy, g.memberId, g.kind])).toEqual(expected);
  });
});
