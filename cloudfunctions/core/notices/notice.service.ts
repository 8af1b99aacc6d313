import { randomUUID } from 'node:crypto';
import { Notice, type SaveNoticeInput } from '../../../types/notice';
import type { AdminCtx } from '../handler';
import { conflict, notFound } from '../errors';
import { adminScope } from '../access/scope';
import { canManage, helperRegionIds, resolveAudienceRegions } from './notice.rules';
import { findNotice, insertNotice, updateNoticeIf } from './notice.repository';
import { regionsByIds, regionsUnder } from '../regions/region.repository';
import { deliverOnPublish } from './delivery.service';

/** A notice the caller may manage, or NOT_FOUND (whether it exists elsewhere is not revealed). */
export async function manageableNotice(ctx: AdminCtx, noticeId: string): Promise<Notice> {
  const notice = await findNotice(noticeId);
  if (!notice || !canManage(notice, ctx.user)) throw notFound('没有找到这条通知，或不在您的管辖范围内');
  return notice;
}

/** Title, body and the audience resolved against the admin's scope (FORBIDDEN outside it). */
async function content(ctx: AdminCtx, input: SaveNoticeInput) {
  const scope = adminScope(ctx.user);
  const requested = input.audience.regionIds ?? [];
  const known = await regionsByIds([...requested, scope.regionId]);
  const regionIds = resolveAudienceRegions(scope, requested, known);
  return {
    title: input.title,
    body: input.body,
    requireAck: input.requireAck,
    pinned: input.pinned,
    audience: { roles: [...new Set(input.audience.roles)], regionIds },
    helperRegionIds: helperRegionIds(regionIds, known),
  };
}

async function insert(ctx: AdminCtx, fields: Awaited<ReturnType<typeof content>> & { link?: Notice['link'] }, status: 'draft' | 'published'): Promise<Notice> {
  const at = ctx.now.toISOString();
  const { user } = ctx;
  const notice = Notice.parse({
    _id: `notice-${randomUUID()}`,
    ...fields,
    status,
    authorId: user._id,
    authorName: user.name,
    scopePath: user.regionPath,
    publishedAt: status === 'published' ? at : null,
    revokedAt: null,
    remindedAt: null,
    createdAt: at,
    updatedAt: at,
  });
  await insertNotice(notice);
  return notice;
}

/** Replaces a draft's content; the `status: 'draft'` condition makes a concurrent publish win cleanly. */
async function updateDraft(ctx: AdminCtx, noticeId: string, fields: Awaited<ReturnType<typeof content>>, publish: boolean): Promise<Notice> {
  const current = await manageableNotice(ctx, noticeId);
  if (current.status !== 'draft') throw conflict('这条通知已经发布，不能再修改；如内容有误，请撤回后重新发布');
  const at = ctx.now.toISOString();
  const changes = { ...fields, updatedAt: at, ...(publish ? { status: 'published', publishedAt: at } : {}) };
  if (!(await updateNoticeIf(noticeId, { status: 'draft' }, changes))) throw conflict('这条通知刚刚被其他人发布或修改，请刷新后再试');
  return Notice.parse({ ...current, ...changes });
}

export async function saveDraft(ctx: AdminCtx, input: SaveNoticeInput): Promise<Notice> {
  const fields = await content(ctx, input);
  return input.noticeId ? updateDraft(ctx, input.noticeId, fields, false) : insert(ctx, fields, 'draft');
}

/**
 * Publishes a new notice or a draft, then sends the subscription message to subscribed audience
 * members. `link` (server-side callers only, e.g. a published 月度通报) is the page its card opens.
 */
export async function publish(ctx: AdminCtx, input: SaveNoticeInput, link?: Notice['link']): Promise<Notice> {
  const fields = { ...(await content(ctx, input)), ...(link ? { link } : {}) };
  const notice = input.noticeId ? await updateDraft(ctx, input.noticeId, fields, true) : await insert(ctx, fields, 'published');
  await deliverOnPublish(ctx, notice);
  return notice;
}

/** 撤回: the notice stays visible to its audience, marked as withdrawn, and is no longer pinned. */
export async function revoke(ctx: AdminCtx, input: { noticeId: string }): Promise<Notice> {
  const current = await manageableNotice(ctx, input.noticeId);
  if (current.status === 'draft') throw conflict('草稿还没有发布，无需撤回');
  if (current.status === 'revoked') throw conflict('这条通知已经撤回');
  const changes = { status: 'revoked' as const, revokedAt: ctx.now.toISOString(), pinned: false, updatedAt: ctx.now.toISOString() };
  if (!(await updateNoticeIf(current._id, { status: 'published' }, changes))) throw conflict('这条通知刚刚被其他人撤回，请刷新');
  return Notice.parse({ ...current, ...changes });
}

/** The regions an admin may address: their own and every region below it, county → towns → villages. */
export async function audienceOptions(ctx: AdminCtx) {
  const scope = adminScope(ctx.user);
  const regions = (await regionsUnder(scope.regionId)).map((r) => ({ _id: r._id, name: r.name, level: r.level, parentId: r.parentId }));
  const depth = { county: 0, town: 1, village: 2 };
  regions.sort((a, b) => depth[a.level] - depth[b.level] || a._id.localeCompare(b._id, 'en', { numeric: true }));
  return { regions };
}
