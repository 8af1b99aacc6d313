import type { HouseholdStatus, HouseholdView, HousingGrade, PovertyCause } from '@bangfu/types';
import { chinaYear } from '@/utils/dates';
import { HouseholdDraft, UpdateHouseholdInput, type MemberDraft } from '@bangfu/types/api/households';

/** What the form holds: text as typed, so nothing is lost while it is invalid. */
export interface MemberForm extends Omit<MemberDraft, 'idNumber' | 'phone'> {
  key: string;
  idNumber: string;
  phone: string;
  /** Masked stored values, shown as placeholders on edit. */
  maskedId?: string;
  maskedPhone?: string;
}

export interface HouseholdForm {
  code: string;
  villageId: string;
  address: string;
  status: HouseholdStatus;
  causes: PovertyCause[];
  identifiedYear: string;
  incomeYear: string;
  income: string;
  /** Other years' incomes on record: kept, the form edits one year at a time. */
  otherIncomes: { year: number; amount: number }[];
  housingGrade: HousingGrade;
  safeWater: boolean;
  members: MemberForm[];
}

let seq = 0;
export const newMember = (relation: MemberDraft['relation'] = 'head'): MemberForm => ({
  key: `new-${++seq}`,
  name: '',
  relation,
  idNumber: '',
  phone: '',
  health: 'healthy',
  chronicApproved: false,
  disabilityLevel: 0,
  schooling: 'none',
  laborCapacity: 'full',
  employed: false,
  hasIncome: false,
  hasSupporter: false,
});

export function emptyForm(): HouseholdForm {
  const year = chinaYear();
  return {
    code: '',
    villageId: '',
    address: '',
    status: 'monitored',
    causes: [],
    identifiedYear: String(year),
    incomeYear: String(year - 1),
    income: '',
    otherIncomes: [],
    housingGrade: 'A',
    safeWater: true,
    members: [newMember()],
  };
}

export function formOf(h: HouseholdView): HouseholdForm {
  const last = h.incomes.at(-1);
  return {
    code: h.code,
    villageId: h.villageId,
    address: h.address,
    status: h.status,
    causes: h.causes,
    identifiedYear: String(h.identifiedYear),
    incomeYear: String(last?.year ?? chinaYear() - 1),
    income: String(h.annualNetIncome),
    otherIncomes: h.incomes.filter((i) => i !== last),
    housingGrade: h.housingGrade,
    safeWater: h.safeWater,
    members: h.members.map((m) => ({ ...m, key: m.id, idNumber: '', phone: '', maskedId: m.idNumber, maskedPhone: m.phone })),
  };
}

function memberDrafts(members: MemberForm[]) {
  return members.map(({ key: _k, maskedId, maskedPhone: _p, age: _a, sex: _s, ...m }: MemberForm & { age?: number; sex?: string }) => ({
    ...m,
    // An existing member's empty fields mean "keep what is stored".
    idNumber: m.idNumber.trim() || (maskedId ? undefined : ''),
    phone: m.phone.trim() || (m.id ? undefined : ''),
  }));
}

const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

/** The same schema the server validates with; the first problem per field, in Chinese. */
export function validate(form: HouseholdForm, edit: { householdId: string; version: number } | null) {
  const year = num(form.incomeYear);
  const incomes = [...form.otherIncomes.filter((i) => i.year !== year), ...(form.income.trim() ? [{ year, amount: num(form.income) }] : [])];
  const base = {
    code: form.code,
    villageId: form.villageId,
    address: form.address,
    causes: form.causes,
    identifiedYear: num(form.identifiedYear),
    incomes,
    housingGrade: form.housingGrade,
    safeWater: form.safeWater,
    members: memberDrafts(form.members),
  };
  const parsed = edit ? UpdateHouseholdInput.safeParse({ ...base, ...edit }) : HouseholdDraft.safeParse({ ...base, status: form.status });
  if (parsed.success) return { input: parsed.data, errors: [] as string[] };
  return {
    errors: parsed.error.issues.map((i) => (i.path[0] === 'members' && typeof i.path[1] === 'number' ? `第 ${i.path[1] + 1} 位成员：${i.message}` : i.message)),
  };
}
