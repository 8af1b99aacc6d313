import {
  compareDue,
  maySeeVisitLocation,
  dueStatus,
  nextOccasion,
  standingOf,
  upcomingFestival,
  visitTimeProblem,
  confirmTimeProblem,
  lastConfirmDay,
} from '../../../cloudfunctions/core/visits/visit.rules';

const NOW = new Date('2026-11-20T04:00:00Z');

describe('visit time', () => {
  it.each([
    ['a visit an hour ago is accepted', '2026-11-20T03:00:00Z', null],
    ['a visit two minutes ahead (clock drift) is accepted', '2026-11-20T04:02:00Z', null],
    ['a visit tomorrow is refused', '2026-11-21T04:00:00Z', /晚于现在/],
    ['a visit 59 days back is accepted', '2026-09-22T04:00:00Z', null],
    ['a visit 61 days back is refused', '2026-09-20T04:00:00Z', /60 天/],
  ])('%s', (_name, at, expected) => {
    const problem = visitTimeProblem(at, NOW);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('standing this month', () => {
  const accident = { occasion: 'accident' as const, label: '突发意外，需上门看望', date: '2026-12-05' };
  it.each([
    ['a household visited with nothing after stays visited', 'visited', null, { status: 'visited', visitedThisMonth: true, dueAgainReason: null }],
    [
      'a household visited before an emergency is due again, still counted visited, and says why',
      'visited',
      accident,
      { status: 'due', visitedThisMonth: true, dueAgainReason: '急难后需再次走访' },
    ],
    [
      'a household not visited with an emergency is due, not visited, with no again-reason',
      'due',
      accident,
      { status: 'due', visitedThisMonth: false, dueAgainReason: null },
    ],
    ['an overdue household stays overdue', 'overdue', null, { status: 'overdue', visitedThisMonth: false, dueAgainReason: null }],
  ] as const)('%s', (_name, monthly, occasion, expected) => {
    expect(standingOf(monthly, occasion)).toEqual(expected);
  });
});

describe('monthly status', () => {
  it.each([
    ['a household visited this month is visited', ['2026-11'], '2025-01-01T00:00:00Z', 'visited'],
    ['a household visited only last month is due', ['2026-10'], '2025-01-01T00:00:00Z', 'due'],
    ['a household missed this and last month is overdue', ['2026-09'], '2025-01-01T00:00:00Z', 'overdue'],
    ['a household paired this month is due, not overdue', [], '2026-11-03T00:00:00Z', 'due'],
  ])('%s', (_name, months, since, expected) => {
    expect(dueStatus(new Set(months), '2026-11', since)).toBe(expected);
  });
});

describe('must-visit occasions', () => {
  it('a hospital need reported after the last visit calls for a visit', () => {
    const next = nextOccasion({
      now: NOW,
      visits: [{ visitedAt: '2026-11-02T02:00:00Z', occasion: 'routine' }],
      openCareNeeds: [{ reportedAt: '2026-11-10T02:00:00Z', category: 'medical' }],
    });
    expect(next).toMatchObject({ occasion: 'hospital' });
  });

  it('an emergency need already visited after being reported calls for nothing more', () => {
    expect(
      nextOccasion({
        now: NOW,
        visits: [{ visitedAt: '2026-11-12T02:00:00Z', occasion: 'accident' }],
        openCareNeeds: [{ reportedAt: '2026-11-10T02:00:00Z', category: 'emergency' }],
      }),
    ).toBeNull();
  });

  it('the Spring Festival visit falls due in the two weeks before it until a festival visit is made', () => {
    const before = new Date('2026-02-10T04:00:00Z');
    expect(upcomingFestival(before)).toMatchObject({ label: '春节' });
    expect(nextOccasion({ now: before, visits: [], openCareNeeds: [] })).toMatchObject({ occasion: 'festival', label: '春节慰问' });
    expect(nextOccasion({ now: before, visits: [{ visitedAt: '2026-02-08T02:00:00Z', occasion: 'festival' }], openCareNeeds: [] })).toBeNull();
  });

  it('no festival is due in late November', () => {
    expect(upcomingFestival(NOW)).toBeNull();
  });
});

describe('order of the list', () => {
  const row = (status: 'visited' | 'due' | 'overdue', urgentNeeds = 0, last: string | null = '2026-11-01') => ({
    status,
    urgentNeeds,
    nextOccasion: null,
    lastVisitedAt: last,
  });
  it('puts emergencies first, then overdue, due and visited', () => {
    const rows = [row('visited'), row('due'), row('overdue'), row('visited', 1)];
    expect(rows.sort(compareDue).map((r) => `${r.status}${r.urgentNeeds}`)).toEqual(['visited1', 'overdue0', 'due0', 'visited0']);
  });
});

describe('who sees where a visit was recorded', () => {
  const visit = { helperId: 'helper-1' };
  it.each([
    ['an admin in scope', { _id: 'admin-1', role: 'admin' }, true],
    ['the helper who recorded the visit', { _id: 'helper-1', role: 'helper' }, true],
    ['another helper paired with the household', { _id: 'helper-2', role: 'helper' }, false],
    ['the household itself', { _id: 'helper-1', role: 'household' }, false],
  ])('%s: %s', (_who, viewer, expected) => {
    expect(maySeeVisitLocation(viewer, visit)).toBe(expected);
  });
});

describe('visit confirmation window (走访确认)', () => {
  const visitedAt = '2026-11-20T10:00:00+08:00';
  it.each([
    ['a visit cannot be confirmed a second before it took place', '2026-11-20T09:59:59+08:00', /还没到时间/],
    ['a visit can be confirmed the moment it took place', '2026-11-20T10:00:00+08:00', null],
    ['a visit can be confirmed until the end of the third China day after it', '2026-11-23T23:59:59+08:00', null],
    ['a visit cannot be confirmed on the fourth day, and the message says when it closed', '2026-11-24T00:00:00+08:00', /3 天内.*11月23日截止/],
    ['a visit dated tomorrow cannot be confirmed today', '2026-11-19T15:00:00+08:00', /还没到时间/],
  ])('%s', (_name, now, expected) => {
    const problem = confirmTimeProblem(visitedAt, new Date(now));
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('counts days in China time: a visit late in the China evening closes three China days later', () => {
    expect(lastConfirmDay('2026-11-20T23:30:00+08:00')).toBe('2026-11-23');
    expect(lastConfirmDay('2026-11-20T16:30:00Z')).toBe('2026-11-24');
  });
});
