import { findingsApi } from '../../types/api/findings';
import { handler } from '../core/handler';
import * as findings from '../core/findings/finding.service';
import * as queries from '../core/findings/finding-query.service';
import { exportLedger, exportNotice } from '../core/findings/finding.export';
import * as review from '../core/findings/review.service';
import { integrity } from '../core/findings/integrity.service';

export const main = handler(
  findingsApi,
  {
    create: (input, ctx) => findings.create(ctx, input),
    list: (input, ctx) => queries.list(ctx, input),
    get: (input, ctx) => queries.get(ctx, input),
    claim: (input, ctx) => findings.claim(ctx, input),
    planMeasures: (input, ctx) => findings.planMeasures(ctx, input),
    submitEvidence: (input, ctx) => findings.submitEvidence(ctx, input),
    requestClose: (input, ctx) => findings.requestClose(ctx, input),
    verify: (input, ctx) => findings.verify(ctx, input),
    notice: (input, ctx) => findings.notice(ctx, input),
    acknowledge: (input, ctx) => findings.acknowledge(ctx, input),
    stats: (_input, ctx) => queries.stats(ctx),
    exportLedger: (input, ctx) => exportLedger(ctx, input),
    exportNotice: (input, ctx) => exportNotice(ctx, input),
    sample: (input, ctx) => review.sample(ctx, input),
    rounds: (input, ctx) => review.rounds(ctx, input),
    roundItems: (input, ctx) => review.roundItems(ctx, input),
    markReviewed: (input, ctx) => review.markReviewed(ctx, input),
    integrity: (input, ctx) => integrity(ctx, input),
  },
  {
    dailyReminders: (ctx) => findings.sendDueReminders(ctx),
  },
);
