import { reportsApi } from '../../types/api/reports';
import { handler } from '../core/handler';
import { dashboard } from '../core/reports/dashboard.service';
import { coverage } from '../core/reports/coverage.service';

export const main = handler(reportsApi, {
  dashboard: (_input, ctx) => dashboard(ctx),
  coverage: (input, ctx) => coverage(ctx, input),
});
