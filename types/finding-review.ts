import { z } from './z';
import { Id, IsoDateTime, Month, Paging } from './common';

/**
 * 督查整改's checks on the records themselves (SPEC §7): 回头看 rounds that draw households per
 * village for a re-check, and the integrity checks that list records which look made up. The
 * findings they lead to are finding.ts.
 */
/** 回头看 sampler (SPEC §7): households drawn per village for a re-check round. */
export const SampleRoundInput = z.object({
  perVillage: z
    .number({ error: '每村抽取户数应为数字' })
    .int({ error: '每村抽取户数应为整数' })
    .min(1, { error: '每村至少抽取 1 户' })
    .max(100, { error: '每村最多抽取 100 户' })
    .default(20),
  /** 非建档立卡户 drawn besides, where the village's registry holds them. */
  nonRegistered: z
    .number({ error: '非建档立卡户数应为数字' })
    .int({ error: '非建档立卡户数应为整数' })
    .min(0, { error: '非建档立卡户数不能为负数' })
    .max(20, { error: '非建档立卡户最多抽取 20 户' })
    .default(5),
  title: z.string({ error: '轮次名称应为文字' }).trim().max(40, { error: '轮次名称最多 40 字' }).optional(),
});
export type SampleRoundInput = z.infer<typeof SampleRoundInput>;

export const ReviewRound = z.object({
  _id: Id,
  title: z.string(),
  countyId: Id,
  /** The drawing admin's region, county first: the round covers it. */
  regionPath: z.array(Id),
  perVillage: z.number().int(),
  nonRegistered: z.number().int(),
  villages: z.number().int(),
  households: z.number().int(),
  createdBy: Id,
  createdByName: z.string(),
  createdAt: IsoDateTime,
});
export type ReviewRound = z.infer<typeof ReviewRound>;

export const ReviewOutcome = z.enum(['visit', 'finding'], { error: '复核结果应为 visit（复核走访）或 finding（发现问题）' });
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = { visit: '已复核走访', finding: '已登记问题' };

export const ReviewItem = z.object({
  _id: Id,
  roundId: Id,
  householdId: Id,
  householdCode: z.string(),
  headName: z.string(),
  registered: z.boolean(),
  countyId: Id,
  townId: Id,
  villageId: Id,
  outcome: ReviewOutcome.nullable(),
  /** The re-check visit or the finding raised, once worked. */
  refId: Id.nullable(),
  doneBy: Id.nullable(),
  doneAt: IsoDateTime.nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewRoundView = ReviewRound.extend({ done: z.number().int() });
export type ReviewRoundView = z.infer<typeof ReviewRoundView>;
export const ReviewItemView = ReviewItem.extend({ villageName: z.string() });
export type ReviewItemView = z.infer<typeof ReviewItemView>;

export const ListReviewItemsInput = Paging.extend({
  roundId: Id,
  villageId: Id.optional(),
  pending: z.boolean({ error: '是否只看未复核应为 true 或 false' }).optional(),
});
export type ListReviewItemsInput = z.infer<typeof ListReviewItemsInput>;

export const MarkReviewedInput = z.object({ roundId: Id, householdId: Id, outcome: ReviewOutcome, refId: Id });
export type MarkReviewedInput = z.infer<typeof MarkReviewedInput>;

/** Checks an inspector runs over the records (SPEC §7): each answers the records that look made up. */
export const IntegrityCheck = z.enum(
  ['future_visits', 'late_entries', 'rapid_visits', 'duplicate_content', 'refused_backdates', 'steps_out_of_order', 'evidence_after_close'],
  {
    error: '核查项目应为 future_visits、late_entries、rapid_visits、duplicate_content、refused_backdates、steps_out_of_order 或 evidence_after_close',
  },
);
export type IntegrityCheck = z.infer<typeof IntegrityCheck>;
export const INTEGRITY_CHECK_LABELS: Record<IntegrityCheck, string> = {
  future_visits: '走访日期晚于录入时间',
  late_entries: '走访录入远晚于走访日期',
  rapid_visits: '同一帮扶人几分钟内走访多户',
  duplicate_content: '不同户的走访记录或照片重复',
  refused_backdates: '超过 60 天补录被拒',
  steps_out_of_order: '需求、问题的办理步骤时间倒序',
  evidence_after_close: '销号后才提交的整改佐证',
};
export const IntegrityInput = z.object({
  check: IntegrityCheck,
  /** The month of visits to check (YYYY-MM, China time); this month when left out. Needs and findings are checked whole. */
  month: Month.optional(),
});
export const IntegrityItem = z.object({
  title: z.string(),
  detail: z.string(),
  at: IsoDateTime,
  householdId: Id.nullable(),
  refs: z.array(z.object({ kind: z.enum(['visit', 'need', 'finding']), id: Id })),
});
export const IntegrityReport = z.object({
  check: IntegrityCheck,
  label: z.string(),
  month: z.string(),
  total: z.number().int(),
  items: z.array(IntegrityItem),
});
export type IntegrityItem = z.infer<typeof IntegrityItem>;
export type IntegrityReport = z.infer<typeof IntegrityReport>;
