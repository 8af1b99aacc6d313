import { aged, type Case, expectCase, family } from './family';

const pupil = (
  schooling: 'preschool' | 'primary' | 'junior' | 'senior' | 'vocational' | 'higher_vocational' | 'university',
  status: 'poor' | 'none' = 'poor',
) => family([aged(12, { schooling, laborCapacity: 'none' })], { status });

const cases: Case[] = [
  { name: '2021-03: a registered preschool child has fees waived', facts: pupil('preschool'), policy: 'education_waiver', entitled: true, amount: null },
  { name: '2021-03: a registered primary pupil has fees waived', facts: pupil('primary'), policy: 'education_waiver', entitled: true, amount: null },
  {
    name: '2021-03: a registered junior middle school pupil has fees waived',
    facts: pupil('junior'),
    policy: 'education_waiver',
    entitled: true,
    amount: null,
  },
  {
    name: '2021-03: a senior high school student is beyond compulsory education',
    facts: pupil('senior'),
    policy: 'education_waiver',
    entitled: false,
    amount: null,
  },
  {
    name: '2021-03: a primary pupil of an ordinary household is not covered',
    facts: pupil('primary', 'none'),
    policy: 'education_waiver',
    entitled: false,
    amount: null,
  },
  { name: '2021-03: a registered vocational student gets yulu of 1,500 yuan', facts: pupil('vocational'), policy: 'yulu', entitled: true, amount: 1500 },
  {
    name: '2021-03: a registered higher vocational student gets yulu of 1,500 yuan',
    facts: pupil('higher_vocational'),
    policy: 'yulu',
    entitled: true,
    amount: 1500,
  },
  { name: '2021-03: a university student does not get yulu', facts: pupil('university'), policy: 'yulu', entitled: false, amount: null },
  { name: '2021-03: a senior high school student does not get yulu', facts: pupil('senior'), policy: 'yulu', entitled: false, amount: null },
  {
    name: '2021-03: a vocational student of an ordinary household does not get yulu',
    facts: pupil('vocational', 'none'),
    policy: 'yulu',
    entitled: false,
    amount: null,
  },
];

describe('education policies (学前至义务教育免费, 雨露计划)', () => {
  it.each(cases)('$name', (c) => {
    expectCase(c);
  });

  it('2021-03: a senior high school student is told the waiver stops at junior middle school', () => {
    expect(expectCase(cases[3]).reasons).toEqual(['在校情况为普通高中，不属于学前至义务教育阶段']);
  });
});
