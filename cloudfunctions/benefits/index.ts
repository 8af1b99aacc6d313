import { benefitsApi } from '../../types/api/benefits';
import { handler } from '../core/handler';
import { calculate } from '../core/benefits/calculator.service';
import { recordDisbursement, listRecords } from '../core/benefits/disbursement.service';
import { importRecords } from '../core/benefits/disbursement-import.service';
import { listGaps } from '../core/benefits/gaps-list.service';
import { exportGaps } from '../core/benefits/gaps-export.service';
import { evaluateHousehold } from '../core/benefits/household-benefits.service';
import { loadPolicies } from '../core/benefits/policy.repository';
import { gapRefresh, updatePolicyParams } from '../core/benefits/policy.service';
import { dailyGapRefresh } from '../core/maintenance/gap-refresh';
import { clock } from '../core/clock';
import { dateOf } from '../core/time';

export const main = handler(
  benefitsApi,
  {
    calculate: async (input, ctx) => calculate(input, await loadPolicies(), dateOf(ctx.now)),
    evaluateHousehold: (input, ctx) => evaluateHousehold(ctx, input),
    listGaps: (input, ctx) => listGaps(ctx, input),
    exportGaps: (input, ctx) => exportGaps(ctx, input),
    recordDisbursement: (input, ctx) => recordDisbursement(ctx, input),
    listRecords: (input, ctx) => listRecords(ctx, input),
    importRecords: (input, ctx) => importRecords(ctx, input),
    listPolicies: async () => ({ items: await loadPolicies() }),
    updatePolicyParams: (input, ctx) => updatePolicyParams(ctx, input),
    gapRefresh: (_input, ctx) => gapRefresh(ctx),
  },
  {
    // What changes with the calendar alone (ages, a new year, a parameter's date): re-evaluated daily.
    gapRefreshTimer: () => dailyGapRefresh(() => clock.now(), 15_000),
  },
);
