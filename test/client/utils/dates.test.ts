import { chinaToday, chineseDate, localDay, monthLabel, shiftMonth, shortTime } from '../../../client/src/utils/dates';

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

  test("a phone's own calendar day is two-digit padded", () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
