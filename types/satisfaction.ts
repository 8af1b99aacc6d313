import { z } from './z';
import { Id, IsoDateTime } from './common';

/** 满意度 reasons a household may tick (optional), choices before typing. */
export const RATING_REASONS = ['经常来看望', '办事热心', '政策讲得清楚', '很少来', '反映的事没解决'] as const;

/** `YYYY-Qn` of a China-time month `YYYY-MM`. */
export const quarterOf = (month: string): string => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

export const RateHelperInput = z.object({
  helperId: Id,
  rating: z
    .number({ error: '请点星星打分，1 到 5 星' })
    .int({ error: '请点星星打分，1 到 5 星' })
    .min(1, { error: '请点星星打分，1 到 5 星' })
    .max(5, { error: '请点星星打分，1 到 5 星' }),
  reasons: z
    .array(z.string().max(20, { error: '每个理由最多 20 字' }))
    .max(5, { error: '最多选 5 个理由' })
    .default([]),
  comment: z.string().trim().max(200, { error: '想说的话最多 200 字' }).default(''),
});
export type RateHelperInput = z.infer<typeof RateHelperInput>;

/** 满意度评价 as stored: one per household, helper and quarter (`_id` = household:helper:quarter). */
export const HelperRating = z.object({
  _id: z.string(),
  householdId: Id,
  helperId: Id,
  countyId: Id,
  townId: Id,
  villageId: Id,
  quarter: z.string(),
  /** `YYYY-MM` it was given in (China time): the bulletin's monthly satisfaction figure. */
  month: z.string(),
  rating: z.number().int().min(1).max(5),
  reasons: z.array(z.string()),
  comment: z.string(),
  by: Id,
  at: IsoDateTime,
});
export type HelperRating = z.infer<typeof HelperRating>;

/** A helper of the household with this quarter's rating by the household, or null when not rated yet. */
export const HouseholdRatingItem = z.object({
  helperId: Id,
  helperName: z.string(),
  rating: HelperRating.pick({ rating: true, reasons: true, comment: true, at: true }).nullable(),
});

export const HouseholdRatings = z.object({ quarter: z.string(), items: z.array(HouseholdRatingItem) });
export type HouseholdRatings = z.infer<typeof HouseholdRatings>;

/** What a helper sees of their ratings: the mean and how many, never who rated what. */
export const RatingAverage = z.object({ average: z.number().nullable(), count: z.number().int() });
export type RatingAverage = z.infer<typeof RatingAverage>;
