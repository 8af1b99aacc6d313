import { z } from '../../../types/z';
import { IdNumber, IsoDate } from '../../../types/common';
import type { HeaderSpec } from '../sheet-header';
import { type NumberedRow, readLoadedSheet } from '../sheet-rows';

/**
 * The 医保 bureau's list of high out-of-pocket costs (部门筛查预警) as county offices receive it:
 * one row per settlement. The app's own header comes first in each list and is what the template writes.
 */
export const MEDICAL_HEADERS = {
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '参保人身份证号'],
  name: ['姓名', '参保人姓名', '患者姓名', '参保人'],
  date: ['日期', '结算日期', '就诊日期', '出院日期', '费用日期'],
  amount: ['金额', '自付金额', '个人自付', '个人自付金额', '个人负担', '自付费用'],
} as const;
export type MedicalColumn = keyof typeof MEDICAL_HEADERS;
export const MEDICAL_COLUMNS = Object.keys(MEDICAL_HEADERS) as MedicalColumn[];
const HEADER_OF: Record<MedicalColumn, string> = { idNumber: '身份证号', name: '姓名', date: '日期', amount: '金额' };

export const MAX_MEDICAL_ROWS = 20_000;

/** One data row of the list, with the row number Excel shows. */
export type MedicalSheetRow = NumberedRow<MedicalColumn>;

/** 2025-03-01, 2025/3/1, 2025.3.1 and 2025年3月1日 as YYYY-MM-DD (a date cell already reads as the first). */
function dayOf(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
}

/** One row's cells, untrusted until this schema says otherwise; a date after `today` (China) is refused. */
export function medicalRowSchema(today: string) {
  return z.object({
    idNumber: IdNumber,
    name: z.string().min(1, { error: '不能为空' }).max(20, { error: '最多 20 个字' }),
    date: z
      .string()
      .min(1, { error: '不能为空', abort: true })
      .transform((text, ctx) => {
        const day = dayOf(text);
        if (!IsoDate.safeParse(day).success) {
          ctx.addIssue({ code: 'custom', message: `应为日期，如 2026-10-08 或 2026年10月8日，表中是「${text}」` });
          return z.NEVER;
        }
        if (day > today) ctx.addIssue({ code: 'custom', message: '不能晚于今天' });
        else if (day < '2000-01-01') ctx.addIssue({ code: 'custom', message: '不能早于 2000 年' });
        return day;
      }),
    amount: z
      .string()
      .min(1, { error: '不能为空' })
      .transform((text, ctx) => {
        const n = Number(text.replace(/[,，元\s]/g, ''));
        if (!Number.isFinite(n) || n <= 0 || n > 10_000_000) {
          ctx.addIssue({ code: 'custom', message: `应为大于 0 的金额（元），表中是「${text}」` });
          return z.NEVER;
        }
        return Math.round(n * 100) / 100;
      }),
  });
}
export type MedicalRow = z.infer<ReturnType<typeof medicalRowSchema>>;

/** Every problem of a row in Chinese, each naming its column, so one pass fixes the row. */
export function medicalRowProblem(error: z.ZodError): string {
  const messages = error.issues.map((i) => {
    const column = HEADER_OF[i.path[0] as MedicalColumn];
    return column && !i.message.includes(`「${column}」`) ? `「${column}」${i.message}` : i.message;
  });
  return [...new Set(messages)].join('；');
}

const SPEC: HeaderSpec<MedicalColumn> = { names: MEDICAL_HEADERS, required: MEDICAL_COLUMNS, minimum: 2, hint: '请下载「医保导入模板」对照列名' };

/**
 * The first worksheet's rows below its header row (sheet-rows.ts: a title above it is skipped,
 * columns in any order under their usual names), as text cells with the row number Excel shows;
 * loaded whole so a date-formatted cell reads as its date.
 */
export const readMedicalSheet = (bytes: Buffer): Promise<MedicalSheetRow[]> =>
  readLoadedSheet(bytes, {
    spec: SPEC,
    columns: MEDICAL_COLUMNS,
    maxRows: MAX_MEDICAL_ROWS,
    empty: '表格是空的：应有一行列名（身份证号、姓名、日期、金额），其下每行一笔自付医疗费用',
  });
