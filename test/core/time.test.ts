import { chinaTime, dateOf, monthOf } from '../../cloudfunctions/core/time';
import { previousMonth } from '../../cloudfunctions/core/visits/visit.rules';

describe('dates and months in China time', () => {
  it.each([
    ['2026-11-30T15:59:59.999Z', '2026-11-30'],
    ['2026-11-30T16:00:00.000Z', '2026-12-01'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    ['2026-11-19T10:00:00+08:00', '2026-11-19'],
    ['2026-11-19T00:30:00+08:00', '2026-11-19'],
    ['2028-02-28T16:00:00Z', '2028-02-29'],
  ])('reads %s as %s, as dayjs does', (at, date) => {
    expect(dateOf(at)).toBe(date);
    expect(monthOf(at)).toBe(date.slice(0, 7));
    expect(dateOf(new Date(at))).toBe(chinaTime(at).format('YYYY-MM-DD'));
  });

  it('answers the same as dayjs for every hour of a year', () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 2); ms += 3_600_000) {
      expect(dateOf(new Date(ms))).toBe(chinaTime(new Date(ms)).format('YYYY-MM-DD'));
    }
  });

  it('leaves an invalid date to dayjs instead of throwing', () => {
    expect(dateOf('not a date')).toBe('Invalid Date');
  });

  it('steps back a month, across the new year too', () => {
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});
