import { benefitsApi, type ActionInput, type ActionOutput } from '@bangfu/types';
import { call } from './api';

export type HouseholdBenefits = ActionOutput<typeof benefitsApi, 'evaluateHousehold'>;
export type Decision = HouseholdBenefits['decisions'][number];
export type Gap = HouseholdBenefits['gaps'][number];
export type BenefitRecord = HouseholdBenefits['received'][number];
export type CalculateInput = ActionInput<typeof benefitsApi, 'calculate'>;
export type PolicyList = ActionOutput<typeof benefitsApi, 'listPolicies'>;
export type Policy = PolicyList['items'][number];
export type RecordList = ActionOutput<typeof benefitsApi, 'listRecords'>;
export type ImportResult = ActionOutput<typeof benefitsApi, 'importRecords'>;

/** 我的政策: the caller's own household when `householdId` is omitted (household accounts). */
export function evaluateHousehold(householdId?: string): Promise<HouseholdBenefits> {
  return call(benefitsApi, 'evaluateHousehold', householdId ? { householdId } : {});
}

/** 政策计算器: needs no login. */
export function calculate(input: CalculateInput) {
  return call(benefitsApi, 'calculate', input);
}

export function listPolicies(): Promise<PolicyList> {
  return call(benefitsApi, 'listPolicies', {});
}

export function updatePolicyParams(code: Policy['code'], from: string, params: Record<string, number>) {
  return call(benefitsApi, 'updatePolicyParams', { code, from, params });
}

export function listGaps(input: ActionInput<typeof benefitsApi, 'listGaps'>) {
  return call(benefitsApi, 'listGaps', input);
}

export function listRecords(input: ActionInput<typeof benefitsApi, 'listRecords'>): Promise<RecordList> {
  return call(benefitsApi, 'listRecords', input);
}

export function importRecords(fileId: string, dryRun: boolean): Promise<ImportResult> {
  return call(benefitsApi, 'importRecords', { fileId, dryRun });
}

/** The values in force on `date`: the latest entry that started on or before it. */
export function valuesAt(policy: Policy, date: string): Policy['values'][number] | undefined {
  return policy.values.filter((v) => v.from <= date).sort((a, b) => a.from.localeCompare(b.from)).at(-1);
}
