import { randomUUID } from 'node:crypto';
import type { AdjustStatusInput, HouseholdDraft, RevealInput, UpdateHouseholdInput } from '../../../types/api/households';
import type { Household, HouseholdView } from '../../../types/household';
import type { AdminCtx, CallerCtx } from '../handler';
import { audit } from '../audit/audit.service';
import { conflict, invalid, notFound } from '../errors';
import { getRegion } from '../regions/region.repository';
import { adminScope, inScope } from '../access';
import { dateOf } from '../time';
import { administeredHousehold, readableHousehold } from '../access';
import { householdsByCodes, householdsByIdNumbers, insertHousehold, saveHousehold } from './household.repository';
import { refreshGaps } from '../benefits/kept-gaps.service';
import { headOf, toMembers } from './member.rules';
import { transitionProblem } from './status.rules';
import { toView } from './household.view';
import { reassessAfterWrite } from '../monitoring/reassess.service';

export async function getHousehold(ctx: CallerCtx, input: { householdId: string }): Promise<HouseholdView> {
  return toView(await readableHousehold(ctx.user, input.householdId));
}

/** The village, checked to lie in the admin's region; answers the ids a household copies. */
async function villageInScope(ctx: AdminCtx, villageId: string) {
  const scope = adminScope(ctx.user);
  const village = await getRegion(villageId).catch(() => null);
  if (!village || village.level !== 'village' || !village.path.includes(scope.regionId)) throw notFound('所选的村不存在，或不在您的管辖范围内');
  return { countyId: village.path[0], townId: village.path[1], villageId };
}

/**
 * A clash with a household outside the caller's region: audit-logged, and answered without a
 * word about that household (not its code, head, or even that it exists elsewhere).
 */
async function foreignClash(ctx: AdminCtx, householdId: string, what: string): Promise<never> {
  await audit(ctx, { action: 'registry_clash', householdId, detail: { via: 'form' } });
  throw conflict(`${what}不能在此登记，请核对；如确属本辖区，请与县扶贫办联系`);
}

/** Refuses ID numbers already registered in another household (the ID number is the registry's key). */
async function ensureIdNumbersFree(ctx: AdminCtx, idNumbers: string[], householdId: string | null): Promise<void> {
  const clash = (await householdsByIdNumbers(idNumbers)).find((h) => h._id !== householdId);
  if (!clash) return;
  if (!inScope(adminScope(ctx.user), clash)) await foreignClash(ctx, clash._id, '该身份证号');
  const member = clash.members.find((m) => idNumbers.includes(m.idNumber));
  throw conflict(`身份证号已登记在户编号 ${clash.code} 中（${member?.name ?? '成员'}），同一人不能登记在两户`);
}

async function ensureCodeFree(ctx: AdminCtx, code: string, householdId: string | null): Promise<void> {
  const holder = (await householdsByCodes([code])).get(code);
  if (!holder || holder._id === householdId) return;
  if (!inScope(adminScope(ctx.user), holder)) await foreignClash(ctx, holder._id, `户编号 ${code} `);
  throw conflict(`户编号 ${code} 已被使用，请换一个`);
}

export async function createHousehold(ctx: AdminCtx, draft: HouseholdDraft): Promise<HouseholdView> {
  const region = await villageInScope(ctx, draft.villageId);
  const members = toMembers(draft.members);
  await ensureCodeFree(ctx, draft.code, null);
  await ensureIdNumbersFree(
    ctx,
    members.map((m) => m.idNumber),
    null,
  );
  const at = ctx.now.toISOString();
  const incomes = [...draft.incomes].sort((a, b) => a.year - b.year);
  const household: Household = {
    ...draft,
    ...region,
    _id: randomUUID(),
    members,
    headName: headOf(members).name,
    incomes,
    annualNetIncome: incomes.at(-1)?.amount ?? 0,
    statusHistory: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await insertHousehold(household);
  await refreshGaps([household._id], ctx.now);
  await reassessAfterWrite(ctx, household._id);
  return toView(household);
}

export async function updateHousehold(ctx: AdminCtx, input: UpdateHouseholdInput): Promise<HouseholdView> {
  const stored = await administeredHousehold(ctx.user, input.householdId);
  const { householdId: _id, version, members: drafts, villageId, ...fields } = input;
  const next: Household = { ...stored, ...fields, updatedAt: ctx.now.toISOString() };
  if (fields.code && fields.code !== stored.code) await ensureCodeFree(ctx, fields.code, stored._id);
  if (villageId && villageId !== stored.villageId) Object.assign(next, await villageInScope(ctx, villageId));
  if (drafts) {
    next.members = toMembers(drafts, stored.members);
    next.headName = headOf(next.members).name;
    await ensureIdNumbersFree(
      ctx,
      next.members.map((m) => m.idNumber),
      stored._id,
    );
  }
  if (fields.incomes) {
    next.incomes = [...fields.incomes].sort((a, b) => a.year - b.year);
    next.annualNetIncome = next.incomes.at(-1)?.amount ?? 0;
  }
  const saved = await saveHousehold(next, version);
  await refreshGaps([saved._id], ctx.now);
  await reassessAfterWrite(ctx, saved._id);
  return toView(saved);
}

export async function adjustStatus(ctx: AdminCtx, input: AdjustStatusInput): Promise<HouseholdView> {
  const stored = await administeredHousehold(ctx.user, input.householdId);
  const problem = transitionProblem(input.kind, stored.status, input.to);
  if (problem) throw invalid(problem);
  if (input.effectiveOn > dateOf(ctx.now)) throw invalid('生效日期不能晚于今天');
  const monitoringType = input.to === 'monitored' ? input.monitoringType : undefined;
  const change = {
    from: stored.status,
    to: input.to,
    kind: input.kind,
    reason: input.reason,
    effectiveOn: input.effectiveOn,
    evidence: input.evidence,
    photos: input.photos,
    ...(monitoringType ? { monitoringType } : {}),
    by: ctx.user._id,
    byName: ctx.user.name,
    at: ctx.now.toISOString(),
  };
  // 监测类型 and since when: meaningful only while the status is monitored (history keeps every change).
  const monitoring = input.to === 'monitored' ? { ...(monitoringType ? { monitoringType } : {}), monitoredSince: input.effectiveOn } : {};
  const next: Household = { ...stored, ...monitoring, status: input.to, statusHistory: [...stored.statusHistory, change], updatedAt: change.at };
  const saved = await saveHousehold(next, input.version);
  // 登记 status decides most entitlements: the household's gaps follow it at once.
  await refreshGaps([saved._id], ctx.now);
  return toView(saved);
}

/** One member's full ID number or phone, written to the audit log before it is answered. */
export async function reveal(ctx: AdminCtx, input: RevealInput): Promise<{ value: string }> {
  const household = await administeredHousehold(ctx.user, input.householdId);
  const member = household.members.find((m) => m.id === input.memberId);
  const value = member?.[input.field];
  if (!member || !value) throw notFound(input.field === 'phone' ? '该成员没有登记手机号' : '没有找到该成员');
  await audit(ctx, { action: input.field === 'phone' ? 'reveal_phone' : 'reveal_id_number', householdId: household._id, memberId: member.id });
  return { value };
}
