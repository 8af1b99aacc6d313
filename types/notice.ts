import { z } from './z';
import { Id, IsoDateTime } from './common';

/** Longest body an admin may write: a long notice, still small enough for one list answer. */
export const NOTICE_BODY_MAX = 5000;

export const NoticeRole = z.enum(['helper', 'household', 'admin'], { error: '受众角色应为 helper、household 或 admin' });
export type NoticeRole = z.infer<typeof NoticeRole>;

/**
 * 通知受众: roles × regions. No `regionIds` = the author's whole scope; every region must lie
 * inside it. A stored notice always carries the resolved `regionIds`.
 */
export const Audience = z.object({
  roles: z.array(NoticeRole).min(1, { error: '请至少选择一类受众' }).max(3, { error: '受众最多 3 类' }),
  regionIds: z.array(Id).max(50, { error: '一次最多选择 50 个区域' }).optional(),
});
export type Audience = z.infer<typeof Audience>;

const NoticeContent = z.object({
  title: z.string({ error: '请填写通知标题' }).trim().min(1, { error: '请填写通知标题' }).max(60, { error: '标题最多 60 字' }),
  body: z
    .string({ error: '请填写通知正文' })
    .trim()
    .min(1, { error: '请填写通知正文' })
    .max(NOTICE_BODY_MAX, { error: `正文最多 ${NOTICE_BODY_MAX} 字，请精简或分成几条通知` }),
  audience: Audience,
  requireAck: z.boolean({ error: '请选择是否需要回复“已知悉”' }).default(false),
  pinned: z.boolean().default(false),
});

/** Writes a new notice, or (with `noticeId`) replaces a draft's content. */
export const SaveNoticeInput = NoticeContent.extend({ noticeId: Id.optional() });
export type SaveNoticeInput = z.infer<typeof SaveNoticeInput>;

/** Publishes at once: a new notice, or a draft (`noticeId`) with its final content. */
export const PublishNoticeInput = SaveNoticeInput;
export type PublishNoticeInput = z.infer<typeof PublishNoticeInput>;

export const NoticeStatus = z.enum(['draft', 'published', 'revoked']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/** 通知公告: written by an admin for an audience of roles × regions, optionally acknowledged (已知悉). */
export const Notice = NoticeContent.extend({
  _id: Id,
  status: NoticeStatus,
  authorId: Id,
  authorName: z.string().default(''),
  /** The author's region path when written: admins whose scope lies on it may manage the notice. */
  scopePath: z.array(Id).default([]),
  /** Where helpers are matched: the audience regions with villages lifted to their town (helpers work for a town). */
  helperRegionIds: z.array(Id).default([]),
  publishedAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable().default(null),
  remindedAt: IsoDateTime.nullable().default(null),
  /** A page the notice's card opens (a published 月度通报), set by the server, never typed by an author. */
  link: z.object({ page: z.string(), label: z.string() }).nullable().optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime.optional(),
});
export type Notice = z.infer<typeof Notice>;

/** One person's read of a notice (`notice_reads`, id `<noticeId>__<userId>`). */
export const NoticeRead = z.object({
  _id: Id,
  noticeId: Id,
  userId: Id,
  readAt: IsoDateTime,
  ackAt: IsoDateTime.nullable(),
});
export type NoticeRead = z.infer<typeof NoticeRead>;

/** How an open reached the notice: in the app, a card opened from a WeChat group, or an H5 link. */
export const OpenVia = z.enum(['app', 'group', 'link']);
export type OpenVia = z.infer<typeof OpenVia>;

/** One open (`notice_opens`): per-group and per-link counts are built from these. */
export const NoticeOpen = z.object({
  _id: Id,
  noticeId: Id,
  userId: Id,
  via: OpenVia,
  groupId: z.string().nullable(),
  at: IsoDateTime,
});
export type NoticeOpen = z.infer<typeof NoticeOpen>;

/** A WeChat group seen through a share ticket (`notice_groups`): WeChat gives only its opengid, admins add a label. */
export const NoticeGroup = z.object({
  _id: z.string(),
  label: z.string().default(''),
  firstSeenAt: IsoDateTime,
});
export type NoticeGroup = z.infer<typeof NoticeGroup>;

/** Why someone is alerted outside any notice (see notices/delivery.service.ts deliverAlert). */
export const ALERT_REASONS = ['bind_locked', 'need_urged', 'need_escalated', 'finding_due', 'finding_returned', 'visit_denied'] as const;
export const OUTBOX_REASON_LABELS: Record<'publish' | 'remind' | (typeof ALERT_REASONS)[number], string> = {
  publish: '发布通知',
  remind: '未读提醒',
  bind_locked: '绑定暂停提醒',
  need_urged: '需求催办',
  need_escalated: '提请协调',
  finding_due: '整改到期提醒',
  finding_returned: '整改退回',
  visit_denied: '走访未获确认',
};

/** What was sent (or, locally, would have been sent) as a subscription message (`outbox`): a notice's, or an alert (no notice). */
export const OutboxMessage = z.object({
  _id: Id,
  kind: z.literal('subscribeMessage'),
  reason: z.enum(['publish', 'remind', ...ALERT_REASONS]),
  noticeId: Id.nullish(),
  householdId: Id.nullish(),
  userId: Id,
  userName: z.string(),
  templateId: z.string(),
  page: z.string(),
  data: z.record(z.string(), z.object({ value: z.string() })),
  /** recorded: local mode, not sent · sent / failed: the cloud's answer · skipped: the person has not subscribed. */
  status: z.enum(['recorded', 'sent', 'failed', 'skipped']),
  note: z.string().default(''),
  createdAt: IsoDateTime,
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
