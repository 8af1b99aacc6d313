import { medicalRowProblem, medicalRowSchema } from '../../../cloudfunctions/core/monitoring/medical-sheet';
import { findHeaderRow } from '../../../cloudfunctions/core/sheet-header';
import { idCheckChar } from '../../../types/id-number';

const f = '41010119700101003';
const ID = f + idCheckChar(f);
const parse = (cells: Partial<Record<'idNumber' | 'name' | 'date' | 'amount', string>>) =>
  medicalRowSchema('2026-11-20').safeParse({ idNumber: ID, name: '张三', date: '2026-10-08', amount: '12000', ...cells });
const problem = (cells: Parameters<typeof parse>[0]) => {
  const r = parse(cells);
  return r.success ? null : medicalRowProblem(r.error);
};

describe('a 医保 sheet row', () => {
  it.each([
    ['2026-10-08', '2026-10-08'],
    ['2026/10/8', '2026-10-08'],
    ['2026.10.8', '2026-10-08'],
    ['2026年10月8日', '2026-10-08'],
  ])('dated "%s" is the day %s', (date, day) => {
    expect(parse({ date })).toMatchObject({ success: true, data: { date: day } });
  });

  it.each([
    ['12,000', 12000],
    ['12000元', 12000],
    ['8650.5', 8650.5],
  ])('an amount written "%s" is %d yuan', (amount, yuan) => {
    expect(parse({ amount })).toMatchObject({ success: true, data: { amount: yuan } });
  });

  it('dated after today (China time) is refused, naming the column', () => {
    expect(problem({ date: '2026-11-21' })).toBe('「日期」不能晚于今天');
  });

  it('with no amount, a zero or a negative one is refused, quoting what the sheet holds', () => {
    expect(problem({ amount: '' })).toBe('「金额」不能为空');
    expect(problem({ amount: '0' })).toBe('「金额」应为大于 0 的金额（元），表中是「0」');
    expect(problem({ amount: '-5' })).toMatch(/表中是「-5」/);
  });

  it('lists every problem of the row at once, so one pass fixes it', () => {
    expect(problem({ name: '', date: '昨天', amount: 'x' })?.split('；')).toEqual([
      '「姓名」不能为空',
      '「日期」应为日期，如 2026-10-08 或 2026年10月8日，表中是「昨天」',
      '「金额」应为大于 0 的金额（元），表中是「x」',
    ]);
  });
});

describe('the 医保 sheet header', () => {
  it("is found under a title line, in any order and under the bureau's own column names", async () => {
    const { MEDICAL_HEADERS, MEDICAL_COLUMNS } = await import('../../../cloudfunctions/core/monitoring/medical-sheet');
    const found = findHeaderRow({ names: MEDICAL_HEADERS, required: MEDICAL_COLUMNS, minimum: 2, hint: '' }, [
      { row: 1, cells: ['', '2026年10月 大额自付名单'] },
      { row: 2, cells: ['', '个人自付金额（元）', '参保人姓名', '结算日期', '公民身份号码'] },
    ]);
    expect(found).toMatchObject({ ok: true, row: 2 });
    if (found.ok) expect(Object.fromEntries(found.columns)).toEqual({ amount: 1, name: 2, date: 3, idNumber: 4 });
  });
});
