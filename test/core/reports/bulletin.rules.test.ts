import { bandsOf, rowsOf, scoreOf, sentencesOf, totalsOf } from '../../../cloudfunctions/core/reports/bulletin.rules';
import { cutOf, eventsOf, helpersAt, monthEnd, monthStart, trendOf } from '../../../cloudfunctions/core/reports/bulletin.events';
import type { BulletinSource } from '../../../cloudfunctions/core/reports/bulletin.reads';
import type { BulletinNeed } from '../../../cloudfunctions/core/needs/need.repository';
import type { BulletinFinding } from '../../../cloudfunctions/core/findings/finding.repository';
import type { BulletinRow } from '../../../types/api/reports';

/**
 * A county small enough to compute by hand (October 2026, read on 20 November):
 * 东镇 has villages v1 (h1, h2) and v2 (h3); 西乡 has v3 (h4, h5). Helper A works for 县财政局,
 * helper B for 县教育局. Every figure asserted below is worked out in the comments.
 */
const NOW = new Date('2026-11-20T06:00:00Z');
const OCT_END = '2026-10-31T16:00:00.000Z'; // 1 Nov 00:00 China time
const SEP_END = '2026-09-30T16:00:00.000Z';
const step = (status: BulletinNeed['status'], at: string) => ({ status, by: 'x', at });

function county(): BulletinSource {
  const needs: BulletinNeed[] = [
    // n1: h1, reported 1 Oct 00:30 China; accepted after 14 h (in time), resolved after 72 h; rated 4 on 5 Oct.
    {
      householdId: 'h1',
      townId: 't1',
      villageId: 'v1',
      status: 'resolved',
      reportedAt: '2026-09-30T16:30:00Z',
      acceptBy: '2026-10-01T16:30:00Z',
      resolveBy: '2026-10-08T16:30:00Z',
      history: [step('reported', '2026-09-30T16:30:00Z'), step('accepted', '2026-10-01T06:30:00Z'), step('resolved', '2026-10-03T16:30:00Z')],
      rating: 4,
      ratedAt: '2026-10-05T02:00:00Z',
    },
    // n2: h2, accepted 48 h after report (late), still not resolved past resolveBy: overdue at the end of October.
    {
      householdId: 'h2',
      townId: 't1',
      villageId: 'v1',
      status: 'accepted',
      reportedAt: '2026-10-10T00:00:00Z',
      acceptBy: '2026-10-11T00:00:00Z',
      resolveBy: '2026-10-20T00:00:00Z',
      history: [
        step('reported', '2026-10-10T00:00:00Z'),
        { ...step('accepted', '2026-10-10T05:00:00Z'), kind: 'urged' as const },
        step('accepted', '2026-10-12T00:00:00Z'),
      ],
    },
    // n3: h3, reported 30 Sep 23:30 China (September's), never answered: overdue at the end of October, not of September.
    {
      householdId: 'h3',
      townId: 't1',
      villageId: 'v2',
      status: 'reported',
      reportedAt: '2026-09-30T15:30:00Z',
      acceptBy: '2026-10-01T15:30:00Z',
      resolveBy: '2026-10-08T15:30:00Z',
      history: [step('reported', '2026-09-30T15:30:00Z')],
    },
    // n4: h1, reported 1 Nov 00:30 China: November's, in no October figure.
    {
      householdId: 'h1',
      townId: 't1',
      villageId: 'v1',
      status: 'reported',
      reportedAt: '2026-10-31T16:30:00Z',
      acceptBy: '2026-11-01T16:30:00Z',
      resolveBy: '2026-11-08T16:30:00Z',
      history: [step('reported', '2026-10-31T16:30:00Z')],
    },
    // n5: h5, an August need rated 2 on 20 Oct: October's satisfaction only.
    {
      householdId: 'h5',
      townId: 't2',
      villageId: 'v3',
      status: 'confirmed',
      reportedAt: '2026-08-01T00:00:00Z',
      acceptBy: '2026-08-02T00:00:00Z',
      resolveBy: '2026-08-09T00:00:00Z',
      history: [
        step('reported', '2026-08-01T00:00:00Z'),
        step('accepted', '2026-08-01T02:00:00Z'),
        step('resolved', '2026-08-03T00:00:00Z'),
        step('confirmed', '2026-08-04T00:00:00Z'),
      ],
      rating: 2,
      ratedAt: '2026-10-20T00:00:00Z',
    },
  ];
  const finding = (f: Partial<BulletinFinding>): BulletinFinding => ({
    townId: '',
    villageId: '',
    householdId: null,
    subjectHelperId: null,
    subject: { kind: 'household', id: 'x' },
    deadline: '',
    createdAt: '',
    closedAt: null,
    ...f,
  });
  const findings: BulletinFinding[] = [
    // f1: about h1, opened and closed on time in October.
    finding({
      townId: 't1',
      villageId: 'v1',
      householdId: 'h1',
      subject: { kind: 'household', id: 'h1' },
      createdAt: '2026-10-02T00:00:00Z',
      deadline: '2026-10-20T00:00:00Z',
      closedAt: '2026-10-18T00:00:00Z',
    }),
    // f2: about village v3, opened in September, still open past its 10 Oct deadline.
    finding({ townId: 't2', villageId: 'v3', subject: { kind: 'village', id: 'v3' }, createdAt: '2026-09-05T00:00:00Z', deadline: '2026-10-10T00:00:00Z' }),
    // f3: about 县教育局 (no town), opened in October, closed after its deadline.
    finding({
      subject: { kind: 'unit', id: '县教育局' },
      createdAt: '2026-10-05T00:00:00Z',
      deadline: '2026-10-22T00:00:00Z',
      closedAt: '2026-10-25T00:00:00Z',
    }),
  ];
  return {
    villages: [
      { id: 'v1', name: '一村', townId: 't1', townName: '东镇' },
      { id: 'v2', name: '二村', townId: 't1', townName: '东镇' },
      { id: 'v3', name: '三村', townId: 't2', townName: '西乡' },
    ],
    households: [
      { _id: 'h1', townId: 't1', villageId: 'v1' },
      { _id: 'h2', townId: 't1', villageId: 'v1' },
      { _id: 'h3', townId: 't1', villageId: 'v2' },
      { _id: 'h4', townId: 't2', villageId: 'v3' },
      { _id: 'h5', townId: 't2', villageId: 'v3' },
    ],
    spans: [
      { householdId: 'h1', helperId: 'A', since: '2026-01-01T00:00:00Z', until: null },
      // h2 passed from A to B on 15 Oct: B's at the end of October, A's at the end of September.
      { householdId: 'h2', helperId: 'A', since: '2026-01-01T00:00:00Z', until: '2026-10-15T00:00:00Z' },
      { householdId: 'h2', helperId: 'B', since: '2026-10-15T00:00:00Z', until: null },
      // h3 paired at 31 Oct 23:59:59 China: October's. h4 paired at 1 Nov 00:00 China: not October's.
      { householdId: 'h3', helperId: 'B', since: '2026-10-31T15:59:59Z', until: null },
      { householdId: 'h4', helperId: 'B', since: OCT_END, until: null },
      // h5's pairing ended at 1 Nov 00:00 China: still active at the end of October.
      { householdId: 'h5', helperId: 'A', since: '2026-01-01T00:00:00Z', until: OCT_END },
    ],
    visited: new Map([
      ['2026-10', new Set(['h1', 'h3', 'h4'])],
      ['2026-09', new Set(['h2', 'h5'])],
    ]),
    // Older months of the chart are counted from the rollups only: August had 5 households visited (one beyond the 3 paired).
    visitedCounts: new Map([
      ['2026-08', 5],
      ['2026-09', 2],
      ['2026-10', 3],
    ]),
    needs,
    findings,
    ratings: [],
    gaps: new Map([
      [
        OCT_END,
        new Map([
          ['h1', new Set(['dibao:', 'pension:m1'])],
          ['h5', new Set(['dibao:'])],
        ]),
      ],
      [
        SEP_END,
        new Map([
          ['h1', new Set(['dibao:', 'medical:m2'])],
          ['h3', new Set(['dibao:'])],
        ]),
      ],
    ]),
    helpers: new Map([
      ['A', { name: '张帮', unit: '县财政局' }],
      ['B', { name: '李扶', unit: '县教育局' }],
    ]),
  };
}

const row = (rows: BulletinRow[], id: string) => {
  const found = rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};

describe('month bounds in China time', () => {
  it("runs a month from its first day 00:00 +08:00 to the next month's", () => {
    expect(monthStart('2026-10')).toBe('2026-09-30T16:00:00.000Z');
    expect(monthEnd('2026-10')).toBe(OCT_END);
    expect(monthEnd('2026-12')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('cuts the month under way at now, and a past month at its end', () => {
    expect(cutOf('2026-11', NOW)).toBe(NOW.toISOString());
    expect(cutOf('2026-10', NOW)).toBe(OCT_END);
  });

  it('takes the primary helper active at the end of the month: since before the end, until empty or not before it', () => {
    const oct = helpersAt(county(), OCT_END);
    expect(Object.fromEntries(oct)).toEqual({ h1: 'A', h2: 'B', h3: 'B', h5: 'A' });
    expect(Object.fromEntries(helpersAt(county(), SEP_END))).toEqual({ h1: 'A', h2: 'A', h5: 'A' });
  });
});

describe("满意度 counts the helper ratings given in the month besides the needs' ratings", () => {
  it("a rating of helper B by h3 in October joins October's mean, for B, B's unit and h3's village and town; one given in November does not", () => {
    const source = {
      ...county(),
      ratings: [
        { householdId: 'h3', helperId: 'B', townId: 't1', villageId: 'v2', rating: 5, at: '2026-10-10T02:00:00Z' },
        { householdId: 'h3', helperId: 'B', townId: 't1', villageId: 'v2', rating: 1, at: OCT_END },
      ],
    };
    const oct = eventsOf(source, '2026-10', NOW);
    // n1 (4) and n5 (2) as before, and B's 5: mean 11 / 3.
    expect(totalsOf(oct)).toMatchObject({ ratingCount: 3, ratingMean: 3.67 });
    const without = eventsOf(county(), '2026-10', NOW);
    const helperRow = (events: ReturnType<typeof eventsOf>) =>
      row(
        rowsOf(
          'helper',
          [
            { id: 'A', name: '张帮' },
            { id: 'B', name: '李扶' },
          ],
          events,
          null,
        ),
        'B',
      );
    expect(helperRow(oct).ratingCount).toBe(helperRow(without).ratingCount + 1);
    const villageRow = (events: ReturnType<typeof eventsOf>) => row(rowsOf('village', [{ id: 'v2', name: '二村' }], events, null), 'v2');
    expect(villageRow(oct).ratingCount).toBe(villageRow(without).ratingCount + 1);
  });
});

describe('the figures of a hand-computed county', () => {
  const source = county();
  const oct = eventsOf(source, '2026-10', NOW);
  const sep = eventsOf(source, '2026-09', NOW);

  it('totals October: coverage, needs, satisfaction, gaps, findings and the score', () => {
    expect(totalsOf(oct)).toEqual({
      // Paired at the end of October: h1, h5 (A), h2, h3 (B); visited of them: h1, h3 (h4 was visited but not yet paired).
      paired: 4,
      visited: 2,
      coverage: 0.5,
      // Reported in October: n1 (in time), n2 (late); open past deadline at its end: n2, n3. Accepted after 14 h and 48 h.
      needsReported: 2,
      needsInTime: 1,
      needsOverdue: 2,
      medianAcceptHours: 31,
      medianResolveHours: 72,
      // Rated in October: n1 (4) and n5 (2).
      ratingMean: 3,
      ratingCount: 2,
      // Open at the end of October: h1's two, h5's one; closed during it: h1's medical, h3's dibao.
      gapsOpen: 3,
      gapsClosed: 2,
      // Opened: f1, f3; closed: f1 (on time), f3 (late); overdue: f2.
      findingsOpened: 2,
      findingsClosed: 2,
      findingsOnTime: 1,
      findingsOverdue: 1,
      // 100 × (0.4·0.5 + 0.2·0.5 + 0.2·(1 − 3/4) + 0.2·1/3) = 41.67
      score: 41.7,
    });
  });

  it('totals September, the month to compare with', () => {
    const t = totalsOf(sep);
    expect([t.paired, t.visited, t.needsReported, t.needsInTime, t.needsOverdue, t.gapsOpen, t.findingsOpened, t.findingsOverdue]).toEqual([
      3, 2, 1, 0, 0, 3, 1, 0,
    ]);
    // 100 × (0.4·2/3 + 0.2·0 + 0.2·(1 − 3/3) + 0.2·1) = 46.67
    expect(t.score).toBe(46.7);
  });

  it('splits October by town, with the change against September', () => {
    const towns = rowsOf(
      'town',
      [
        { id: 't1', name: '东镇' },
        { id: 't2', name: '西乡' },
      ],
      oct,
      rowsOf(
        'town',
        [
          { id: 't1', name: '东镇' },
          { id: 't2', name: '西乡' },
        ],
        sep,
        null,
      ),
    );
    const east = row(towns, 't1');
    expect([
      east.paired,
      east.visited,
      east.needsReported,
      east.needsInTime,
      east.needsOverdue,
      east.gapsOpen,
      east.gapsClosed,
      east.findingsClosed,
      east.findingsOnTime,
    ]).toEqual([3, 2, 2, 1, 2, 2, 2, 1, 1]);
    // 100 × (0.4·2/3 + 0.2·1/2 + 0.2·(1 − 2/3) + 0.2·1) = 63.33
    expect(east.score).toBe(63.3);
    const west = row(towns, 't2');
    // h5 paired, not visited; no need reported (a share with nothing counts 1); one gap for one household; f2 overdue.
    expect([west.paired, west.visited, west.ratingCount, west.ratingMean, west.gapsOpen, west.findingsOverdue]).toEqual([1, 0, 1, 2, 1, 1]);
    expect(west.score).toBe(20);
    expect(towns.map((r) => r.id)).toEqual(['t1', 't2']);
    // September: 东镇 h1, h2 paired, h2 visited; 西乡 h5 paired and visited.
    expect([east.prev?.paired, east.prev?.visited, west.prev?.paired, west.prev?.visited]).toEqual([2, 1, 1, 1]);
    // Two rows: no band at either end.
    expect(towns.map((r) => r.band)).toEqual(['yellow', 'yellow']);
  });

  it('splits October by helper and by unit (a unit finding counts for the unit only)', () => {
    const helpers = rowsOf(
      'helper',
      [
        { id: 'A', name: '张帮' },
        { id: 'B', name: '李扶' },
      ],
      oct,
      null,
    );
    const a = row(helpers, 'A');
    expect([a.paired, a.visited, a.needsReported, a.needsInTime, a.ratingMean, a.gapsOpen, a.gapsClosed, a.findingsOnTime]).toEqual([2, 1, 1, 1, 3, 3, 1, 1]);
    // 100 × (0.4·1/2 + 0.2·1 + 0.2·0 (3 gaps for 2 households) + 0.2·1) = 60
    expect(a.score).toBe(60);
    const b = row(helpers, 'B');
    expect([b.paired, b.visited, b.needsReported, b.needsInTime, b.needsOverdue, b.gapsClosed, b.findingsClosed]).toEqual([2, 1, 1, 0, 2, 1, 0]);
    expect(b.score).toBe(60);
    const units = rowsOf(
      'unit',
      [
        { id: '县财政局', name: '县财政局' },
        { id: '县教育局', name: '县教育局' },
      ],
      oct,
      null,
    );
    const edu = row(units, '县教育局');
    expect([edu.findingsOpened, edu.findingsClosed, edu.findingsOnTime]).toEqual([1, 1, 0]);
    // 100 × (0.4·1/2 + 0 + 0.2·1 + 0.2·0) = 40
    expect(edu.score).toBe(40);
    expect(row(units, '县财政局').score).toBe(60);
    expect(units.map((r) => r.rank)).toEqual([1, 2]);
  });

  it("draws the coverage line from each month's pairings and visits (October's h4 visit does not count: not yet paired)", () => {
    expect(trendOf(source, ['2026-08', '2026-09', '2026-10'])).toEqual([
      // Counted, at most the paired.
      { month: '2026-08', paired: 3, visited: 3, coverage: 1 },
      { month: '2026-09', paired: 3, visited: 2, coverage: 0.6667 },
      { month: '2026-10', paired: 4, visited: 2, coverage: 0.5 },
    ]);
  });
});

describe('score, bands and 连续两月末位', () => {
  it('counts a share with nothing in it as 1', () => {
    expect(scoreOf({ paired: 0, visited: 0, needsReported: 0, needsInTime: 0, gapsOpen: 0, findingsClosed: 0, findingsOnTime: 0, findingsOverdue: 0 })).toBe(
      100,
    );
  });

  it.each([
    [3, ['green', 'yellow', 'red']],
    [4, ['green', 'yellow', 'yellow', 'red']],
    [5, ['green', 'yellow', 'yellow', 'yellow', 'red']],
    [12, ['green', 'green', ...Array(8).fill('yellow'), 'red', 'red']],
  ])('bands %i rows: the top 20 %% green, the bottom 20 %% red, at least one of each', (n, bands) => {
    const scores = Array.from({ length: n }, (_, i) => 100 - i * 5);
    expect(bandsOf(scores)).toEqual(bands);
    // Order given does not matter: bands follow the scores.
    expect(bandsOf([...scores].reverse())).toEqual([...bands].reverse());
  });

  it('flags a row red this month and the month before, and names it among the 短板', () => {
    const names = ['甲', '乙', '丙'].map((name) => ({ id: name, name }));
    const ev = (id: string, visited: number) => ({ place: { townId: id }, add: { paired: 10, visited } });
    const before = rowsOf('town', names, [ev('甲', 9), ev('乙', 5), ev('丙', 2)], null);
    const now = rowsOf('town', names, [ev('甲', 6), ev('乙', 8), ev('丙', 3)], before);
    expect(now.map((r) => [r.name, r.band, r.lastTwice])).toEqual([
      ['乙', 'green', false],
      ['甲', 'yellow', false],
      ['丙', 'red', true],
    ]);
    const { highlights, weaknesses } = sentencesOf([['town', now]]);
    // 乙: 100 × (0.4·0.8 + 0.6) = 92; before 100 × (0.4·0.5 + 0.6) = 80.
    expect(highlights).toEqual(['乡镇排名第一：乙，得分 92.0，走访覆盖率 80.0%（8/10户）。', '乡镇进步最大：乙，得分由 80.0 升至 92.0（+12.0）。']);
    expect(weaknesses).toEqual(['乡镇排名末位：丙，得分 72.0，走访覆盖率 30.0%（3/10户）。', '乡镇连续两月末位：丙（本月得分 72.0，上月 68.0）。']);
  });
});
