import { answerState, rateRow, rateRows } from '../../../cloudfunctions/core/visits/confirmation.rules';

const at = '2026-11-20T10:00:00+08:00';
const now = (iso: string) => new Date(iso);

describe('where a visit stands (走访确认)', () => {
  it.each([
    ['an answered yes is confirmed', { happened: true }, '2026-12-20T00:00:00+08:00', 'confirmed'],
    ['an answered no is denied', { happened: false }, '2026-11-21T00:00:00+08:00', 'denied'],
    ['no answer within the 3 days is pending', null, '2026-11-23T23:00:00+08:00', 'pending'],
    ['no answer after the 3 days is unconfirmed', null, '2026-11-24T00:00:00+08:00', 'unconfirmed'],
  ] as const)('%s', (_name, confirmation, when, expected) => {
    expect(answerState({ visitedAt: at, confirmation }, now(when))).toBe(expected);
  });
});

describe('confirmation rate', () => {
  it('is confirmed over the visits with an outcome: visits still pending count against no one', () => {
    expect(rateRow('t', '一镇', ['confirmed', 'confirmed', 'denied', 'unconfirmed', 'pending'])).toEqual({
      id: 't',
      name: '一镇',
      visits: 5,
      confirmed: 2,
      denied: 1,
      unconfirmed: 1,
      pending: 1,
      rate: 0.5,
    });
  });
  it('is null when every visit is still pending', () => {
    expect(rateRow('t', '一镇', ['pending']).rate).toBeNull();
  });
  it('groups by key and lists groups by name, not by rate', () => {
    const rows = rateRows(
      [
        { k: 'b', s: 'denied' },
        { k: 'a', s: 'confirmed' },
        { k: 'b', s: 'confirmed' },
      ] as const,
      (x) => x.k,
      (id) => (id === 'a' ? '乙' : '甲'),
      (x) => x.s,
    );
    expect(rows.map((r) => [r.name, r.rate])).toEqual([
      ['甲', 0.5],
      ['乙', 1],
    ]);
  });
});
