import { reportsApi } from '../../types/api/reports';
import { handler } from '../core/handler';
import { dashboard } from '../core/reports/dashboard.service';

export const main = handler(reportsApi, {
  dashboard: (_input, ctx) => dashboard(ctx),
});
