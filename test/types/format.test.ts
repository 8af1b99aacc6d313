import { addDays, chineseDay, monthDay, thousands, yuan } from '../../types/format';

/** UX.md: numbers with thousands separators and units, dates as 2026年11月23日 or 11月23日. */
describe('amounts as people read them, on both sides', () => {
  test.each([
    [6708, '6,708'],
    [999, '999'],
    [1234567, '1,234,567'],
    [3333.333, '3,333.33'],
    [1234.5, '1,234.5'],
    [-12000, '-12,000'],
    [0, '0'],
    [-0, '0'],
    [7, '7'],
    [1000, '1,000'],
    [100000, '100,000'],
    [-999999, '-999,999'],
    [9007199254740991, '9,007,199,254,740,991'],
    [-0.004, '0'],
    [-1234.5, '-1,234.5'],
  ])('%d reads %s', (n, text) => expect(thousands(n)).toBe(text));

  test('6708 yuan reads 6,708 元', () => expect(yuan(6708)).toBe('6,708 元'));
});

describe('days as people read them, on both sides', () => {
  test('2026-11-23 reads 2026年11月23日, in a list 11月23日', () => {
    expect(chineseDay('2026-11-23')).toBe('2026年11月23日');
    expect(monthDay('2026-11-23')).toBe('11月23日');
  });
  test('2020-01-01 reads 2020年1月1日 (no leading zeros)', () => expect(chineseDay('2020-01-01')).toBe('2020年1月1日'));
});

describe('addDays: calendar arithmetic on a day, with no time zone in it', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2025-06-01', -364)).toBe('2024-06-02');
  });
});
