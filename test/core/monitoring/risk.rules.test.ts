import { assess } from '../../../cloudfunctions/core/monitoring/assess.service';
import { AssessInput, DEFAULT_MONITORING_VALUES, type RiskRule } from '../../../types/monitoring';

/** A family as the self-check sends it, parsed like the contract does (defaults applied). */
const family = (household: Record<string, unknown>, date = '2025-06-01') =>
  AssessInput.parse({ date, household: { status: 'exited_enjoying', members: [{ birthDate: '1980-01-01', laborCapacity: 'full' }], ...household } });
const run = (household: Record<string, unknown>, date = '2025-06-01') => assess(family(household, date), date, DEFAULT_MONITORING_VALUES);
const rule = (household: Record<string, unknown>, code: RiskRule, date?: string) => run(household, date).risks.find((r) => r.rule === code)!;

describe('收入低于监测范围', () => {
  it('a per-capita income below the line in force is a risk; equal to the line is not', () => {
    expect(rule({ incomes: [{ year: 2024, amount: 8_499 }] }, 'income_below_line')).toMatchObject({
      triggered: true,
      reasons: ['2024 年家庭人均纯收入 8,499 元，低于2025年1月1日起的监测范围 8,500 元'],
    });
    expect(rule({ incomes: [{ year: 2024, amount: 8_500 }] }, 'income_below_line').triggered).toBe(false);
  });

  it('divides by the members: 16,000 for two is 8,000 each', () => {
    expect(
      rule(
        {
          incomes: [{ year: 2024, amount: 16_000 }],
          members: [
            { birthDate: '1980-01-01', laborCapacity: 'full' },
            { birthDate: '1982-01-01', laborCapacity: 'full' },
          ],
        },
        'income_below_line',
      ).triggered,
    ).toBe(true);
  });

  it('uses the line in force on the date: 8,000 on 2024-12-31, 8,500 from 2025-01-01', () => {
    const h = { incomes: [{ year: 2024, amount: 8_200 }] };
    expect(rule(h, 'income_below_line', '2024-12-31').triggered).toBe(false);
    expect(rule(h, 'income_below_line', '2025-01-01').triggered).toBe(true);
  });

  it("reads the latest year not after the date's year, and says so when there is none", () => {
    expect(
      rule(
        {
          incomes: [
            { year: 2026, amount: 1_000 },
            { year: 2024, amount: 20_000 },
          ],
        },
        'income_below_line',
      ).triggered,
    ).toBe(false);
    expect(rule({ incomes: [{ year: 2026, amount: 1_000 }] }, 'income_below_line')).toMatchObject({
      triggered: false,
      reasons: ['没有 2025 年及以前的家庭收入记录，无法判断'],
    });
  });
});

describe('收入大幅下降', () => {
  it('a fall of exactly the drop share (30 %) is a risk; just under is not', () => {
    expect(
      rule(
        {
          incomes: [
            { year: 2023, amount: 20_000 },
            { year: 2024, amount: 14_000 },
          ],
        },
        'income_drop',
      ).triggered,
    ).toBe(true);
    expect(
      rule(
        {
          incomes: [
            { year: 2023, amount: 20_000 },
            { year: 2024, amount: 14_001 },
          ],
        },
        'income_drop',
      ).triggered,
    ).toBe(false);
  });

  it('needs the year before the latest: a missing year compares nothing', () => {
    expect(
      rule(
        {
          incomes: [
            { year: 2022, amount: 20_000 },
            { year: 2024, amount: 1_000 },
          ],
        },
        'income_drop',
      ),
    ).toMatchObject({ triggered: false, reasons: ['缺少2023 年的收入记录，无法比较'] });
  });

  it('a year before of 0 cannot fall', () => {
    expect(
      rule(
        {
          incomes: [
            { year: 2023, amount: 0 },
            { year: 2024, amount: 0 },
          ],
        },
        'income_drop',
      ).triggered,
    ).toBe(false);
  });
});

describe('大额医疗支出', () => {
  it('counts costs dated later than 365 days before the date and not after it', () => {
    // 2025-06-01 − 365 days = 2024-06-01: that day is out, 2024-06-02 in; the date itself in, the day after out.
    expect(rule({ medicalExpenses: [{ date: '2024-06-01', outOfPocket: 10_000 }] }, 'medical_burden').triggered).toBe(false);
    expect(rule({ medicalExpenses: [{ date: '2024-06-02', outOfPocket: 10_000 }] }, 'medical_burden').triggered).toBe(true);
    expect(rule({ medicalExpenses: [{ date: '2025-06-01', outOfPocket: 10_000 }] }, 'medical_burden').triggered).toBe(true);
    expect(rule({ medicalExpenses: [{ date: '2025-06-02', outOfPocket: 10_000 }] }, 'medical_burden').triggered).toBe(false);
  });

  it('adds up to the threshold of 10,000, or to half the latest annual income when that is more than 0', () => {
    expect(
      rule(
        {
          medicalExpenses: [
            { date: '2025-01-01', outOfPocket: 6_000 },
            { date: '2025-03-01', outOfPocket: 4_000 },
          ],
        },
        'medical_burden',
      ).triggered,
    ).toBe(true);
    const share = rule({ incomes: [{ year: 2024, amount: 9_000 }], medicalExpenses: [{ date: '2025-03-01', outOfPocket: 4_500 }] }, 'medical_burden');
    expect(share).toMatchObject({ triggered: true, reasons: [expect.stringContaining('达到 2024 年家庭纯收入 9,000 元的 50%')] });
    expect(rule({ incomes: [{ year: 2024, amount: 0 }], medicalExpenses: [{ date: '2025-03-01', outOfPocket: 4_500 }] }, 'medical_burden').triggered).toBe(
      false,
    );
  });
});

describe('the other household rules', () => {
  it('an emergency in the last 90 days, a C or D house, unsafe water', () => {
    expect(rule({ emergencyInLast90Days: true }, 'sudden_hardship').triggered).toBe(true);
    expect(rule({ housingGrade: 'C' }, 'housing_unsafe').triggered).toBe(true);
    expect(rule({ housingGrade: 'B' }, 'housing_unsafe').triggered).toBe(false);
    expect(rule({ safeWater: false }, 'water_unsafe').triggered).toBe(true);
  });

  it('nobody can work and nobody has an able supporter', () => {
    const none = { birthDate: '1950-01-01', laborCapacity: 'none' };
    expect(rule({ members: [none, none] }, 'no_support').triggered).toBe(true);
    expect(rule({ members: [none, { ...none, hasSupporter: true }] }, 'no_support').triggered).toBe(false);
    expect(rule({ members: [none, { ...none, laborCapacity: 'partial' }] }, 'no_support').triggered).toBe(false);
  });
});

describe('义务教育辍学风险 (per member, whole years)', () => {
  const child = (birthDate: string, schooling = 'none') => ({
    members: [
      { birthDate: '1980-01-01', laborCapacity: 'full' },
      { birthDate, laborCapacity: 'none', schooling },
    ],
  });
  const ofChild = (birthDate: string, date: string, schooling?: string) =>
    run(child(birthDate, schooling), date).risks.filter((r) => r.rule === 'dropout_risk' && r.member === 1)[0];

  it('turns 6 on the birthday: the day before is not a risk, the birthday is', () => {
    expect(ofChild('2019-06-01', '2025-05-31').triggered).toBe(false);
    expect(ofChild('2019-06-01', '2025-06-01').triggered).toBe(true);
  });

  it('is 15 until the 16th birthday', () => {
    expect(ofChild('2009-06-01', '2025-05-31').triggered).toBe(true);
    expect(ofChild('2009-06-01', '2025-06-01').triggered).toBe(false);
  });

  it('a child of that age in school is not a risk, and each member is judged', () => {
    expect(ofChild('2015-01-01', '2025-06-01', 'primary')).toMatchObject({ triggered: false, reasons: ['10 周岁，在读小学'] });
    expect(
      run(child('2015-01-01'), '2025-06-01')
        .risks.filter((r) => r.rule === 'dropout_risk')
        .map((r) => r.member),
    ).toEqual([0, 1]);
  });
});

describe('level and suggested type', () => {
  it('high when income, medical or sudden hardship is triggered; medium for only others; none otherwise', () => {
    expect(run({ incomes: [{ year: 2024, amount: 5_000 }] }).level).toBe('high');
    expect(run({ incomes: [{ year: 2024, amount: 50_000 }], housingGrade: 'D' }).level).toBe('medium');
    expect(run({ incomes: [{ year: 2024, amount: 50_000 }] })).toMatchObject({ level: 'none', suggestedType: null });
  });

  it('suggests 突发严重困难 for medical costs or an emergency, 脱贫不稳定 for a registered household, 边缘易致贫 otherwise', () => {
    expect(run({ incomes: [{ year: 2024, amount: 5_000 }], emergencyInLast90Days: true }).suggestedType).toBe('sudden_hardship');
    expect(run({ incomes: [{ year: 2024, amount: 5_000 }], status: 'exited_not_enjoying' }).suggestedType).toBe('unstable');
    expect(run({ incomes: [{ year: 2024, amount: 5_000 }], status: 'none' }).suggestedType).toBe('marginal');
  });

  it('an already monitored household gets no suggested type', () => {
    expect(run({ incomes: [{ year: 2024, amount: 5_000 }], status: 'monitored' })).toMatchObject({ level: 'high', suggestedType: null });
  });

  it('answers every household rule once and the member rule per member', () => {
    const risks = run({
      members: [
        { birthDate: '1980-01-01', laborCapacity: 'full' },
        { birthDate: '2015-01-01', laborCapacity: 'none' },
      ],
    }).risks;
    expect(risks.map((r) => r.rule)).toEqual([
      'income_below_line',
      'income_drop',
      'medical_burden',
      'sudden_hardship',
      'housing_unsafe',
      'water_unsafe',
      'dropout_risk',
      'dropout_risk',
      'no_support',
    ]);
    expect(risks.every((r) => r.reasons.length > 0)).toBe(true);
  });

  it('a date before the first parameters is refused with when they start', () => {
    expect(() => run({}, '2020-12-31')).toThrow('2020年12月31日还没有监测参数，最早自2021年1月1日起执行');
  });
});
