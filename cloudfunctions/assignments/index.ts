import { assignmentsApi } from '../../types/api/assignments';
import { handler } from '../core/handler';
import { assign, listByHelper, listByHousehold, reassign, reassignAll, unassign } from '../core/assignments/pairing.service';
import { listHelpers, listUnpaired } from '../core/assignments/load.service';
import { householdRatings, myRatingAverage, rateHelper } from '../core/satisfaction/rating.service';

export const main = handler(assignmentsApi, {
  assign: (input, ctx) => assign(ctx, input),
  unassign: (input, ctx) => unassign(ctx, input),
  listByHelper: (input, ctx) => listByHelper(ctx, input),
  reassign: (input, ctx) => reassign(ctx, input),
  reassignAll: (input, ctx) => reassignAll(ctx, input),
  listByHousehold: (input, ctx) => listByHousehold(ctx, input),
  rateHelper: (input, ctx) => rateHelper(ctx, input),
  householdRatings: (_input, ctx) => householdRatings(ctx),
  myRating: (_input, ctx) => myRatingAverage(ctx),
  listHelpers: (input, ctx) => listHelpers(ctx, input),
  listUnpaired: (input, ctx) => listUnpaired(ctx, input),
});
