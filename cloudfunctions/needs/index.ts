import { needsApi } from '../../types/api/needs';
import { handler } from '../core/handler';
import * as needs from '../core/needs/need.service';
import * as needLists from '../core/needs/need-list.service';
import * as steps from '../core/needs/need-steps.service';
import { exportNeeds } from '../core/needs/need-export.service';

export const main = handler(needsApi, {
  report: (input, ctx) => needs.report(ctx, input),
  get: (input, ctx) => needs.get(ctx, input),
  transition: (input, ctx) => needs.transition(ctx, input),
  reassign: (input, ctx) => steps.reassign(ctx, input),
  assigneeOptions: (input, ctx) => steps.assigneeOptions(ctx, input),
  urge: (input, ctx) => steps.urge(ctx, input),
  escalate: (input, ctx) => steps.escalate(ctx, input),
  rate: (input, ctx) => needs.rate(ctx, input),
  list: (input, ctx) => needLists.list(ctx, input),
  stats: (_input, ctx) => needLists.stats(ctx),
  exportXlsx: (input, ctx) => exportNeeds(ctx, input),
  getSettings: () => needLists.getSettings(),
  updateSettings: (input, ctx) => needLists.updateSettings(ctx, input),
});
