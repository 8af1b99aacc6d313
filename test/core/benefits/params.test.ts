import { Policy, PolicyCode } from '../../../types/policy';
import { DEFAULT_POLICIES } from '../../../cloudfunctions/core/benefits/catalogue';
import { ageOn, fmt } from '../../../cloudfunctions/core/benefits/facts';
import { param, paramsAt } from '../../../cloudfunctions/core/benefits/params';
import { RULES } from '../../../cloudfunctions/core/benefits/rules';

const policy = (code: PolicyCode) => DEFAULT_POLICIES.find((p) => p.code === code)!;

describe('the seeded catalogue', () => {
  it('has one valid policy per code, in the order of SPEC §3', () => {
    expect(DEFAULT_POLICIES.map((p) => p.code)).toEqual(PolicyCode.options);
    for (const p of DEFAULT_POLICIES) expect(Policy.parse(p)).toEqual(p);
  });

  it('gives each policy the level its rule is written for', () => {
    for (const p of DEFAULT_POLICIES) expect([p.code, p.level]).toEqual([p.code, RULES[p.code].level]);
  });

  it('seeds the dibao standard 3,600 from 2018-01-01 and 5,160 from 2020-01-01', () => {
    expect(policy('dibao').values).toEqual([
      { from: '2018-01-01', params: { standard: 3600 } },
      { from: '2020-01-01', params: { standard: 5160 } },
    ]);
  });

  it('seeds the amounts of SPEC §3', () => {
    const at = (code: PolicyCode) => paramsAt(policy(code), '2021-03-01').params;
    expect(at('tekun').factor).toBe(1.3);
    expect([at('medical_premium').amount, at('pension_premium').amount]).toEqual([100, 100]);
    expect(at('yulu').amount).toBe(1500);
    expect([at('disability_living').amount, at('disability_care').amount, at('elderly_allowance').amount]).toEqual([1200, 1200, 1200]);
    expect(at('housing_repair')).toEqual({ gradeC: 15000, gradeD: 30000 });
  });
});

describe('paramsAt: the values in force on a date', () => {
  it.each([
    { date: '2018-01-01', from: '2018-01-01', standard: 3600 },
    { date: '2019-12-31', from: '2018-01-01', standard: 3600 },
    { date: '2020-01-01', from: '2020-01-01', standard: 5160 },
    { date: '2030-06-30', from: '2020-01-01', standard: 5160 },
  ])('on $date the dibao standard is $standard, in force from $from', ({ date, from, standard }) => {
    expect(paramsAt(policy('dibao'), date)).toEqual({ code: 'dibao', label: '农村最低生活保障', from, params: { standard } });
  });

  it('picks the latest entry on or before the date even when entries are not sorted', () => {
    const edited = { ...policy('dibao'), values: [{ from: '2022-01-01', params: { standard: 6000 } }, ...policy('dibao').values] };
    expect(paramsAt(edited, '2021-12-31').params.standard).toBe(5160);
    expect(paramsAt(edited, '2022-01-01').params.standard).toBe(6000);
  });

  it('refuses a date before the first entry, saying from when the policy applies', () => {
    expect(() => paramsAt(policy('dibao'), '2017-12-31')).toThrow('政策「农村最低生活保障」在2017年12月31日还没有生效的参数，最早自2018年1月1日起执行');
    expect(() => paramsAt(policy('dibao'), '2017-12-31')).toThrow(expect.objectContaining({ name: 'EvaluationError', code: 'INVALID_INPUT' }));
  });

  it('names a missing parameter instead of computing with NaN', () => {
    const values = paramsAt(policy('dibao'), '2021-03-01');
    expect(() => param(values, 'standrd')).toThrow('政策「农村最低生活保障」自2020年1月1日起的参数缺少 standrd');
    expect(() => param(values, 'standrd')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});

describe('ages and numbers', () => {
  it.each([
    { birth: '1961-03-01', date: '2021-03-01', age: 60, name: 'the birthday itself counts' },
    { birth: '1961-03-02', date: '2021-03-01', age: 59, name: 'the day before the birthday does not' },
    { birth: '1961-12-31', date: '2021-01-01', age: 59, name: 'a birthday late in the year is not yet reached in January' },
    { birth: '1960-02-29', date: '2021-02-28', age: 60, name: 'born on 29 Feb: not yet a year older on 28 Feb of a common year' },
    { birth: '1960-02-29', date: '2021-03-01', age: 61, name: 'born on 29 Feb: a year older on 1 Mar' },
  ])('born $birth is $age on $date ($name)', ({ birth, date, age }) => {
    expect(ageOn(birth, date)).toBe(age);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [5160, '5,160'],
    [1234567, '1,234,567'],
    [3333.3333, '3,333.33'],
    [1.3, '1.3'],
    [-1500, '-1,500'],
  ])('%p is written %p', (n, text) => {
    expect(fmt(n)).toBe(text);
  });
});
