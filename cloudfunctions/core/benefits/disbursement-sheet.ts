import { z } from '../../../types/z';
import { BenefitPeriod } from '../../../types/benefit';
import { IdNumber, IsoDate } from '../../../types/common';
import { type Policy, PolicyCode } from '../../../types/policy';
import { type HeaderSpec } from '../sheet-header';
import { type NumberedRow, readLoadedSheet } from '../sheet-rows';

/** The columns of a 兑现 list as county offices keep it; header names accepted for each (sheet-header.ts compares them). */
const HEADERS = {
  policy: ['政策', '政策名称', '项目', '项目名称', '补贴项目', '政策代码'],
  idNumber: ['身份证号', '成员身份证号', '身份证号码', '公民身份号码', '证件号码'],
  period: ['发放期间', '期间', '年度', '所属期', '发放年度', '发放月份'],
  amount: ['金额', '发放金额', '补贴金额', '实发金额'],
  paidOn: ['发放日期', '日期', '发放时间'],
} as const;
type Column = keyof typeof HEADERS;
const REQUIRED: Column[] = ['policy', 'idNumber', 'period', 'amount'];

export const MAX_RECORD_ROWS = 20_000;

export type DisbursementRow = NumberedRow<Column>;

/** One row's cells, validated like any untrusted input: policy by name or code, ID by checksum. */
export function rowSchema(policies: Policy[], today: string) {
  const byName = new Map<string, string>(
    policies.flatMap((p) => [
      [p.label, p.code],
      [p.code, p.code],
    ]),
  );
  return z.object({
    policy: z
      .string()
      .transform((v) => byName.get(v) ?? v)
      .pipe(PolicyCode),
    idNumber: IdNumber,
    period: BenefitPeriod,
    amount: z.string().transform((v, ctx) => {
      if (v === '' || v === '—' || v === '-') return null;
      const n = Number(v.replace(/,/g, ''));
      if (!Number.isFinite(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `金额「${v}」不是有效的非负数字` });
        return z.NEVER;
      }
      return n;
    }),
    paidOn: z
      .string()
      .transform((v) => v || today)
      .pipe(IsoDate),
  });
}

const SPEC: HeaderSpec<Column> = { names: HEADERS, required: REQUIRED, minimum: 2, hint: '应有 政策、身份证号、发放期间、金额，可选 发放日期' };

/** The first worksheet's rows below its header row (sheet-rows.ts: a title above it is skipped), as text cells with the row number Excel shows. */
export const readDisbursementSheet = (bytes: Buffer): Promise<DisbursementRow[]> =>
  readLoadedSheet(bytes, {
    spec: SPEC,
    columns: Object.keys(HEADERS) as Column[],
    maxRows: MAX_RECORD_ROWS,
    empty: '表格是空的：应有一行列名，其下每行一条兑现记录',
  });
