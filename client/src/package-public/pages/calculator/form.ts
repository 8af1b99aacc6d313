import type { ActionInput, benefitsApi, CalculatorMember, HouseholdStatus, HousingGrade } from '@bangfu/types';
import { parseDay } from '@/utils/dates';

/** What the form holds: members as the calculator takes them, the date and income as typed. */
export interface FamilyForm {
  date: string;
  status: HouseholdStatus;
  income: string;
  housingGrade: HousingGrade;
  emergency: boolean;
  members: CalculatorMember[];
}

export const newMember = (): CalculatorMember => ({
  birthDate: '',
  disabilityLevel: 0,
  chronicIllness: false,
  chronicApproved: false,
  schooling: 'none',
  laborCapacity: 'full',
  employed: false,
  hasIncome: true,
  hasSupporter: true,
});

export const newFamily = (): FamilyForm => ({ date: '', status: 'poor', income: '', housingGrade: 'A', emergency: false, members: [newMember()] });

/** Where a problem is: the same paths the server's `details` name, so both land next to the same field. */
export type FormErrors = Record<string, string>;
export const birthPath = (i: number) => `household.members.${i}.birthDate`;
const DAY_HINT = '请按“1958年5月2日”的样子填写，或点“选日期”';

/** What the form asks before anything is sent; the server checks everything again with the same schema. */
export function toInput(form: FamilyForm): { input?: ActionInput<typeof benefitsApi, 'calculate'>; errors: FormErrors } {
  const errors: FormErrors = {};
  const income = form.income.trim().replace(/[,，]/g, '');
  if (!income) errors['household.annualNetIncome'] = '请填写家庭年纯收入（元），没有收入请填 0';
  else if (!/^-?\d+(\.\d+)?$/.test(income)) errors['household.annualNetIncome'] = '请只填数字，例如 9000';
  const date = form.date.trim() ? parseDay(form.date) : '';
  if (date === null) errors.date = `测算日期${DAY_HINT}`;
  const births = form.members.map((m) => parseDay(m.birthDate));
  form.members.forEach((m, i) => {
    if (!m.birthDate.trim()) errors[birthPath(i)] = '请填写出生日期，例如 1958年5月2日';
    else if (!births[i]) errors[birthPath(i)] = `出生日期${DAY_HINT}`;
  });
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      ...(date ? { date } : {}),
      household: {
        status: form.status,
        annualNetIncome: Number(income),
        housingGrade: form.housingGrade,
        emergencyInLast90Days: form.emergency,
        members: form.members.map((m, i) => ({ ...m, birthDate: births[i]! })),
      },
    },
  };
}

export const STATUS_OPTIONS = [
  ['poor', '脱贫户/贫困户'],
  ['exited_enjoying', '脱贫享受政策'],
  ['monitored', '监测户'],
  ['exited_not_enjoying', '脱贫不享受政策'],
  ['none', '一般农户'],
] as const;
export const HOUSING_OPTIONS = [
  ['A', 'A 级（安全）'],
  ['B', 'B 级'],
  ['C', 'C 级危房'],
  ['D', 'D 级危房'],
] as const;
export const SCHOOLING_OPTIONS = [
  ['none', '不在校'],
  ['preschool', '学前'],
  ['primary', '小学'],
  ['junior', '初中'],
  ['senior', '高中'],
  ['vocational', '中职'],
  ['higher_vocational', '高职'],
  ['university', '大学'],
] as const;
export const LABOR_OPTIONS = [
  ['full', '能干活'],
  ['partial', '能干轻活'],
  ['none', '不能干活'],
] as const;
export const DISABILITY_OPTIONS = [
  [0, '无'],
  [1, '一级'],
  [2, '二级'],
  [3, '三级'],
  [4, '四级'],
] as const;
