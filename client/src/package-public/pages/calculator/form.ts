import type { ActionInput, benefitsApi, CalculatorMember, HouseholdStatus, HousingGrade } from '@bangfu/types';

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
  birthDate: '', disabilityLevel: 0, chronicIllness: false, chronicApproved: false, schooling: 'none',
  laborCapacity: 'full', employed: false, hasIncome: true, hasSupporter: true,
});

export const newFamily = (): FamilyForm => ({ date: '', status: 'poor', income: '', housingGrade: 'A', emergency: false, members: [newMember()] });

/** What the form asks before anything is sent; the server checks everything again with the same schema. */
export function toInput(form: FamilyForm): { input?: ActionInput<typeof benefitsApi, 'calculate'>; problem?: string } {
  const income = form.income.trim().replace(/,/g, '');
  if (!income) return { problem: '请填写家庭年纯收入（元），没有收入请填 0' };
  const blank = form.members.findIndex((m) => !m.birthDate.trim());
  if (blank >= 0) return { problem: `请填写成员 ${blank + 1} 的出生日期，例如 1958-05-02` };
  return {
    input: {
      ...(form.date.trim() ? { date: form.date.trim() } : {}),
      household: {
        status: form.status, annualNetIncome: Number(income), housingGrade: form.housingGrade, emergencyInLast90Days: form.emergency,
        members: form.members.map((m) => ({ ...m, birthDate: m.birthDate.trim() })),
      },
    },
  };
}

export const STATUS_OPTIONS = [['poor', '脱贫户/贫困户'], ['exited_enjoying', '脱贫享受政策'], ['monitored', '监测户'], ['exited_not_enjoying', '脱贫不享受政策'], ['none', '一般农户']] as const;
export const HOUSING_OPTIONS = [['A', 'A 级（安全）'], ['B', 'B 级'], ['C', 'C 级危房'], ['D', 'D 级危房']] as const;
export const SCHOOLING_OPTIONS = [['none', '不在校'], ['preschool', '学前'], ['primary', '小学'], ['junior', '初中'], ['senior', '高中'], ['vocational', '中职'], ['higher_vocational', '高职'], ['university', '大学']] as const;
export const LABOR_OPTIONS = [['full', '能干活'], ['partial', '能干轻活'], ['none', '不能干活']] as const;
export const DISABILITY_OPTIONS = [[0, '无'], [1, '一级'], [2, '二级'], [3, '三级'], [4, '四级']] as const;
