import { LOG_PATTERNS } from '../support/log-scan';

const matches = (line: string) => LOG_PATTERNS.filter(([, p]) => p.test(line)).map(([name]) => name);

describe('the log scan every test file runs under', () => {
  it.each([
    ['an ID number', '[households.create] req-1 failed: 37010219900101123X clashes', 'ID number'],
    ['a phone number', 'callback 13812345678', 'phone number'],
    ['a GPS fix', 'at 36.651216,117.120095', 'GPS coordinate'],
  ])('catches %s', (_what, line, name) => {
    expect(matches(line)).toContain(name);
  });

  it.each([
    ['a request id with a timestamp', '[visits.record] req-mi3k2x9a failed: ZodError: too_big at _id'],
    ['a duration', 'bench: p95 12.3 ms over 1000 calls'],
    ['a count line', 'permission matrix: 786 cells, 120 out-of-scope answers identical to nonexistent'],
  ])('lets %s through', (_what, line) => {
    expect(matches(line)).toEqual([]);
  });
});
