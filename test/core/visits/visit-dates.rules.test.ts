import { measureProblem, visitDateRange, visitedAtFor, visitTimeProblem, visitYear } from '../../../cloudfunctions/core/visits/visit.rules';

/** 2026-11-20 12:00 China time. */
const NOON = new Date('2026-11-20T04:00:00Z');
/** 2026-11-20 23:59 China time: the last minute of the day. */
const LATE = new Date('2026-11-20T15:59:00Z');
/** 2026-11-21 00:30 China time, still 2026-11-20 in UTC. */
const PAST_MIDNIGHT = new Date('2026-11-20T16:30:00Z');

describe('which days the date picker offers (补录 60 days, China days)', () => {
  it.each([
    ['at noon on 2026-11-20 a helper may pick 2026-09-22 to 2026-11-20', NOON, { start: '2026-09-22', end: '2026-11-20' }],
    ['at 23:59 on 2026-11-20 the range is the same', LATE, { start: '2026-09-22', end: '2026-11-20' }],
    [
      'half an hour after midnight China time it is already 2026-11-21, though UTC still says the 20th',
      PAST_MIDNIGHT,
      { start: '2026-09-23', end: '2026-11-21' },
    ],
  ])('%s', (_sentence, now, expected) => {
    expect(visitDateRange(now)).toEqual(expected);
  });
});

describe('what time a visit is recorded at', () => {
  it.each([
    ['a visit entered for today carries the moment it was saved', '2026-11-20', NOON, NOON.toISOString()],
    ['a late entry (补录) for 2026-11-18 is dated 10:00 China time that day', '2026-11-18', NOON, '2026-11-18T10:00:00+08:00'],
    ['just after midnight China time, 2026-11-21 is today', '2026-11-21', PAST_MIDNIGHT, PAST_MIDNIGHT.toISOString()],
    ['just after midnight China time, 2026-11-20 is already a late entry', '2026-11-20', PAST_MIDNIGHT, '2026-11-20T10:00:00+08:00'],
  ])('%s', (_sentence, date, now, expected) => {
    expect(visitedAtFor(date, now)).toBe(expected);
  });
});

describe('which visit times the server accepts', () => {
  it.each([
    ['on 2026-11-20, a late entry for 2026-09-21 (60 days back) is accepted', '2026-09-21T10:00:00+08:00', NOON, null],
    ['on 2026-11-20, a late entry for 2026-09-20 (61 days back) is refused', '2026-09-20T10:00:00+08:00', NOON, /60 天/],
    ['at 23:59 on 2026-11-20, a late entry for 2026-09-21 is still accepted', '2026-09-21T10:00:00+08:00', LATE, null],
    ['a visit an hour from now is refused', '2026-11-20T05:00:00Z', NOON, /晚于现在/],
  ])('%s', (_sentence, at, now, expected) => {
    const problem = visitTimeProblem(at, now);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it.each([NOON, LATE, PAST_MIDNIGHT])('the earliest day the picker offers at %s is accepted even after a night in the offline queue', (now) => {
    const at = visitedAtFor(visitDateRange(now).start, now);
    expect(visitTimeProblem(at, now)).toBeNull();
    expect(visitTimeProblem(at, new Date(now.getTime() + 24 * 3_600_000))).toBeNull();
  });
});

describe("which year's plan a visit's progress goes to", () => {
  it.each([
    ['a late entry for 2026-12-31 recorded in January 2027 goes to the 2026 plan', '2026-12-31T10:00:00+08:00', 2026],
    ['a visit at 00:30 on 2027-01-01 China time (still 2026 in UTC) goes to the 2027 plan', '2026-12-31T16:30:00Z', 2027],
    ['a visit at 23:30 on 2026-12-31 China time goes to the 2026 plan', '2026-12-31T15:30:00Z', 2026],
  ])('%s', (_sentence, visitedAt, year) => {
    expect(visitYear(visitedAt)).toBe(year);
  });
});

describe('which measures a visit may name', () => {
  const plan = ['m-1', 'm-2'];
  it.each([
    [
      'measures of the plan with their progress are accepted',
      {
        measureIds: ['m-1'],
        progress: [
          { measureId: 'm-1', progress: 40 },
          { measureId: 'm-2', progress: 10 },
        ],
      },
      null,
    ],
    ["a measure that is not in the visit year's plan is refused", { measureIds: ['m-9'], progress: [] }, /帮扶计划中没有/],
    ['progress on a measure outside the plan is refused', { measureIds: [], progress: [{ measureId: 'm-9', progress: 40 }] }, /帮扶计划中没有/],
    [
      'two progress values for one measure are refused',
      {
        measureIds: ['m-1'],
        progress: [
          { measureId: 'm-1', progress: 40 },
          { measureId: 'm-1', progress: 50 },
        ],
      },
      /只能填写一次/,
    ],
  ])('%s', (_sentence, input, expected) => {
    const problem = measureProblem(plan, input);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
