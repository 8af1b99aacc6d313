import type { AnswerFeedbackInput, Feedback, FeedbackStatus, FeedbackView, SubmitFeedbackInput } from '../../../types/feedback';
import type { Paging } from '../../../types/common';
import type { AdminCtx, RoleCtx } from '../handler';
import { conflict, invalid, notFound } from '../errors';
import { findHousehold, householdPlaces } from '../households/household.repository';
import { regionNames } from '../regions/region.repository';
import { feedbackByAuthor, feedbackOfCounty, findFeedback, insertFeedbackOnce, updateFeedbackIfVersion } from './feedback.repository';
import { countyOfAuthor, readableByAdmin } from './feedback.rules';

const NOT_FOUND = '没有找到这条意见建议，或您无权查看';

/** Views of several items with the writer's household head and village (one read each, for the page). */
async function toViews(items: Feedback[]): Promise<FeedbackView[]> {
  const places = await householdPlaces([...new Set(items.map((f) => f.householdId).filter((id): id is string => !!id))]);
  const villages = await regionNames([...new Set([...places.values()].map((p) => p.villageId))]);
  return items.map(({ authorId: _author, answer, ...f }) => {
    const place = f.householdId ? places.get(f.householdId) : undefined;
    return {
      ...f,
      answer: answer ? { text: answer.text, byName: answer.byName, at: answer.at } : null,
      headName: place?.headName ?? null,
      villageName: place ? (villages.get(place.villageId) ?? null) : null,
    };
  });
}
const toView = async (item: Feedback) => (await toViews([item]))[0];

/** 提交意见建议: idempotent on the client's id; goes to the writer's county office. */
export async function submit(ctx: RoleCtx<'household' | 'helper'>, input: SubmitFeedbackInput): Promise<FeedbackView> {
  const { user } = ctx;
  const household = user.role === 'household' ? await findHousehold(user.householdId) : null;
  const countyId = countyOfAuthor(user, household?.countyId ?? null);
  if (!countyId) throw invalid('您的账号还没有所属区域，暂时无法提交，请联系扶贫办');
  const item: Feedback = {
    _id: input.id,
    countyId,
    authorId: user._id,
    authorRole: user.role,
    authorName: user.name,
    householdId: household?._id ?? null,
    category: input.category,
    text: input.text,
    photos: input.photos,
    status: 'open',
    version: 1,
    submittedAt: ctx.now.toISOString(),
    answer: null,
  };
  const same = (s: Feedback) =>
    JSON.stringify([s.authorId, s.category, s.text, s.photos]) === JSON.stringify([item.authorId, item.category, item.text, item.photos]);
  const { doc } = await insertFeedbackOnce(input.id, {
    build: () => item,
    same,
    clash: () => conflict('这个编号已用于另一条意见建议，请重新填写后提交'),
  });
  return toView(doc);
}

/** 我的意见建议: what the caller wrote, newest first, with the office's answers. */
export async function listMine(ctx: RoleCtx<'household' | 'helper'>, input: Paging): Promise<{ items: FeedbackView[]; total: number }> {
  const page = await feedbackByAuthor(ctx.user._id, input.offset, input.limit);
  return { items: await toViews(page.items), total: page.total };
}

/** The county office's list: only a county-level admin reads its county's items; others get an empty list. */
export async function list(ctx: AdminCtx, input: Paging & { status?: FeedbackStatus }): Promise<{ items: FeedbackView[]; total: number }> {
  const { scope } = ctx.user;
  if (scope.level !== 'county') return { items: [], total: 0 };
  const page = await feedbackOfCounty(scope.regionId, input.status, input.offset, input.limit);
  return { items: await toViews(page.items), total: page.total };
}

/** 答复: version-checked, so an answer another admin wrote meanwhile is shown, never overwritten. */
export async function answer(ctx: AdminCtx, input: AnswerFeedbackInput): Promise<FeedbackView> {
  const item = await findFeedback(input.feedbackId);
  if (!item || !readableByAdmin(ctx.user.scope, item)) throw notFound(NOT_FOUND);
  const changes: Partial<Feedback> = {
    status: 'answered',
    answer: { text: input.text, by: ctx.user._id, byName: ctx.user.unit ?? ctx.user.name, at: ctx.now.toISOString() },
  };
  if (item.version !== input.version || !(await updateFeedbackIfVersion(item._id, input.version, changes))) {
    const latest = (await findFeedback(item._id)) ?? item;
    throw conflict('这条意见建议刚被其他人答复过，已为您显示最新内容，请确认后再操作', { feedback: await toView(latest) });
  }
  return toView({ ...item, ...changes, version: item.version + 1 });
}
