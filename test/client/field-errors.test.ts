import { ApiCallError, fieldErrorsOf } from '../../client/src/services/errors';

/** Issue 13, item 17: the server's input problems are shown next to their own field, by the path it names. */
describe('input problems by field', () => {
  const refusal = {
    code: 'INVALID_INPUT' as const,
    message: '出生日期：日期格式应为 YYYY-MM-DD，例如 2026-01-31',
    details: [
      { path: 'household.members.1.birthDate', message: '日期格式应为 YYYY-MM-DD，例如 2026-01-31' },
      { path: 'household.members.1.birthDate', message: '第二条同一处的问题' },
      { path: 'description', message: '请简单描述需要什么帮助' },
    ],
  };

  it('a thrown refusal gives each field its first message, keyed by the path the server named', () => {
    expect(fieldErrorsOf(new ApiCallError(refusal))).toEqual({
      'household.members.1.birthDate': '日期格式应为 YYYY-MM-DD，例如 2026-01-31',
      description: '请简单描述需要什么帮助',
    });
  });

  it("a queued write's refusal (a plain ApiError) reads the same", () => {
    expect(fieldErrorsOf(refusal).description).toBe('请简单描述需要什么帮助');
  });

  it('anything but an input refusal has no field to go next to', () => {
    expect(fieldErrorsOf(new ApiCallError({ code: 'NOT_FOUND', message: '没有找到', details: refusal.details }))).toEqual({});
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});
