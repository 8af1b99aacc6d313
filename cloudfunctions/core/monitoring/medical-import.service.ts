import type { Household } from '../../../types/household';
import { maskIdNumber } from '../../../types/id-number';
import type { MedicalExpense } from '../../../types/monitoring';
import type { MedicalImportResult, OpenedWarning } from '../../../types/monitoring-channels';
import type { AdminCtx } from '../handler';
import { adminScope, regionFilter } from '../access';
import { audit } from '../audit/audit.service';
import { conflict } from '../errors';
import { readFile } from '../files';
import { householdsByIdNumbers } from '../households/household.repository';
import { derivedId } from '../store/derived-id';
import { dateOf } from '../time';
import { insertExpenseOnce, storedExpenseIds } from './medical.repository';
import { reassessAfterImport } from './reassess.service';
import { medicalRowProblem, medicalRowSchema, readMedicalSheet, type MedicalRow, type MedicalSheetRow } from './medical-sheet';

const MAX_ERRORS_SHOWN = 500;

/** A valid row matched to a member of a household in the caller's region. */
interface Matched {
  row: number;
  household: Household;
  memberId: string;
  cost: MedicalRow;
  expenseId: string;
}

/** Same person, same day, same amount is one cost: its id is derived from those, so a re-import finds it. */
const expenseIdOf = (memberId: string, date: string, amount: number) => derivedId('medical', [memberId, date, amount]);

/** Members by ID number, only among the households of `region`: a number outside it reads as unknown. */
async function membersByIdNumber(idNumbers: string[], region: Record<string, string>) {
  const wanted = new Set(idNumbers);
  const found = new Map<string, { household: Household; memberId: string; name: string }>();
  for (const h of await householdsByIdNumbers([...wanted], region)) {
    for (const m of h.members) if (wanted.has(m.idNumber)) found.set(m.idNumber, { household: h, memberId: m.id, name: m.name });
  }
  return found;
}

/** Every row checked on its own (cells, a member in the region, the name), then against earlier rows. */
async function planRows(rows: MedicalSheetRow[], region: Record<string, string>, today: string) {
  const schema = medicalRowSchema(today);
  const errors: MedicalImportResult['errors'] = [];
  const unmatched: MedicalImportResult['unmatched'] = [];
  const parsed = rows.map((r) => ({ row: r.row, result: schema.safeParse(r.cells) }));
  const members = await membersByIdNumber(
    parsed.flatMap((p) => (p.result.success ? [p.result.data.idNumber] : [])),
    region,
  );
  const matched: Matched[] = [];
  const seen = new Map<string, number>();
  for (const { row, result } of parsed) {
    if (!result.success) {
      errors.push({ row, message: medicalRowProblem(result.error) });
      continue;
    }
    const cost = result.data;
    const member = members.get(cost.idNumber);
    if (!member) {
      unmatched.push({ row, idNumber: maskIdNumber(cost.idNumber), name: cost.name });
      continue;
    }
    if (member.name !== cost.name) {
      errors.push({ row, message: `「姓名」${cost.name}与身份证号登记的姓名不一致，请核对` });
      continue;
    }
    const expenseId = expenseIdOf(member.memberId, cost.date, cost.amount);
    const earlier = seen.get(expenseId);
    if (earlier) {
      errors.push({ row, message: `与第 ${earlier} 行是同一人同一天同一金额，同一笔费用只记一次` });
      continue;
    }
    seen.set(expenseId, row);
    matched.push({ row, household: member.household, memberId: member.memberId, cost, expenseId });
  }
  return { errors, unmatched, matched };
}

/** Stores one cost once under its derived id; answers whether this call stored it. */
async function record(ctx: AdminCtx, m: Matched): Promise<boolean> {
  const h = m.household;
  const expense: MedicalExpense = {
    _id: m.expenseId,
    householdId: h._id,
    memberId: m.memberId,
    countyId: h.countyId,
    townId: h.townId,
    villageId: h.villageId,
    date: m.cost.date,
    outOfPocket: m.cost.amount,
    source: 'import',
    createdBy: ctx.user._id,
    createdAt: ctx.now.toISOString(),
  };
  const same = (s: MedicalExpense) => s.memberId === expense.memberId && s.date === expense.date && s.outOfPocket === expense.outOfPocket;
  const { created } = await insertExpenseOnce(m.expenseId, { build: () => expense, same, clash: () => conflict('这笔医疗费用与已有记录冲突，请重新导入') });
  return created;
}

/** The households these costs belong to, re-assessed on today in one pass; each at risk and not yet monitored gets a warning (部门筛查预警). */
async function reassess(ctx: AdminCtx, households: Household[]): Promise<OpenedWarning[]> {
  const opened = await reassessAfterImport(ctx, households, 'department');
  return opened.map((w) => ({ warningId: w._id, householdId: w.householdId, headName: w.headName, level: w.level }));
}

/**
 * 导入医保大额自付费用 (.xlsx: 身份证号、姓名、日期、金额), in the registry import's steps: without
 * `confirm` every row is checked and nothing is written; with it the matched rows `from … from +
 * batch` are recorded (a cost already recorded is not recorded again), their households re-assessed,
 * and warnings opened. Only the admin's region is searched, so an ID number outside it is listed
 * exactly as an unknown one. Every call is audit-logged with counts only.
 */
export async function importMedical(ctx: AdminCtx, input: { fileId: string; confirm: boolean; from: number; batch: number }): Promise<MedicalImportResult> {
  const region = regionFilter(adminScope(ctx.user));
  const rows = await readMedicalSheet(await readFile(ctx, input.fileId));
  const { errors, unmatched, matched } = await planRows(rows, region, dateOf(ctx.now));
  const stored = await storedExpenseIds(matched.map((m) => m.expenseId));
  errors.sort((a, b) => a.row - b.row);
  const base = {
    rows: rows.length,
    valid: matched.length,
    recorded: matched.filter((m) => stored.has(m.expenseId)).length,
    errors: errors.slice(0, MAX_ERRORS_SHOWN),
    unmatched: unmatched.slice(0, MAX_ERRORS_SHOWN),
  };
  if (!input.confirm) {
    await audit(ctx, { action: 'import_medical', detail: { step: 'check', rows: rows.length, matched: matched.length, unmatched: unmatched.length } });
    return { ...base, written: 0, next: matched.length ? 0 : null, opened: [] };
  }
  const batch = matched.slice(input.from, input.from + input.batch);
  let written = 0;
  for (const m of batch) if (await record(ctx, m)) written++;
  const touched = [...new Map(batch.map((m) => [m.household._id, m.household])).values()];
  const opened = await reassess(ctx, touched);
  await audit(ctx, { action: 'import_medical', detail: { step: 'confirm', rows: rows.length, from: input.from, written, opened: opened.length } });
  const end = input.from + batch.length;
  return { ...base, written, next: end < matched.length ? end : null, opened };
}
