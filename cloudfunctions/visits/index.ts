import { visitsApi } from '../../types/api/visits';
import { handler } from '../core/handler';
import { listDue } from '../core/visits/due.service';
import { confirmVisit, listByHousehold, recordVisit } from '../core/visits/visit.service';
import { getPlan, saveMeasure, updateProgress } from '../core/plans/plan.service';
import { confirmationReport } from '../core/visits/confirmation.service';
import { timeline } from '../core/timeline/timeline.service';

export const main = handler(visitsApi, {
  listDue: (input, ctx) => listDue(ctx, input),
  record: (input, ctx) => recordVisit(ctx, input),
  listByHousehold: (input, ctx) => listByHousehold(ctx, input),
  getPlan: (input, ctx) => getPlan(ctx, input),
  saveMeasure: (input, ctx) => saveMeasure(ctx, input),
  updateProgress: (input, ctx) => updateProgress(ctx, input),
  confirm: (input, ctx) => confirmVisit(ctx, input),
  confirmations: (input, ctx) => confirmationReport(ctx, input),
  timeline: (input, ctx) => timeline(ctx, input),
});
