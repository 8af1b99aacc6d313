import { CalculateInput } from '../../../types/benefit';
import { benefitsApi } from '../../../types/api/benefits';
import { DEFAULT_POLICIES } from '../../../cloudfunctions/core/benefits/catalogue';
import { calculate } from '../../../cloudfunctions/core/benefits/calculator.service';
import { clock } from '../../../cloudfunctions/core/clock';
import { decisionOf } from './family';

/** The example payload of SPEC §3, verbatim. */
const SPEC_EXAMPLE = {
  date: '2021-03-01',
  household: {
    status: 'poor',
    annualNetIncome: 9000,
    housingGrade: 'C',
    emergencyInLast90Days: false,
    members: [
      {
        birthDate: '1958-05-02',
        disabilityLevel: 0,
        chronicIllness: true,
        chronicApproved: false,
        schooling: 'none',
        laborCapacity: 'partial',
        employed: false,
        hasIncome: true,
        hasSupporter: true,
      },
    ],
  },
};

const run = (payload: unknown, today = '2021-03-01') => calculate(CalculateInput.parse(payload), DEFAULT_POLICIES, today);

describe('the public calculator with the SPEC §3 example (2021-03-01, one 62-year-old, 9,000 yuan, poor, housing C)', () => {
  const { decisions } = run(SPEC_EXAMPLE);

  it('answers the dibao decision of the SPEC word for word', () => {
    expect(decisionOf(decisions, 'dibao')).toEqual({
      policy: 'dibao',
      member: null,
      entitled: false,
      amount: null,
      reasons: ['家庭年人均收入 9,000 元，不低于低保标准 5,160 元'],
    });
  });

  it.each([
    ['dibao', null, false, null],
    ['tekun', 0, false, null],
    ['medical_premium', 0, true, 100],
    ['pay_after_care', null, true, null],
    ['chronic_outpatient', 0, true, null],
    ['education_waiver', 0, false, null],
    ['yulu', 0, false, null],
    ['early_pension', 0, false, null],
    ['pension_premium', 0, false, null],
    ['disability_living', 0, false, null],
    ['disability_care', 0, false, null],
    ['housing_repair', null, true, 15000],
    ['public_job', 0, true, null],
    ['microcredit', null, false, null],
    ['temporary_aid', null, false, null],
    ['elderly_allowance', 0, false, null],
  ] as const)('answers %s (member %p): entitled %p, amount %p', (policy, member, entitled, amount) => {
    expect(decisionOf(decisions, policy, member)).toMatchObject({ entitled, amount });
  });

  it('answers one decision per policy for a single member, in catalogue order, matching the contract', () => {
    expect(decisions.map((d) => d.policy)).toEqual(DEFAULT_POLICIES.map((p) => p.code));
    expect(benefitsApi.actions.calculate.output.parse({ decisions })).toEqual({ decisions });
  });

  it('flags the missing 慢病认定 as something to act on', () => {
    expect(decisionOf(decisions, 'chronic_outpatient', 0).reasons.join('')).toContain('尚未办理慢病认定');
  });
});

describe('the public calculator', () => {
  it('answers 5 household decisions and 11 per member for a family of 3, members by index', () => {
    const member = SPEC_EXAMPLE.household.members[0];
    const { decisions } = run({ ...SPEC_EXAMPLE, household: { ...SPEC_EXAMPLE.household, members: [member, member, member] } });
    expect(decisions).toHaveLength(5 + 11 * 3);
    expect(decisions.filter((d) => d.policy === 'tekun').map((d) => d.member)).toEqual([0, 1, 2]);
  });

  it('evaluates on today when no date is given: on 2019-06-01 the 3,600 standard applies', () => {
    const { date: _omitted, ...payload } = SPEC_EXAMPLE;
    const { decisions } = run(payload, '2019-06-01');
    expect(decisionOf(decisions, 'dibao').reasons).toEqual(['家庭年人均收入 9,000 元，不低于低保标准 3,600 元']);
  });

  it('keeps catalogue order when the store returns policies in another order', () => {
    const shuffled = [...DEFAULT_POLICIES].reverse();
    const { decisions } = calculate(CalculateInput.parse(SPEC_EXAMPLE), shuffled, '2021-03-01');
    expect(decisions.map((d) => d.policy)).toEqual(DEFAULT_POLICIES.map((p) => p.code));
  });

  it('refuses a date before any policy values, with a message a person can act on', () => {
    expect(() => run({ ...SPEC_EXAMPLE, date: '2015-01-01' })).toThrow('最早自2018年1月1日起执行');
  });

  it("without a date or a given today, evaluates on the clock's date in China: 2019-12-31 23:30 UTC is already 2020-01-01", () => {
    const { date: _omitted, ...payload } = SPEC_EXAMPLE;
    const lowIncome = { ...payload, household: { ...payload.household, annualNetIncome: 4000 } };
    clock.set('2019-12-31T23:30:00Z');
    try {
      const { decisions } = calculate(CalculateInput.parse(lowIncome), DEFAULT_POLICIES);
      expect(decisionOf(decisions, 'dibao').reasons[0]).toBe('家庭年人均收入 4,000 元，低于 2020年1月1日起执行的低保标准 5,160 元');
    } finally {
      clock.set(null);
    }
  });

  it('answers a date before any policy values as INVALID_INPUT', () => {
    expect(() => run({ ...SPEC_EXAMPLE, date: '2015-01-01' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('bad calculator input is refused in Chinese', () => {
  const withHousehold = (patch: object) => ({ ...SPEC_EXAMPLE, household: { ...SPEC_EXAMPLE.household, ...patch } });
  const withMember = (patch: object) => withHousehold({ members: [{ ...SPEC_EXAMPLE.household.members[0], ...patch }] });

  it.each([
    { name: 'a negative income', payload: withHousehold({ annualNetIncome: -1 }), message: '家庭年纯收入不能为负数' },
    { name: 'an income given as text', payload: withHousehold({ annualNetIncome: '9000' }), message: '家庭年纯收入应为数字（元）' },
    { name: 'an unknown schooling', payload: withMember({ schooling: 'kindergarten' }), message: '在校情况应为' },
    { name: 'a member born 200 years ago', payload: withMember({ birthDate: `${new Date().getFullYear() - 200}-01-01` }), message: '出生日期不合理' },
    { name: 'a disability level of 5', payload: withMember({ disabilityLevel: 5 }), message: '残疾等级最大为 4' },
    { name: 'no members', payload: withHousehold({ members: [] }), message: '请至少填写一位家庭成员' },
    { name: 'an unknown status', payload: withHousehold({ status: 'rich' }), message: '户状态应为' },
    { name: 'a date written the American way', payload: { ...SPEC_EXAMPLE, date: '03/01/2021' }, message: '日期格式应为 YYYY-MM-DD' },
  ])('$name', ({ payload, message }) => {
    const result = CalculateInput.safeParse(payload);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages.some((m) => m.includes(message))).toBe(true);
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });
});
