import { z } from '../../../../types/z';
import { IdNumber, IsoDate, Mobile } from '../../../../types/common';
import { HousingGrade } from '../../../../types/household';
import { HEADER_OF, LABELS, type ColumnKey, type SheetRow } from './sheet';

/** A label the sheet may hold (Chinese, as exported, or the code), mapped to the code. */
function choice<T extends string>(key: ColumnKey, labels: Record<T, string>) {
  const byText = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    byText.set(label, code);
    byText.set(code, code);
  }
  const options = Object.values<string>(labels).join('、');
  return z.string().transform((text, ctx) => {
    const code = byText.get(text);
    if (code === undefined) {
      ctx.addIssue({ code: 'custom', message: `「${HEADER_OF[key]}」应为 ${options} 之一，表中是「${text || '空'}」` });
      return z.NEVER;
    }
    return code;
  });
}

const yesNo = (key: ColumnKey) =>
  z.string().transform((text, ctx) => {
    if (['是', '有', 'Y', 'y', '1', 'true'].includes(text)) return true;
    if (['否', '无', 'N', 'n', '0', 'false', ''].includes(text)) return false;
    ctx.addIssue({ code: 'custom', message: `「${HEADER_OF[key]}」应填「是」或「否」，表中是「${text}」` });
    return z.NEVER;
  });

const int = (key: ColumnKey, min: number, max: number) =>
  z.string().transform((text, ctx) => {
    const n = Number(text.replace(/,/g, ''));
    if (text === '' || !Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `「${HEADER_OF[key]}」应为 ${min} 到 ${max} 之间的整数，表中是「${text || '空'}」` });
      return z.NEVER;
    }
    return n;
  });

const required = (key: ColumnKey, max: number) =>
  z
    .string()
    .min(1, { error: `「${HEADER_OF[key]}」不能为空` })
    .max(max, { error: `「${HEADER_OF[key]}」最多 ${max} 个字` });

/** Every member row: each cell is untrusted text until this schema says otherwise. */
export const MemberRow = z.object({
  code: required('code', 40),
  name: required('name', 20),
  relation: choice('relation', LABELS.relation),
  idNumber: IdNumber,
  phone: z.union([z.literal(''), Mobile]),
  health: choice('health', LABELS.health),
  chronicApproved: yesNo('chronicApproved'),
  disabilityLevel: z
    .string()
    .transform((t) => t || '0')
    .pipe(int('disabilityLevel', 0, 4)),
  schooling: z
    .string()
    .transform((t) => t || '非在校生')
    .pipe(choice('schooling', LABELS.schooling)),
  laborCapacity: choice('laborCapacity', LABELS.laborCapacity),
  employed: yesNo('employed'),
  hasIncome: yesNo('hasIncome'),
  hasSupporter: yesNo('hasSupporter'),
});
export type MemberRow = z.infer<typeof MemberRow>;

/** The household columns, read from a household's first row. */
export const HouseholdRow = z.object({
  town: required('town', 20),
  village: required('village', 20),
  address: required('address', 100),
  status: choice('status', LABELS.status),
  causes: z
    .string()
    .transform((t) => t.split(/[、,，;；\s]+/).filter(Boolean))
    .pipe(z.array(choice('causes', LABELS.causes)).max(5)),
  identifiedYear: int('identifiedYear', 2013, 2100),
  incomeYear: int('incomeYear', 2013, 2100),
  income: int('income', 0, 100_000_000),
  housingGrade: HousingGrade,
  housingAssessedOn: z.union([z.literal(''), IsoDate]),
  safeWater: yesNo('safeWater'),
});
export type HouseholdRow = z.infer<typeof HouseholdRow>;

/** Every problem of a row in Chinese, each naming its column, so one correction pass fixes the row. */
export function rowProblem(error: z.ZodError): string {
  const messages = error.issues.map((issue) => {
    const key = issue.path[0] as ColumnKey | undefined;
    const column = key && HEADER_OF[key];
    return column && !issue.message.includes(`「${column}」`) ? `「${column}」${issue.message}` : issue.message;
  });
  return [...new Set(messages)].join('；');
}

export const parseMemberRow = (row: SheetRow) => MemberRow.safeParse(row);
export const parseHouseholdRow = (row: SheetRow) => HouseholdRow.safeParse(row);
