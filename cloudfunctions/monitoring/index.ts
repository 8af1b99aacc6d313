import { monitoringApi } from '../../types/api/monitoring';
import { handler } from '../core/handler';
import { assess } from '../core/monitoring/assess.service';
import { monitoringValues } from '../core/monitoring/monitoring-params';
import { addMedicalExpense, assessHousehold } from '../core/monitoring/household-assess.service';
import { listWarnings, sweep } from '../core/monitoring/warning.service';
import { importMedical } from '../core/monitoring/medical-import.service';
import { medicalTemplate } from '../core/monitoring/medical-template.service';
import { myWarning, selfReport } from '../core/monitoring/self-report.service';

export const main = handler(monitoringApi, {
  assess: async (input) => assess(input, undefined, await monitoringValues()),
  assessHousehold: (input, ctx) => assessHousehold(ctx, input),
  addMedicalExpense: (input, ctx) => addMedicalExpense(ctx, input),
  sweep: (_input, ctx) => sweep(ctx),
  listWarnings: (input, ctx) => listWarnings(ctx, input),
  importMedical: (input, ctx) => importMedical(ctx, input),
  medicalTemplate: (_input, ctx) => medicalTemplate(ctx),
  selfReport: (input, ctx) => selfReport(ctx, input),
  myWarning: (_input, ctx) => myWarning(ctx),
});
