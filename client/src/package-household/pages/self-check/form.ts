import type { HouseholdStatus, HouseholdView, HousingGrade, LaborCapacity, Schooling } from '@bangfu/types';
import type { AssessHousehold } from '@bangfu/types/monitoring';

/** What the self-check asks, every answer a choice (长辈版: no typing), started from what the registry holds. */
export interface CheckForm {
  status: HouseholdStatus;
  housingGrade: HousingGrade;
  safeWater: boolean;
  emergency: boolean;
  /** 全家纯收入 of last year and the year before (yuan). */
  incomeLast: number;
  incomeBefore: number;
  /** 近一年自己掏的看病钱 (yuan). */
  medical: number;
  members: Array<{ name: string; age: number; schooling: Schooling; laborCapacity: LaborCapacity; hasSupporter: boolean }>;
}

const nearest = (n: number) => Math.max(0, Math.round(n / 1000) * 1000);

/** The household's registered facts as the form's first answers; the family changes what is no longer so. */
export function formFrom(h: HouseholdView, year: number): CheckForm {
  const incomeOf = (y: number) => h.incomes.find((i) => i.year === y)?.amount;
  const latest = h.incomes.at(-1)?.amount ?? h.annualNetIncome;
  return {
    status: h.status,
    housingGrade: h.housingGrade,
    safeWater: h.safeWater,
    emergency: false,
    incomeLast: nearest(incomeOf(year - 1) ?? latest),
    incomeBefore: nearest(incomeOf(year - 2) ?? incomeOf(year - 1) ?? latest),
    medical: 0,
    members: h.members.map((m) => ({ name: m.name, age: m.age, schooling: m.schooling, laborCapacity: m.laborCapacity, hasSupporter: m.hasSupporter })),
  };
}

/** A birth date that gives exactly this age on `today` (the rules read whole years, SPEC §3). */
function birthDateFor(age: number, today: string): string {
  const md = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${String(Number(today.slice(0, 4)) - age).padStart(4, '0')}-${md}`;
}

/** The answers as `monitoring.assess` takes them: the same §3b rules the county runs. */
export function toAnswers(f: CheckForm, today: string): AssessHousehold {
  const year = Number(today.slice(0, 4));
  return {
    status: f.status,
    housingGrade: f.housingGrade,
    safeWater: f.safeWater,
    emergencyInLast90Days: f.emergency,
    incomes: [
      { year: year - 2, amount: f.incomeBefore },
      { year: year - 1, amount: f.incomeLast },
    ],
    medicalExpenses: f.medical > 0 ? [{ date: today, outOfPocket: f.medical }] : [],
    members: f.members.map((m) => ({
      birthDate: birthDateFor(m.age, today),
      schooling: m.schooling,
      laborCapacity: m.laborCapacity,
      hasSupporter: m.hasSupporter,
      disabilityLevel: 0,
      chronicIllness: false,
      chronicApproved: false,
      employed: false,
      hasIncome: false,
    })),
  };
}

export const HOUSING = [
  ['A', '安全'],
  ['B', '基本安全'],
  ['C', '有危险（C 级）'],
  ['D', '很危险（D 级）'],
] as const;
export const YES_NO = [
  [true, '是'],
  [false, '否'],
] as const;
export const LABOR = [
  ['full', '能干活'],
  ['partial', '只能干轻活'],
  ['none', '不能干活'],
] as const;
export const SCHOOL = [
  ['none', '不上学'],
  ['primary', '小学'],
  ['junior', '初中'],
  ['senior', '高中及以上'],
] as const;
export const MEDICAL_CHIPS = [0, 5_000, 10_000, 20_000, 30_000] as const;
