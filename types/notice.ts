import { z } from './z';
import { Id, IsoDateTime } from './common';

/** 通知公告: written by an admin for an audience of roles × regions, optionally acknowledged (已知悉). */
export const Audience = z.object({
  roles: z.array(z.enum(['helper', 'household', 'admin'], { error: '受众角色应为 helper、household 或 admin' })).min(1, { error: '请至少选择一类受众' }),
  regionIds: z.array(Id).optional(),
});
export type Audience = z.infer<typeof Audience>;

export const PublishNoticeInput = z.object({
  title: z.string().trim().min(1, { error: '请填写通知标题' }).max(60, { error: '标题最多 60 字' }),
  body: z.string().trim().min(1, { error: '请填写通知正文' }).max(20000, { error: '正文最多 20000 字' }),
  audience: Audience,
  requireAck: z.boolean().default(false),
  pinned: z.boolean().default(false),
});
export type PublishNoticeInput = z.infer<typeof PublishNoticeInput>;

export const Notice = PublishNoticeInput.extend({
  _id: Id,
  status: z.enum(['draft', 'published', 'revoked']),
  authorId: Id,
  publishedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type Notice = z.infer<typeof Notice>;
