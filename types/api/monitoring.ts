import { z } from '../z';
import { Id, listOf } from '../common';
import { AddMedicalExpenseInput, AssessInput, Assessment, HouseholdAssessment, ListWarningsInput, MedicalExpense, SweepResult, WarningView } from '../monitoring';
import { defineApi } from './define';

/** 防返贫监测预警 (SPEC §3b). `assess` is a family's self-check: no login, nothing stored. */
export const monitoringApi = defineApi('monitoring', {
  assess: { input: AssessInput, output: Assessment, access: 'public' },
  /** A stored household on today, by the same rules (its members: their own; helpers: paired; admins: region). */
  assessHousehold: { input: z.object({ householdId: Id.optional() }), output: HouseholdAssessment, access: ['admin', 'helper', 'household'] },
  /** 录入自付医疗费用 for a member (idempotent on the client's id). */
  addMedicalExpense: { input: AddMedicalExpenseInput, output: MedicalExpense, access: ['admin', 'helper'] },
  /** 监测排查: assess every household of the admin's region and open a warning for each one newly at risk. */
  sweep: { input: z.object({}), output: SweepResult, access: ['admin'] },
  /** 预警: an admin's region, a helper's handed to them; due first. */
  listWarnings: { input: ListWarningsInput, output: listOf(WarningView), access: ['admin', 'helper'] },
});
