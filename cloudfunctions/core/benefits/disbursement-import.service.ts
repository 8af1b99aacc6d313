import type { z } from '../../../types/z';
import type { RecordDisbursementInput } from '../../../types/benefit';
import type { ImportResult } from '../../../types/api/benefits';
import type { Household } from '../../../types/household';
import { maskIdNumber } from '../../../types/id-number';
import type { Policy } from '../../../types/policy';
import { readFile } from '../files';
import type { AdminCtx } from '../handler';
import { dateOf } from '../time';
import { chineseDay, yuan } from '../../../types/format';
import { type DisbursementRow, readDisbursementSheet, rowSchema } from './disbursement-sheet';
import { benefitRecordId } from './benefit-id';
import { policyByCode, recordProblem, writeRecord } from './disbursement.service';
import { adminScope, regionFilter } from '../access';
import { loadPolicies } from './policy.repository';
import { refreshGaps } from './kept-gaps.service';
import { recordsByIds } from './benefit.repository';
import { householdsByIdNumbers } from '../households/household.repository';

const COLUMN_NAMES: Record<string, string> = { policy: '政策', idNumber: '身份证号', period: '发放期间', amount: '金额', paidOn: '发放日期' };

/** A row's problems named by the sheet's own column headers. */
function rowMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${COLUMN_NAMES[String(i.path[0])] ?? '表格'}：${i.message}`).join('；');
}

interface Prepared {
  row: number;
  household: Household;
  input: RecordDisbursementInput;
}

/** Households of the admin's region holding these ID numbers, by ID number. */
async function householdsByIdNumber(idNumbers: string[], region: Record<string, string>): Promise<Map<string, Household>> {
  const wanted = new Set(idNumbers);
  const found = new Map<string, Household>();
  for (const h of await householdsByIdNumbers([...wanted], region)) {
    for (const m of h.members) if (wanted.has(m.idNumber)) found.set(m.idNumber, h);
  }
  return found;
}

/** Each row checked on its own: cells, then household in scope, then fit with the policy. */
async function prepareRows(rows: DisbursementRow[], policies: Policy[], region: Record<string, string>, today: string) {
  const schema = rowSchema(policies, today);
  const errors: ImportResult['errors'] = [];
  const parsed = rows.map((r) => ({ row: r.row, result: schema.safeParse(r.cells) }));
  const households = await householdsByIdNumber(
    parsed.flatMap((p) => (p.result.success ? [p.result.data.idNumber] : [])),
    region,
  );
  const prepared: Prepared[] = [];
  for (const { row, result } of parsed) {
    if (!result.success) {
      errors.push({ row, message: rowMessage(result.error) });
      continue;
    }
    const { idNumber, ...cells } = result.data;
    const household = households.get(idNumber);
    if (!household) {
      errors.push({ row, message: `身份证号 ${maskIdNumber(idNumber)} 不是您管辖范围内帮扶户的成员` });
      continue;
    }
    const policy = policyByCode(policies, cells.policy);
    const memberId = policy.level === 'member' ? household.members.find((m) => m.idNumber === idNumber)!.id : null;
    const input: RecordDisbursementInput = { householdId: household._id, memberId, ...cells };
    const problem = recordProblem(household, input, policy, today);
    if (problem) errors.push({ row, message: problem });
    else prepared.push({ row, household, input });
  }
  return { prepared, errors };
}

/** Sorts valid rows into new and already-stored; a row that contradicts a stored record or an earlier row is an error. */
async function classify(prepared: Prepared[], errors: ImportResult['errors']) {
  const stored = await recordsByIds(prepared.map((p) => benefitRecordId(p.input)));
  const seen = new Map<string, Prepared>();
  const fresh: Prepared[] = [];
  let unchanged = 0;
  for (const p of prepared) {
    const id = benefitRecordId(p.input);
    const before = stored.get(id) ?? seen.get(id)?.input;
    if (!before) {
      seen.set(id, p);
      fresh.push(p);
      continue;
    }
    if (before.amount === p.input.amount && before.paidOn === p.input.paidOn) {
      unchanged++;
      continue;
    }
    errors.push({
      row: p.row,
      message: `与已有的兑现记录不一致（${before.period}，${before.amount == null ? '—' : yuan(before.amount)}，${chineseDay(before.paidOn)}发放），请核对`,
    });
  }
  return { fresh, unchanged };
}

/**
 * 导入兑现清单 (.xlsx). All or nothing: when any row is wrong nothing is written and every wrong row
 * is listed; re-importing the same sheet writes nothing new (record ids are derived from content).
 */
export async function importRecords(ctx: AdminCtx, input: { fileId: string; dryRun: boolean }): Promise<ImportResult> {
  const region = regionFilter(adminScope(ctx.user));
  const today = dateOf(ctx.now);
  const rows = await readDisbursementSheet(await readFile(ctx, input.fileId));
  const policies = await loadPolicies();
  const { prepared, errors } = await prepareRows(rows, policies, region, today);
  const { fresh, unchanged } = await classify(prepared, errors);
  errors.sort((a, b) => a.row - b.row);
  const result = { total: rows.length, created: 0, unchanged, errors };
  if (errors.length || input.dryRun) return { ...result, created: errors.length ? 0 : fresh.length, applied: false };
  for (const p of fresh) await writeRecord(p.household, p.input, `import:${ctx.user._id}`, ctx.now);
  await refreshGaps(
    fresh.map((p) => p.household._id),
    ctx.now,
    { policies },
  );
  return { ...result, created: fresh.length, applied: true };
}
