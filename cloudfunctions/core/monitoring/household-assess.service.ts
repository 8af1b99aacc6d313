import { type AddMedicalExpenseInput, type HouseholdAssessment, type MedicalExpense } from '../../../types/monitoring';
import type { CallerCtx, StaffCtx } from '../handler';
import { conflict, invalid } from '../errors';
import { readableHousehold } from '../access';
import { householdsWithEmergency } from '../needs/need.repository';
import { emergencySince } from '../benefits/gaps.service';
import { dateOf } from '../time';
import { assess } from './assess.service';
import { familyOf, sinceFor } from './family-facts';
import { expensesOf, insertExpenseOnce } from './medical.repository';
import { monitoringValues } from './params.service';
import { reassessAfterWrite } from './reassess.service';

/** 风险研判 of a stored household on today (China time): its own members see theirs, helpers their paired ones, admins their region. */
export async function assessHousehold(ctx: CallerCtx, input: { householdId?: string }): Promise<HouseholdAssessment> {
  const h = await readableHousehold(ctx.user, input.householdId);
  const date = dateOf(ctx.now);
  const [emergencies, expenses, values] = await Promise.all([
    householdsWithEmergency([h._id], emergencySince(ctx.now)),
    expensesOf(h._id, sinceFor(date)),
    monitoringValues(),
  ]);
  const assessment = assess({ date, household: familyOf(h, emergencies.has(h._id), expenses) }, date, values);
  return { ...assessment, householdId: h._id, date, memberNames: h.members.map((m) => m.name) };
}

/** 录入自付医疗费用: a paired helper or an admin of the region, for a member, dated up to today. */
export async function addMedicalExpense(ctx: StaffCtx, input: AddMedicalExpenseInput): Promise<MedicalExpense> {
  const h = await readableHousehold(ctx.user, input.householdId);
  if (!h.members.some((m) => m.id === input.memberId)) throw invalid('请选择这户的家庭成员', [{ path: 'memberId', message: '不是这户的成员' }]);
  if (input.date > dateOf(ctx.now)) throw invalid('费用日期不能晚于今天', [{ path: 'date', message: '不能晚于今天' }]);
  const expense: MedicalExpense = {
    _id: input.id,
    householdId: h._id,
    memberId: input.memberId,
    countyId: h.countyId,
    townId: h.townId,
    villageId: h.villageId,
    date: input.date,
    outOfPocket: input.outOfPocket,
    source: 'manual',
    createdBy: ctx.user._id,
    createdAt: ctx.now.toISOString(),
  };
  const same = (a: MedicalExpense) =>
    a.householdId === expense.householdId && a.memberId === expense.memberId && a.date === expense.date && a.outOfPocket === expense.outOfPocket;
  const { doc, created } = await insertExpenseOnce(input.id, {
    build: () => expense,
    same,
    clash: () => conflict('这个编号已用于另一条医疗费用，请重新填写后提交'),
  });
  if (created) await reassessAfterWrite(ctx, h._id);
  return doc;
}
