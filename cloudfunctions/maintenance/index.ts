import { maintenanceApi } from '../../types/api/maintenance';
import { handler } from '../core/handler';
import * as maintenance from '../core/maintenance/maintenance.service';

export const main = handler(maintenanceApi, {
  derivedStatus: (_input, ctx) => maintenance.status(ctx),
  rebuildDerived: (input, ctx) => maintenance.rebuild(ctx, input),
});
