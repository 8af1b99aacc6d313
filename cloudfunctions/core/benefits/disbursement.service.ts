import { Benefit, type RecordDisbursementInput } from '../../../types/benefit';
import type { BenefitRow } from '../../../types/api/benefits';
import type { Household } from '../../../types/household';
import type { Policy, PolicyCode } from '../../../types/policy';
import { conflict, invalid } from '../errors';
import type { AdminCtx } from '../handler';
import { dateOf } from '../time';
import { chineseDay, yuan } from '../../../types/format';
import { insertRecordOnce, recordPage } from './benefit.repository';
import { householdsByIds, notePaid } from '../households/household.repository';
import { benefitRecordId } from './benefit-id';
import { administeredHousehold, adminScope, scopedWhere } from '../access';
import { loadPolicies } from './policy.repository';
import { refreshGaps } from './kept-gaps.service';

/** Why a record does not fit its household and policy, or null when it does. */
export function recordProblem(household: Household, input: RecordDisbursementInput, policy: Policy, today: string): string | null {
  if (policy.level === 'member' && !input.memberId) return `「${policy.label}」按人发放，请指定家庭成员`;
  if (policy.level === 'household' && input.memberId) return `「${policy.label}」按户发放，不应指定家庭成员`;
  if (input.memberId && !household.members.some((m) => m.id === input.memberId)) return '该成员不属于这一户';
  if (policy.unit !== 'service' && input.amount === null) return `「${policy.label}」有发放金额，请填写金额（元）`;
  if (input.paidOn > today) return `发放日期 ${input.paidOn} 晚于今天，请核对`;
  return null;
}

const sameRecord = (a: Benefit, b: RecordDisbursementInput) => a.amount === b.amount && a.paidOn === b.paidOn;

/**
 * Writes one record, idempotently: its id is derived from household, policy, member and period,
 * so the same record sent twice (a retry, a re-imported sheet) is stored once. A different amount
 * or date for an existing record is a CONFLICT: corrections are not silent overwrites. Each
 * record is noted in its household's 兑现摘要 (paid-keys), which the gap evaluation reads; the
 * caller then refreshes the household's kept gaps (one household, or a whole import at once).
 */
export async function writeRecord(
  household: Household,
  input: RecordDisbursementInput,
  source: string,
  now: Date,
): Promise<{ record: Benefit; created: boolean }> {
  const _id = benefitRecordId(input);
  const { doc: record, created } = await insertRecordOnce(_id, {
    build: () =>
      Benefit.parse({
        ...input,
        _id,
        countyId: household.countyId,
        townId: household.townId,
        villageId: household.villageId,
        createdAt: now.toISOString(),
        source,
      }),
    same: (stored) => sameRecord(stored, input),
    clash: (stored, raced) =>
      conflict(
        raced
          ? '该兑现记录刚被他人录入且内容不同，请刷新后核对'
          : `该兑现记录已存在（${stored.period}，${stored.amount == null ? '—' : yuan(stored.amount)}，${chineseDay(stored.paidOn)}发放），与本次填写不一致，请核对`,
      ),
  });
  // Also on a retry: it completes the note after a crash between the record and its note.
  await notePaid(record);
  return { record, created };
}

export function policyByCode(policies: Policy[], code: PolicyCode): Policy {
  const policy = policies.find((p) => p.code === code);
  if (!policy) throw invalid(`政策目录中没有「${code}」`);
  return policy;
}

/** 录入兑现: an admin records what a household in their region received. */
export async function recordDisbursement(ctx: AdminCtx, input: RecordDisbursementInput): Promise<Benefit & { created: boolean }> {
  const household = await administeredHousehold(ctx.user, input.householdId);
  const problem = recordProblem(household, input, policyByCode(await loadPolicies(), input.policy), dateOf(ctx.now));
  if (problem) throw invalid(problem);
  const { record, created } = await writeRecord(household, input, ctx.user._id, ctx.now);
  // Also on a retry: a crash between the record and its gaps heals when the record is sent again.
  await refreshGaps([household._id], ctx.now);
  return { ...record, created };
}

interface ListRecordsInput {
  limit: number;
  offset: number;
  householdId?: string;
  villageId?: string;
  policy?: PolicyCode;
  period?: string;
}

/** 兑现记录 of the admin's region, newest payments first, with the names to read them by. */
export async function listRecords(ctx: AdminCtx, input: ListRecordsInput): Promise<{ items: BenefitRow[]; total: number }> {
  const region = scopedWhere(adminScope(ctx.user), { villageId: input.villageId });
  if (!region) return { items: [], total: 0 };
  const where: Record<string, unknown> = { ...region };
  for (const key of ['householdId', 'policy', 'period'] as const) if (input[key]) where[key] = input[key];
  const { items: records, total } = await recordPage(where, input);
  const households = new Map((await householdsByIds([...new Set(records.map((r) => r.householdId))])).map((h) => [h._id, h]));
  const items = records.map((r) => {
    const h = households.get(r.householdId);
    return { ...r, headName: h?.headName ?? '', memberName: h?.members.find((m) => m.id === r.memberId)?.name ?? null };
  });
  return { items, total };
}
