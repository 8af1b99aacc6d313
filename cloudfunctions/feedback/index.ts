import { feedbackApi } from '../../types/api/feedback';
import { handler } from '../core/handler';
import * as feedback from '../core/feedback/feedback.service';

export const main = handler(feedbackApi, {
  submit: (input, ctx) => feedback.submit(ctx, input),
  listMine: (input, ctx) => feedback.listMine(ctx, input),
  list: (input, ctx) => feedback.list(ctx, input),
  answer: (input, ctx) => feedback.answer(ctx, input),
});
