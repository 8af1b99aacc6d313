import { addWorkingDays, currentDeadline, deadlinesFor, escalationOf, isOverdue } from '../../../cloudfunctions/core/needs/deadline.rules';
import { DEFAULT_NEED_SETTINGS } from '../../../types/need';

/** Times are UTC; China time is 8 hours ahead. 2026-11-20 is a Friday. */
describe('working days', () => {
  it.each([
    ['Monday 10:00 plus 2 working days is Wednesday evening', '2026-11-16T02:00:00Z', 2, '2026-11-18T15:59:59.999Z'],
    ['Friday 10:00 plus 2 working days skips the weekend to Tuesday evening', '2026-11-20T02:00:00Z', 2, '2026-11-24T15:59:59.999Z'],
    ['Saturday plus 1 working day is Monday evening', '2026-11-21T02:00:00Z', 1, '2026-11-23T15:59:59.999Z'],
    ['Sunday 23:00 China time plus 1 working day is Monday evening', '2026-11-22T15:00:00Z', 1, '2026-11-23T15:59:59.999Z'],
    ['Friday 01:00 China time (Thursday in UTC) counts from Friday', '2026-11-19T17:00:00Z', 1, '2026-11-23T15:59:59.999Z'],
    ['20 working days from Friday 20 November is Friday 18 December', '2026-11-20T02:00:00Z', 20, '2026-12-18T15:59:59.999Z'],
  ])('%s', (_sentence, from, n, expected) => {
    expect(addWorkingDays(new Date(from), n).toISOString()).toBe(expected);
  });
});

describe('deadlines by urgency', () => {
  it('gives an emergency 24 hours to be answered and 72 to be resolved, whatever the weekday', () => {
    const { acceptBy, resolveBy } = deadlinesFor('emergency', new Date('2026-11-21T10:00:00Z'), DEFAULT_NEED_SETTINGS);
    expect([acceptBy.toISOString(), resolveBy.toISOString()]).toEqual(['2026-11-22T10:00:00.000Z', '2026-11-24T10:00:00.000Z']);
  });

  it('follows edited parameters: 1 working day to accept and 5 to resolve', () => {
    const { acceptBy, resolveBy } = deadlinesFor('housing', new Date('2026-11-20T02:00:00Z'), {
      ...DEFAULT_NEED_SETTINGS,
      acceptWorkingDays: 1,
      resolveWorkingDays: 5,
    });
    expect([acceptBy.toISOString(), resolveBy.toISOString()]).toEqual(['2026-11-23T15:59:59.999Z', '2026-11-27T15:59:59.999Z']);
  });
});

describe('overdue and escalation', () => {
  const need = { reportedAt: '2026-11-20T02:00:00.000Z', acceptBy: '2026-11-21T02:00:00.000Z', resolveBy: '2026-11-23T02:00:00.000Z' };
  it.each([
    ['a reported need is judged by its accept deadline', 'reported', '2026-11-21T02:00:00.001Z', true, 'village'],
    ['a reported need is not overdue at the deadline itself', 'reported', '2026-11-21T02:00:00.000Z', false, 'none'],
    ['an accepted need is judged by its resolve deadline', 'accepted', '2026-11-22T00:00:00Z', false, 'none'],
    ['an in-progress need past its resolve deadline is overdue', 'in_progress', '2026-11-23T03:00:00Z', true, 'village'],
    ['overdue for longer than its 24 hours to answer, it goes up to the town', 'reported', '2026-11-22T02:00:01Z', true, 'town'],
    ['a resolved need is never overdue', 'resolved', '2027-01-01T00:00:00Z', false, 'none'],
    ['a rejected need is never overdue', 'rejected', '2027-01-01T00:00:00Z', false, 'none'],
  ] as const)('%s', (_sentence, status, now, overdue, escalation) => {
    const n = { ...need, status };
    expect(isOverdue(n, new Date(now))).toBe(overdue);
    expect(escalationOf(n, new Date(now))).toBe(escalation);
  });

  it('has no deadline once closed', () => {
    expect(currentDeadline({ ...need, status: 'confirmed' })).toBeNull();
    expect(currentDeadline({ ...need, status: 'reopened' })).toBe(need.resolveBy);
  });
});
