import { reportsApi } from '../../types/api/reports';
import { handler } from '../core/handler';
import { dashboard } from '../core/reports/dashboard.service';
import { coverage } from '../core/reports/coverage.service';
import { exportCoverage } from '../core/reports/coverage-export.service';
import { bulletinHouseholds, monthlyBulletin, publishBulletin, publishedBulletin } from '../core/reports/bulletin.service';
import { exportBulletin } from '../core/reports/bulletin-export.service';
import { exportLedger, ledger } from '../core/reports/ledger.service';

export const main = handler(reportsApi, {
  dashboard: (_input, ctx) => dashboard(ctx),
  coverage: (input, ctx) => coverage(ctx, input),
  exportCoverage: (input, ctx) => exportCoverage(ctx, input),
  monthlyBulletin: (input, ctx) => monthlyBulletin(ctx, input),
  publishBulletin: (input, ctx) => publishBulletin(ctx, input),
  publishedBulletin: (input, ctx) => publishedBulletin(ctx, input),
  exportBulletin: (input, ctx) => exportBulletin(ctx, input),
  bulletinHouseholds: (input, ctx) => bulletinHouseholds(ctx, input),
  ledger: (input, ctx) => ledger(ctx, input),
  exportLedger: (input, ctx) => exportLedger(ctx, input),
});
