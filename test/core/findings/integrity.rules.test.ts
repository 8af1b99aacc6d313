import {
  duplicateContents,
  evidenceAfterClose,
  findingsOutOfOrder,
  futureVisits,
  lateEntries,
  needsOutOfOrder,
  rapidVisits,
} from '../../../cloudfunctions/core/findings/integrity.rules';
import type { Finding } from '../../../types/finding';
import type { Need } from '../../../types/need';

const v = (id: string, helperId: string, householdId: string, visitedAt: string, createdAt = visitedAt) => ({
  _id: id,
  helperId,
  householdId,
  visitedAt,
  createdAt,
});

describe('integrity checks an inspector runs', () => {
  it('a visit dated after it was entered is dated in the future (a clock a few minutes fast is not)', () => {
    const visits = [v('a', 'h1', 'x', '2026-11-20T10:00:00Z', '2026-11-20T09:00:00Z'), v('b', 'h1', 'x', '2026-11-20T10:04:00Z', '2026-11-20T10:00:00Z')];
    expect(futureVisits(visits)).toEqual([{ visit: visits[0], aheadMinutes: 60 }]);
  });

  it('a visit entered more than 7 days after its date was entered long after', () => {
    const visits = [v('a', 'h1', 'x', '2026-11-01T02:00:00Z', '2026-11-12T02:00:00Z'), v('b', 'h1', 'x', '2026-11-05T02:00:00Z', '2026-11-11T02:00:00Z')];
    expect(lateEntries(visits)).toEqual([{ visit: visits[0], lateDays: 11 }]);
  });

  it('one helper at several households within minutes is a run; late entries at a nominal 10:00 are not', () => {
    const visits = [
      v('a', 'h1', 'x', '2026-11-20T02:00:00Z'),
      v('b', 'h1', 'y', '2026-11-20T02:04:00Z'),
      v('c', 'h1', 'z', '2026-11-20T02:09:00Z'),
      v('d', 'h1', 'w', '2026-11-20T03:00:00Z'),
      v('e', 'h2', 'x', '2026-11-20T02:00:00Z'),
      v('f', 'h2', 'x', '2026-11-20T02:03:00Z'),
      v('g', 'h3', 'x', '2026-11-18T02:00:00Z', '2026-11-25T02:00:00Z'),
      v('h', 'h3', 'y', '2026-11-18T02:00:00Z', '2026-11-25T02:01:00Z'),
    ];
    expect(rapidVisits(visits).map((r) => [r.helperId, r.visits.map((x) => x._id)])).toEqual([['h1', ['a', 'b', 'c']]]);
  });

  it('steps whose time lies before the step before are out of order', () => {
    const need = {
      _id: 'n',
      reportedAt: '2026-11-10T00:00:00Z',
      history: [{ at: '2026-11-10T00:00:00Z' }, { at: '2026-11-12T00:00:00Z' }, { at: '2026-11-11T00:00:00Z' }],
    } as unknown as Need;
    expect(needsOutOfOrder([need])).toEqual([{ need, step: 3 }]);
    const finding = { createdAt: '2026-11-10T00:00:00Z', history: [{ at: '2026-11-09T00:00:00Z' }] } as unknown as Finding;
    expect(findingsOutOfOrder([finding])).toEqual([{ finding, step: 1 }]);
  });

  it('evidence dated after 销号 is evidence after close', () => {
    const finding = { closedAt: '2026-11-10T00:00:00Z', evidence: [{ at: '2026-11-09T00:00:00Z' }, { at: '2026-11-11T00:00:00Z' }] } as unknown as Finding;
    expect(evidenceAfterClose([finding])).toEqual([{ finding, evidenceAt: '2026-11-11T00:00:00Z' }]);
  });
});

describe('records copied across households', () => {
  const c = (id: string, householdId: string, notes: string, photos: string[] = []) => ({
    _id: id,
    helperId: 'h1',
    householdId,
    visitedAt: `2026-11-2${id.length}T02:00:00Z`,
    notes,
    photos,
  });
  const long = '入户了解家庭收入情况，宣讲医保低保政策，查看住房安全，叮嘱按时服药';

  it('long notes word for word the same at two households are flagged, whatever the spacing and punctuation', () => {
    const found = duplicateContents([c('a', 'x', long), c('b', 'y', ` ${long.replace('，', ',')} `), c('cc', 'z', '了解近况')]);
    expect(found.map((g) => [g.kind, g.visits.map((v) => v._id)])).toEqual([['notes', ['a', 'b']]]);
  });

  it('short common notes, and the same notes twice at one household, are not flagged', () => {
    expect(
      duplicateContents([c('a', 'x', '了解家庭近况，生产生活正常'), c('b', 'y', '了解家庭近况，生产生活正常'), c('cc', 'x', long), c('d', 'x', long)]),
    ).toEqual([]);
  });

  it('one stored photo on visits of two households is flagged', () => {
    const found = duplicateContents([c('a', 'x', '', ['f1', 'f2']), c('b', 'y', '', ['f2']), c('cc', 'x', '', ['f1'])]);
    expect(found.map((g) => [g.kind, g.visits.map((v) => v._id)])).toEqual([['photo', ['a', 'b']]]);
  });
});
