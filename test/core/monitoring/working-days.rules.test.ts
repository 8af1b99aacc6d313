import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../cloudfunctions/core/monitoring/working-days.rules';

const none = new Set<string>();
// 2026-10-01 to 10-07 is the National Day holiday (a Thursday to a Wednesday).
const nationalDay = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);

describe('working days', () => {
  it('weekends do not count', () => {
    expect(isWorkingDay('2026-11-21', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-23', none)).toBe(true); // Monday
  });

  it('5 working days from a Friday end on the next Friday', () => {
    expect(addWorkingDays('2026-11-20', 5, none)).toBe('2026-11-27');
  });

  it("the county's holidays do not count either", () => {
    // Started on 30 September: 1, 2, 5, 6, 7 October are holidays, 3 and 4 a weekend.
    expect(addWorkingDays('2026-09-30', 1, nationalDay)).toBe('2026-10-08');
    expect(isWorkingDay('2026-10-05', nationalDay)).toBe(false);
  });

  it('counts the working days between two days, the first excluded', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-27', none)).toBe(5);
    expect(workingDaysBetween('2026-11-27', '2026-11-20', none)).toBe(-5);
    expect(workingDaysBetween('2026-11-20', '2026-11-20', none)).toBe(0);
  });
});
