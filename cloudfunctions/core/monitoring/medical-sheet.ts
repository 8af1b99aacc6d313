import ExcelJS from 'exceljs';
import { z } from '../../../types/z';
import { IdNumber, IsoDate } from '../../../types/common';
import { invalid } from '../errors';
import { cellText } from '../sheet-cell';
import { findHeaderRow, HEADER_SEARCH_ROWS, type HeaderSpec } from '../sheet-header';

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

export interface MedicalSheetRow {
  /** The row number Excel shows, so errors point at the right line. */
  row: number;
  cells: Record<MedicalColumn, string>;
}

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
 * The first worksheet's rows below its header row (sheet-header.ts: a title above it is skipped,
 * columns in any order under their usual names), as text cells with the row number Excel shows.
 */
export async function readMedicalSheet(bytes: Buffer): Promise<MedicalSheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('无法读取该文件，请确认是 Excel（.xlsx）表格');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 1) throw invalid('表格是空的：应有一行列名（身份证号、姓名、日期、金额），其下每行一笔自付医疗费用');
  const top = Array.from({ length: Math.min(sheet.rowCount, HEADER_SEARCH_ROWS) }, (_, i) => ({
    row: i + 1,
    cells: Array.from(sheet.getRow(i + 1).values as unknown[], cellText),
  }));
  const header = findHeaderRow(SPEC, top);
  if (!header.ok) throw invalid(header.message);
  if (sheet.rowCount - header.row > MAX_MEDICAL_ROWS) throw invalid(`表格超过 ${MAX_MEDICAL_ROWS} 行，请分成几个文件导入`);
  const rows: MedicalSheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number <= header.row) return;
    const values = row.values as unknown[];
    const cells = Object.fromEntries(MEDICAL_COLUMNS.map((c) => [c, cellText(values[header.columns.get(c) ?? -1])])) as Record<MedicalColumn, string>;
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: number, cells });
  });
  return rows;
}
