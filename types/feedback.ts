import { z } from './z';
import { FileId, Id, IsoDateTime, Uuid } from './common';

/**
 * 意见建议: a complaint or suggestion from a household or a helper to the county office
 * (扶贫办), answered in the app. National rules require such a channel; it goes to the county
 * office itself, so town and village admins (who may be what it is about) do not read it.
 */
export const FeedbackCategory = z.enum(['complaint', 'suggestion', 'question'], { error: '类别应为 complaint（投诉）、suggestion（建议）或 question（咨询）' });
export type FeedbackCategory = z.infer<typeof FeedbackCategory>;
export const FEEDBACK_CATEGORY_LABELS: Record<FeedbackCategory, string> = { complaint: '投诉', suggestion: '建议', question: '咨询' };

export const FeedbackStatus = z.enum(['open', 'answered']);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = { open: '待答复', answered: '已答复' };

export const SubmitFeedbackInput = z.object({
  /** Client-generated: a re-send after a lost answer stores nothing twice. */
  id: Uuid,
  category: FeedbackCategory,
  text: z.string({ error: '请写下您的意见或建议' }).trim().min(1, { error: '请写下您的意见或建议' }).max(1000, { error: '最多 1000 字' }),
  photos: z.array(FileId, { error: '照片应为文件编号的列表' }).max(3, { error: '最多上传 3 张照片' }).default([]),
});
export type SubmitFeedbackInput = z.infer<typeof SubmitFeedbackInput>;

export const FeedbackAnswer = z.object({ text: z.string(), by: Id, byName: z.string(), at: IsoDateTime });
export type FeedbackAnswer = z.infer<typeof FeedbackAnswer>;

export const Feedback = SubmitFeedbackInput.omit({ id: true }).extend({
  _id: Id,
  /** The county office it goes to: the household's county, or the helper's. */
  countyId: Id,
  authorId: Id,
  authorRole: z.enum(['household', 'helper']),
  authorName: z.string(),
  /** The writer's household (households only): the admin sees whose it is. */
  householdId: Id.nullable(),
  status: FeedbackStatus,
  version: z.number().int(),
  submittedAt: IsoDateTime,
  answer: FeedbackAnswer.nullable(),
});
export type Feedback = z.infer<typeof Feedback>;

/** What a caller sees: the stored item without account ids, plus, for admins, the household's head and village. */
export const FeedbackView = Feedback.omit({ authorId: true, answer: true }).extend({
  answer: FeedbackAnswer.omit({ by: true }).nullable(),
  headName: z.string().nullable(),
  villageName: z.string().nullable(),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

export const AnswerFeedbackInput = z.object({
  feedbackId: Id,
  /** The version the admin read: an answer written meanwhile by another admin is not overwritten. */
  version: z.number({ error: '缺少版本号，请刷新后再答复' }).int().min(1),
  text: z.string({ error: '请填写答复内容' }).trim().min(1, { error: '请填写答复内容' }).max(1000, { error: '答复最多 1000 字' }),
});
export type AnswerFeedbackInput = z.infer<typeof AnswerFeedbackInput>;
