import {
  availableActions,
  bucketOf,
  bucketRange,
  checkAction,
  closedOnTime,
  daysLeft,
  daysToClose,
  deadlineProblem,
  findingCode,
  noticeNumber,
} from '../../../cloudfunctions/core/findings/finding.rules';
import type { Finding } from '../../../types/finding';

const NOW = new Date('2026-12-01T16:30:00.000Z'); // 2026-12-02 00:30 China time
const DAY = 24 * 3600 * 1000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const f = (over: Partial<Finding> = {}) => ({ status: 'recorded', evidence: [], notice: null, open: true, deadline: at(30), ...over }) as Finding;
const evidenceBy = (by: string) => [{ note: '已整改', photos: [], by, byName: '某人', at: at(-1) }];

describe('督查整改 workflow rules', () => {
  it('the responsible person or an admin claims a recorded finding; a watching helper may not', () => {
    expect(checkAction(f(), 'claim', 'responsible', 'u1')).toEqual({ ok: true });
    expect(checkAction(f(), 'claim', 'admin', 'a1')).toEqual({ ok: true });
    expect(checkAction(f(), 'claim', 'watcher', 'u2')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('only an admin verifies, only after closing was requested', () => {
    expect(checkAction(f({ status: 'close_requested' }), 'verify', 'responsible', 'u1')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkAction(f({ status: 'submitted' }), 'verify', 'admin', 'a1')).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(checkAction(f({ status: 'close_requested', evidence: evidenceBy('u1') }), 'verify', 'admin', 'a1')).toEqual({ ok: true });
  });

  it('the verifier must not be a person who submitted evidence', () => {
    const check = checkAction(f({ status: 'close_requested', evidence: evidenceBy('a1') }), 'verify', 'admin', 'a1');
    expect(check).toEqual({ ok: false, code: 'FORBIDDEN', message: '您提交过这条问题的整改佐证，验收须由其他管理员进行' });
  });

  it('a closed finding cannot be changed by anyone', () => {
    for (const action of ['claim', 'planMeasures', 'submitEvidence', 'requestClose', 'verify', 'notice'] as const) {
      expect(checkAction(f({ status: 'closed', open: false }), action, 'admin', 'a1')).toEqual({
        ok: false,
        code: 'CONFLICT',
        message: '这条问题已销号，不能再修改',
      });
    }
    expect(availableActions(f({ status: 'closed', open: false }), 'admin', 'a1')).toEqual([]);
  });

  it('a sent-back finding is planned or evidenced again; closing needs fresh evidence first', () => {
    expect(availableActions(f({ status: 'returned' }), 'responsible', 'u1')).toEqual(['planMeasures', 'submitEvidence']);
  });

  it('a notice is issued once and acknowledged once, by the responsible person', () => {
    const issued = { number: 'n', issuedAt: at(-1), issuedBy: 'a1', issuedByName: 'A', acknowledgedAt: null, acknowledgedBy: null };
    expect(checkAction(f({ notice: issued }), 'notice', 'admin', 'a1')).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(checkAction(f(), 'acknowledge', 'responsible', 'u1')).toMatchObject({ ok: false, code: 'CONFLICT', message: '还没有下发限期整改通知单' });
    expect(checkAction(f({ notice: issued }), 'acknowledge', 'responsible', 'u1')).toEqual({ ok: true });
    expect(checkAction(f({ notice: { ...issued, acknowledgedAt: at(0), acknowledgedBy: 'u1' } }), 'acknowledge', 'responsible', 'u1')).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });
});

describe('deadlines and buckets (fixed clock)', () => {
  it('buckets open findings as overdue / within 10 days / within 20 / later', () => {
    expect(bucketOf(f({ deadline: at(-0.01) }), NOW)).toBe('overdue');
    expect(bucketOf(f({ deadline: at(0.5) }), NOW)).toBe('within10');
    expect(bucketOf(f({ deadline: at(9.99) }), NOW)).toBe('within10');
    expect(bucketOf(f({ deadline: at(10) }), NOW)).toBe('within20');
    expect(bucketOf(f({ deadline: at(10.01) }), NOW)).toBe('within20');
    expect(bucketOf(f({ deadline: at(20.5) }), NOW)).toBe('later');
    expect(bucketOf(f({ deadline: at(-5), open: false }), NOW)).toBeNull();
  });

  it('each bucket range holds exactly the deadlines bucketOf puts in it', () => {
    for (const days of [-3, -0.001, 0, 0.001, 3, 9.99, 10, 10.5, 20, 19.9, 20.1, 45]) {
      const deadline = at(days);
      const bucket = bucketOf(f({ deadline }), NOW)!;
      const { from, to } = bucketRange(bucket, NOW);
      expect([from === null || deadline >= from, to === null || deadline < to]).toEqual([true, true]);
    }
  });

  it('counts whole days left, negative once overdue', () => {
    expect(daysLeft(at(2.5), NOW)).toBe(2);
    expect(daysLeft(at(-0.5), NOW)).toBe(-1);
  });

  it('a deadline must lie ahead when a finding is recorded', () => {
    expect(deadlineProblem(at(-0.001), NOW)).toBe('整改时限应晚于现在');
    expect(deadlineProblem(at(1), NOW)).toBeNull();
  });

  it('a finding closed after its deadline was not closed on time, however often it was sent back', () => {
    expect(closedOnTime({ deadline: at(1), closedAt: at(2) })).toBe(false);
    expect(closedOnTime({ deadline: at(1), closedAt: at(0.5) })).toBe(true);
    expect(daysToClose({ createdAt: at(-10), closedAt: at(0) })).toBe(10);
  });

  it('numbers carry the China-time year (00:30 on 1 January is already the new year)', () => {
    const newYear = new Date('2026-12-31T16:30:00.000Z');
    expect(findingCode(newYear, 7)).toBe('DC-2027-0007');
    expect(noticeNumber(newYear, 3)).toBe('整改通知〔2027〕3号');
  });
});
