import { listOf, Paging } from '../common';
import { AnswerFeedbackInput, FeedbackStatus, FeedbackView, SubmitFeedbackInput } from '../feedback';
import { defineApi } from './define';

/**
 * 意见建议. Households and helpers write and see their own; county admins answer those of their
 * county (open ones first). Anyone else gets NOT_FOUND, as for an item that does not exist.
 */
export const feedbackApi = defineApi('feedback', {
  submit: { input: SubmitFeedbackInput, output: FeedbackView, access: ['household', 'helper'] },
  listMine: { input: Paging, output: listOf(FeedbackView), access: ['household', 'helper'] },
  list: { input: Paging.extend({ status: FeedbackStatus.optional() }), output: listOf(FeedbackView), access: ['admin'] },
  answer: { input: AnswerFeedbackInput, output: FeedbackView, access: ['admin'] },
});
