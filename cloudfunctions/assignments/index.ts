import { assignmentsApi } from '../../types/api/assignments';
import { handler } from '../core/handler';
import { listByHelper } from '../core/assignments/pairing.service';

export const main = handler(assignmentsApi, {
  listByHelper: (input, ctx) => listByHelper(ctx, input),
});
