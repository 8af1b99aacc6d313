import { assignmentsApi } from '../../types/api/assignments';
import { handler } from '../core/handler';
import { assign, listByHelper, listByHousehold, reassign, reassignAll, unassign } from '../core/assignments/pairing.service';
import { listHelpers, listUnpaired } from '../core/assignments/load.service';

export const main = handler(assignmentsApi, {
  assign: (input, ctx) => assign(ctx, input),
  unassign: (input, ctx) => unassign(ctx, input),
  listByHelper: (input, ctx) => listByHelper(ctx, input),
  reassign: (input, ctx) => reassign(ctx, input),
  reassignAll: (input, ctx) => reassignAll(ctx, input),
  listByHousehold: (input, ctx) => listByHousehold(ctx, input),
  listHelpers: (input, ctx) => listHelpers(ctx, input),
  listUnpaired: (input, ctx) => listUnpaired(ctx, input),
});
