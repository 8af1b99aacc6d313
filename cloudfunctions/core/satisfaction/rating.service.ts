import type { HouseholdRatings, RateHelperInput, RatingAverage } from '../../../types/satisfaction';
import { quarterOf } from '../../../types/satisfaction';
import type { HelperCtx, HouseholdCtx } from '../handler';
import { conflict, notFound } from '../errors';
import { readableHousehold } from '../access';
import { activePairings } from '../assignments/pairing.repository';
import { userNames } from '../users/user.repository';
import { monthOf } from '../time';
import { insertRatingOnce, ratingId, ratingScores, ratingsOfHousehold } from './rating.repository';
import { cleanReasons, meanRating } from './rating.rules';

/** This quarter's ratings of the household's helpers (active pairings), null where not rated yet. */
export async function householdRatings(ctx: HouseholdCtx): Promise<HouseholdRatings> {
  const household = await readableHousehold(ctx.user);
  const quarter = quarterOf(monthOf(ctx.now));
  const [pairings, given] = await Promise.all([activePairings({ householdId: household._id }), ratingsOfHousehold(household._id, quarter)]);
  const helperIds = [...new Set(pairings.map((p) => p.helperId))];
  const names = await userNames(helperIds);
  const byHelper = new Map(given.map((r) => [r.helperId, r]));
  return {
    quarter,
    items: helperIds.map((helperId) => {
      const r = byHelper.get(helperId);
      return {
        helperId,
        helperName: names.get(helperId) ?? '帮扶人',
        rating: r ? { rating: r.rating, reasons: r.reasons, comment: r.comment, at: r.at } : null,
      };
    }),
  };
}

/**
 * 满意度: a bound member rates one of the household's helpers 1–5, once a quarter (China time) for
 * the household; the same rating sent again answers as stored, a different one is refused.
 */
export async function rateHelper(ctx: HouseholdCtx, input: RateHelperInput): Promise<HouseholdRatings> {
  const household = await readableHousehold(ctx.user);
  const pairings = await activePairings({ householdId: household._id, helperId: input.helperId });
  if (!pairings.length) throw notFound('没有找到这位帮扶人');
  const month = monthOf(ctx.now);
  const quarter = quarterOf(month);
  const id = ratingId(household._id, input.helperId, quarter);
  const reasons = cleanReasons(input.reasons);
  await insertRatingOnce(id, {
    build: async () => ({
      _id: id,
      householdId: household._id,
      helperId: input.helperId,
      countyId: household.countyId,
      townId: household.townId,
      villageId: household.villageId,
      quarter,
      month,
      rating: input.rating,
      reasons,
      comment: input.comment,
      by: ctx.user._id,
      at: ctx.now.toISOString(),
    }),
    same: (stored) => stored.rating === input.rating && stored.comment === input.comment && JSON.stringify(stored.reasons) === JSON.stringify(reasons),
    clash: () => conflict(`本季度（${quarter.slice(0, 4)}年第${quarter.slice(6)}季度）已经评价过这位帮扶人，下个季度可以再评`),
  });
  return householdRatings(ctx);
}

/** What a helper sees: their mean rating and how many ratings, never who gave which. */
export async function myRatingAverage(ctx: HelperCtx): Promise<RatingAverage> {
  return meanRating(await ratingScores({ helperId: ctx.user._id }));
}

/**
 * The bulletin's satisfaction for month M in a region (`where`: countyId/townId/villageId): the mean
 * rating given in M and its count.
 */
export async function satisfactionOfMonth(where: Record<string, string>, month: string): Promise<RatingAverage> {
  return meanRating(await ratingScores({ ...where, month }));
}
