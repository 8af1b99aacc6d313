import { failureSummary } from '../../cloudfunctions/core/failure-log';

describe('what the log says about an unexpected error', () => {
  it.each([
    ['a quoted search text', new Error('BSON Regex patterns cannot contain null bytes, found: "a\u0000b"'), 'a\u0000b'],
    ['a single-quoted name', new Error("invalid value '王小明' at members.0.name"), '王小明'],
    ['an ID number not quoted', new Error('duplicate key idNumber 43012419900101123X'), '430124199001011'],
    ['a phone number', new Error('bad phone 13812345678'), '13812345678'],
    ['a GPS fix', new Error('location 28.2282, 112.9388 out of range'), '28.2282'],
    ['a Chinese address', new Error('no village 长沙县星沙镇 found'), '长沙县'],
    ['a zod message quoting a value', new Error('[{"code":"too_big","path":["_id"],"message":"hh-abc-dibao"}]'), 'hh-abc'],
  ])('drops %s', (_name, error, secret) => {
    expect(failureSummary(error)).not.toContain(secret);
  });

  it('keeps the class, the code and the wording', () => {
    const error = Object.assign(new Error('database is locked by another process'), { name: 'DbError', code: 'DATABASE_REQUEST_FAILED' });
    expect(failureSummary(error)).toBe('DbError DATABASE_REQUEST_FAILED: database is locked by another process');
    expect(failureSummary(new TypeError('Cannot read properties of undefined'))).toBe('TypeError: Cannot read properties of undefined');
  });

  it('says only the type of something thrown that is not an Error', () => {
    expect(failureSummary({ idNumber: '430124199001011234' })).toBe('non-Error thrown (object)');
    expect(failureSummary('王小明')).toBe('non-Error thrown (string)');
  });

  it('tells a ZodError by issue code and path, without the values', () => {
    const zod = Object.assign(new Error('[{"code":"too_big","maximum":64,"path":["_id"],"message":"编号过长"}]'), {
      name: 'ZodError',
      issues: [{ code: 'too_big', path: ['_id'], message: '编号过长', input: 'hh-430124199001011234' }],
    });
    expect(failureSummary(zod)).toBe('ZodError: too_big at _id');
  });

  it('keeps a log line on one line', () => {
    expect(failureSummary(new Error('first\nsecond'))).not.toContain('\n');
  });
});
