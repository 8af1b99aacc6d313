import { monitoringApi } from '../../types/api/monitoring';
import { handler } from '../core/handler';
import { assess } from '../core/monitoring/assess.service';
import { monitoringValues } from '../core/monitoring/monitoring-params';
import { addMedicalExpense, assessHousehold } from '../core/monitoring/household-assess.service';
import { listWarnings, sweep } from '../core/monitoring/warning.service';

export const main = handler(monitoringApi, {
  assess: async (input) => assess(input, undefined, await monitoringValues()),
  assessHousehold: (input, ctx) => assessHousehold(ctx, input),
  addMedicalExpense: (input, ctx) => addMedicalExpense(ctx, input),
  sweep: (_input, ctx) => sweep(ctx),
  listWarnings: (input, ctx) => listWarnings(ctx, input),
});
