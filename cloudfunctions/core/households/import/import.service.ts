import { randomUUID } from 'node:crypto';
import type { ImportResult } from '../../../../types/api/households';
import type { Household, Member } from '../../../../types/household';
import { idNumberFacts } from '../../../../types/id-number';
import type { AdminCtx } from '../../handler';
import { readFile } from '../../files';
import { adminScope } from '../../access/scope';
import { villagesUnder } from '../../regions/region.repository';
import { audit } from '../../audit/audit.service';
import { insertHousehold, saveHousehold } from '../household.repository';
import { refreshGaps } from '../../benefits/kept-gaps.service';
import { reassessAfterImport } from '../../monitoring/reassess.service';
import { planImport, type PlannedHousehold } from './import.plan';
import { readSheet } from './reader';
import { dateOf } from '../../time';

const MAX_ERRORS_SHOWN = 500;

/** The stored household a planned one becomes: members keep their ids, history is kept. */
function toHousehold(p: PlannedHousehold, at: string, by: { _id: string; name: string }): Household {
  const f = p.fields;
  const old = p.existing;
  const members: Member[] = p.members.map((m) => {
    const { code: _code, phone, ...rest } = m;
    const id = old?.members.find((o) => o.idNumber === m.idNumber)?.id ?? randomUUID();
    return { ...rest, id, ...idNumberFacts(m.idNumber), ...(phone ? { phone } : {}) };
  });
  const incomes = [...(old?.incomes ?? []).filter((i) => i.year !== f.incomeYear), { year: f.incomeYear, amount: f.income }].sort((a, b) => a.year - b.year);
  const history = old?.statusHistory ?? [];
  const statusChanged = old && old.status !== f.status;
  return {
    _id: old?._id ?? randomUUID(),
    code: p.code,
    countyId: p.village.path[0],
    townId: p.village.path[1],
    villageId: p.village._id,
    address: f.address,
    headName: members.find((m) => m.relation === 'head')!.name,
    status: f.status,
    causes: f.causes,
    identifiedYear: f.identifiedYear,
    incomes,
    annualNetIncome: incomes.at(-1)!.amount,
    housingGrade: f.housingGrade,
    ...(f.housingAssessedOn ? { housingAssessedOn: f.housingAssessedOn } : {}),
    safeWater: f.safeWater,
    members,
    statusHistory: statusChanged
      ? [
          ...history,
          {
            from: old.status,
            to: f.status,
            kind: 'correction' as const,
            reason: '表格导入更正',
            effectiveOn: dateOf(at),
            evidence: [],
            photos: [],
            by: by._id,
            byName: by.name,
            at,
          },
        ]
      : history,
    version: old?.version ?? 1,
    createdAt: old?.createdAt ?? at,
    updatedAt: at,
  };
}

/**
 * 导入: without `confirm` every row is checked and nothing is written; with it the valid households
 * `from … from + batch` are written (the client calls again with `next` and shows progress). The ID
 * number is the key, so importing the same sheet again updates instead of duplicating.
 */
export async function importHouseholds(ctx: AdminCtx, input: { fileId: string; confirm: boolean; from: number; batch: number }): Promise<ImportResult> {
  const scope = adminScope(ctx.user);
  const rows = await readSheet(await readFile(ctx, input.fileId));
  const { villages, townNames } = await villagesUnder(scope.regionId);
  const plan = await planImport(rows, scope, villages, townNames);
  for (const clash of plan.clashes) await audit(ctx, { action: 'registry_clash', householdId: clash.householdId, detail: { via: 'import', row: clash.row } });
  const base = { rows: plan.rows, valid: plan.households.length, errors: plan.errors.slice(0, MAX_ERRORS_SHOWN) };
  if (!input.confirm) return { ...base, written: 0, next: plan.households.length ? 0 : null };
  const at = ctx.now.toISOString();
  const batch = plan.households.slice(input.from, input.from + input.batch);
  const written: Household[] = [];
  for (const p of batch) {
    const household = toHousehold(p, at, ctx.user);
    if (p.existing) await saveHousehold(household, p.existing.version);
    else await insertHousehold(household);
    written.push(household);
  }
  // The batch's gaps in one pass (a few reads for the whole batch, then one write per change),
  // and its households through the §3b rules in one pass: one at risk gets its warning now.
  await refreshGaps(
    written.map((h) => h._id),
    ctx.now,
  );
  await reassessAfterImport(ctx, written, 'assessment');
  const end = input.from + batch.length;
  return { ...base, written: batch.length, next: end < plan.households.length ? end : null };
}
