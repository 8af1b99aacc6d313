import type { Household, Member } from '../../../types/household';
import { DEFAULT_POLICIES } from '../../../cloudfunctions/core/benefits/catalogue';
import { evaluateFamily, factsFromHousehold } from '../../../cloudfunctions/core/benefits/evaluate';
import { EvaluationError } from '../../../cloudfunctions/core/benefits/params';
import { aged, decide, decisionOf, family } from './family';

const storedMember = (patch: Partial<Member>): Member => ({
  id: 'm1',
  name: '张三',
  relation: 'head',
  idNumber: '110101195805020011',
  birthDate: '1958-05-02',
  sex: 'male',
  health: 'healthy',
  chronicApproved: false,
  disabilityLevel: 0,
  schooling: 'none',
  laborCapacity: 'partial',
  employed: false,
  hasIncome: true,
  hasSupporter: true,
  ...patch,
});

const stored = (members: Member[]): Household => ({
  _id: 'h1',
  code: 'H001',
  countyId: 'c',
  townId: 't',
  villageId: 'v',
  address: '某村 1 组',
  headName: '张三',
  status: 'poor',
  causes: ['illness'],
  identifiedYear: 2016,
  incomes: [{ year: 2020, amount: 9000 }],
  annualNetIncome: 9000,
  housingGrade: 'C',
  safeWater: true,
  members,
  statusHistory: [],
  version: 1,
  createdAt: '2021-01-01T00:00:00+08:00',
  updatedAt: '2021-01-01T00:00:00+08:00',
});

describe('stored households go through the same rules as the calculator', () => {
  it('a stored household gets the same decisions as the same family typed into the calculator', () => {
    const facts = factsFromHousehold(stored([storedMember({ health: 'chronic' })]), { emergencyInLast90Days: false });
    const typed = family(
      [
        {
          birthDate: '1958-05-02',
          chronicIllness: true,
          laborCapacity: 'partial',
          hasIncome: true,
          hasSupporter: true,
        },
      ],
      { annualNetIncome: 9000, housingGrade: 'C' },
    );
    expect(facts).toEqual(typed);
    expect(decide(facts)).toEqual(decide(typed));
  });

  it.each([
    { health: 'chronic', chronicIllness: true },
    { health: 'healthy', chronicIllness: false },
    { health: 'serious', chronicIllness: false },
  ] as const)('a member whose health is $health has chronicIllness $chronicIllness', ({ health, chronicIllness }) => {
    const facts = factsFromHousehold(stored([storedMember({ health })]), { emergencyInLast90Days: false });
    expect(facts.members[0].chronicIllness).toBe(chronicIllness);
  });

  it('a recent emergency need, found by the caller, makes the household eligible for temporary aid', () => {
    const facts = factsFromHousehold(stored([storedMember({})]), { emergencyInLast90Days: true });
    expect(decisionOf(decide(facts), 'temporary_aid').entitled).toBe(true);
  });

  it('a stored household without members cannot be evaluated, and says so', () => {
    const facts = factsFromHousehold(stored([]), { emergencyInLast90Days: false });
    expect(() => decide(facts)).toThrow('家庭成员为空，无法测算政策');
  });
});

describe('evaluating against an edited catalogue', () => {
  const raised = DEFAULT_POLICIES.map((p) => (p.code !== 'dibao' ? p : { ...p, values: [...p.values, { from: '2022-01-01', params: { standard: 6000 } }] }));
  const household = family([aged(40, {}, '2022-03-01'), aged(40, {}, '2022-03-01')], { annualNetIncome: 10000 });

  it('2022-03: after the standard is raised to 6,000 from 2022-01-01, a household of 2 with 10,000 yuan gets 2,000 yuan', () => {
    const dibao = decisionOf(evaluateFamily(household, '2022-03-01', raised), 'dibao');
    expect(dibao).toMatchObject({ entitled: true, amount: 2000 });
    expect(dibao.reasons[0]).toBe('家庭年人均收入 5,000 元，低于 2022年1月1日起执行的低保标准 6,000 元');
  });

  it('2021-12: the same household evaluated before the raise still gets 320 yuan under 5,160', () => {
    expect(decisionOf(evaluateFamily(household, '2021-12-31', raised), 'dibao')).toMatchObject({ entitled: true, amount: 320 });
  });

  it('2022-03: tekun follows the raised standard: 1.3 × 6,000 = 7,800 yuan', () => {
    const elder = family([aged(70, { laborCapacity: 'none' }, '2022-03-01')]);
    expect(decisionOf(evaluateFamily(elder, '2022-03-01', raised), 'tekun', 0).amount).toBe(7800);
  });

  it('a catalogue without tekun cannot say who is left out of dibao, and says which policy is missing', () => {
    const withoutTekun = DEFAULT_POLICIES.filter((p) => p.code !== 'tekun');
    const run = () => evaluateFamily(family([aged(40)]), '2021-03-01', withoutTekun);
    expect(run).toThrow('政策目录缺少「tekun」，无法测算');
    expect(run).toThrow(EvaluationError);
  });
});

describe('the gap sweep asks for entitled decisions only', () => {
  it('gets exactly the entitled decisions of the full evaluation, in the same order', () => {
    const families = [
      family(
        [
          aged(70, { laborCapacity: 'none', hasIncome: false, hasSupporter: false }),
          aged(40, { disabilityLevel: 2, chronicIllness: true }),
          aged(15, { schooling: 'junior' }),
        ],
        { annualNetIncome: 6000, housingGrade: 'D' },
      ),
      family([aged(35, { laborCapacity: 'full' }), aged(8, { schooling: 'primary' })], { annualNetIncome: 40000 }),
      family([aged(62)], { status: 'exited_not_enjoying', emergencyInLast90Days: true }),
    ];
    for (const f of families) {
      const full = evaluateFamily(f, '2021-03-01', DEFAULT_POLICIES);
      expect(full.some((d) => d.entitled)).toBe(true);
      expect(evaluateFamily(f, '2021-03-01', DEFAULT_POLICIES, { entitledOnly: true })).toEqual(full.filter((d) => d.entitled));
    }
  });
});
