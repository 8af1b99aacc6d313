import { cleanReasons, meanRating } from '../../../cloudfunctions/core/satisfaction/rating.rules';
import { quarterOf } from '../../../types/satisfaction';

describe('满意度 rules', () => {
  it.each([
    ['2026-01', '2026-Q1'],
    ['2026-03', '2026-Q1'],
    ['2026-04', '2026-Q2'],
    ['2026-11', '2026-Q4'],
    ['2026-12', '2026-Q4'],
  ])('month %s is in quarter %s', (month, quarter) => {
    expect(quarterOf(month)).toBe(quarter);
  });
  it('the mean rating is given to one decimal with its count, and none when nobody rated', () => {
    expect(meanRating([5, 4, 4])).toEqual({ average: 4.3, count: 3 });
    expect(meanRating([])).toEqual({ average: null, count: 0 });
  });
  it('reasons are kept once each, without blanks', () => {
    expect(cleanReasons([' 办事热心', '办事热心', ''])).toEqual(['办事热心']);
  });
});
