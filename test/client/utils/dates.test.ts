import {
  chinaDay,
  chinaHour,
  chinaToday,
  chinaYear,
  chineseDate,
  monthLabel,
  parseDay,
  shiftMonth,
  shortDate,
  shortTime,
} from '../../../client/src/utils/dates';
import { greeting } from '../../../client/src/utils/format';

describe('months the coverage page steps through', () => {
  test.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -14, '2025-01'],
    ['2026-05', 0, '2026-05'],
  ])('%s moved by %i months is %s', (month, delta, expected) => {
    expect(shiftMonth(month, delta)).toBe(expected);
  });

  test('2026-03 reads 2026年3月', () => expect(monthLabel('2026-03')).toBe('2026年3月'));
});

describe('days as people read them', () => {
  test('a date and an ISO time read as 2026年11月23日', () => {
    expect(chineseDate('2026-11-23')).toBe('2026年11月23日');
    expect(chineseDate('2026-01-05T10:00:00.000Z')).toBe('2026年1月5日');
  });

  test('04:00 UTC on 20 November is 11月20日 12:00 in China; nothing reads as nothing', () => {
    expect(shortTime('2026-11-20T04:00:00Z')).toBe('11月20日 12:00');
    expect(shortTime(null)).toBe('');
  });

  test('17:00 UTC on 31 December is already 1 January in China', () => {
    expect(chinaToday(Date.parse('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

/** 18:30 UTC on 1 December is 02:30 on 2 December in China: the hours that stamped yesterday. */
describe('at 2026-12-01T18:30:00Z (02:30 China time on 2 December), whatever zone the phone is in', () => {
  const AT = '2026-12-01T18:30:00Z';
  test('the day is 2 December', () => {
    expect(chinaDay(AT)).toBe('2026-12-02');
    expect(chinaDay(new Date(AT))).toBe('2026-12-02');
    expect(chinaToday(Date.parse(AT))).toBe('2026-12-02');
  });
  test('an instant binds, pairs and is set on 2026年12月2日 (12月2日 in a list)', () => {
    expect(chineseDate(AT)).toBe('2026年12月2日');
    expect(shortDate(AT)).toBe('12月2日');
  });
  test('a day without a time is read as written', () => {
    expect(chineseDate('2026-12-01')).toBe('2026年12月1日');
    expect(shortDate('2026-01-05')).toBe('1月5日');
  });
  test('it is 02:30 at night: the hour is 2 and the greeting says so', () => {
    expect(chinaHour(new Date(AT))).toBe(2);
    expect(greeting(new Date(AT))).toBe('夜深了');
  });
  test("the year on New Year's Eve at 17:00 UTC is already the next one", () => {
    expect(chinaYear(Date.parse('2026-12-31T17:00:00Z'))).toBe(2027);
  });
});

describe('days as people type them (issue 13, item 17)', () => {
  test.each([
    ['1958年5月2日', '1958-05-02'],
    ['1958 年 5 月 2 日', '1958-05-02'],
    ['1958-5-2', '1958-05-02'],
    ['1958/05/02', '1958-05-02'],
    ['1958.5.2', '1958-05-02'],
    ['19580502', '1958-05-02'],
    ['1958-05-02', '1958-05-02'],
  ])('%s is read as %s', (typed, day) => expect(parseDay(typed)).toBe(day));

  test.each(['1958年2月30日', '1958年13月1日', '五月二日', '1958', ''])('%s is not a day', (typed) => expect(parseDay(typed)).toBeNull());
});
