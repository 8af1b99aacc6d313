import { daysLabel, statusTag } from '../../../client/src/components/findings/format';
import { tagColour } from '../../../client/src/components/ui/tag/types';
import { fullTime } from '../../../client/src/utils/dates';

const NOW = Date.parse('2026-12-02T01:00:00Z');
const DAY = 86_400_000;
const open = (deadlineMs: number, daysLeft: number) => ({
  status: 'planned' as const,
  closedOnTime: null,
  overdue: deadlineMs < NOW,
  daysLeft,
  deadline: new Date(deadlineMs).toISOString(),
});

describe('a deadline as the pages say it', () => {
  test('2026-12-13T16:30Z reads 2026年12月14日 00:30 (China time, to the minute)', () => {
    expect(fullTime('2026-12-13T16:30:00Z')).toBe('2026年12月14日 00:30');
  });
  test('12 days ahead less an hour reads 还剩 11 天, plain', () => {
    expect(daysLabel(open(NOW + 12 * DAY - 3_600_000, 11), NOW)).toEqual({ text: '还剩 11 天', tone: 'normal' });
  });
  test('within 10 days is orange', () => expect(daysLabel(open(NOW + 5 * DAY, 5), NOW).tone).toBe('warning'));
  test('later today reads 今天到期', () => expect(daysLabel(open(NOW + 3_600_000, 0), NOW).text).toBe('今天到期'));
  test('4 days and an hour past reads 已逾期 4 天 in red, though daysLeft rounds down to -5', () => {
    expect(daysLabel(open(NOW - 4 * DAY - 3_600_000, -5), NOW)).toEqual({ text: '已逾期 4 天', tone: 'danger' });
  });
  test('an hour past reads 已逾期 1 天', () => expect(daysLabel(open(NOW - 3_600_000, -1), NOW).text).toBe('已逾期 1 天'));
  test('closed by the deadline reads 按期销号 (green), closed late 逾期销号 (red)', () => {
    expect(daysLabel({ status: 'closed', closedOnTime: true, overdue: false, daysLeft: null, deadline: '' }, NOW)).toEqual({
      text: '按期销号',
      tone: 'success',
    });
    expect(daysLabel({ status: 'closed', closedOnTime: false, overdue: false, daysLeft: null, deadline: '' }, NOW).tone).toBe('danger');
  });
});

describe('status tags keep one colour per meaning', () => {
  test.each([
    ['closed', false, 'success'],
    ['returned', false, 'danger'],
    ['planned', true, 'danger'],
    ['recorded', false, 'warning'],
    ['close_requested', false, 'primary'],
  ] as const)('%s (overdue %s) is %s', (status, overdue, type) => expect(tagColour(statusTag({ status, overdue }))).toBe(type));
});
