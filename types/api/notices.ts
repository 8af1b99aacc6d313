import { z } from '../z';
import { Id, IsoDateTime, listOf, Paging } from '../common';
import { Notice, NoticeRole, OutboxMessage, PublishNoticeInput, SaveNoticeInput } from '../notice';
import { defineApi } from './define';

const NoticeRef = z.object({ noticeId: Id });

/** A notice as its reader sees it, with their own read and acknowledgement. */
export const NoticeItem = Notice.extend({
  read: z.boolean(),
  acknowledged: z.boolean(),
  /** The caller may edit, revoke and see stats (an admin whose scope covers the author's). */
  manageable: z.boolean().default(false),
});
export type NoticeItem = z.infer<typeof NoticeItem>;

/** inbox: notices addressed to me · manage (admins): drafts and notices written in my scope. */
export const ListNoticesInput = Paging.extend({ box: z.enum(['inbox', 'manage']).default('inbox') });

export const MarkReadInput = NoticeRef.extend({
  ack: z.boolean().optional(),
  /** `link`: opened through a shared H5 link or QR code, counted as a link open. */
  via: z.enum(['app', 'link']).default('app'),
});

/**
 * A card opened from a WeChat group: the CloudID of `getGroupEnterInfo`, which the server alone
 * can turn into the group's opengid. The weapp client also sends it as a top-level
 * `Taro.cloud.CloudID` field; the function lifts its `cloudID` here.
 */
export const RecordGroupOpenInput = NoticeRef.extend({
  groupCloudId: z.string({ error: '缺少群信息（cloudID）' }).min(1, { error: '缺少群信息（cloudID）' }).max(512, { error: '群信息（cloudID）最多 512 个字符' }),
});

const Person = z.object({ userId: Id, name: z.string(), role: NoticeRole, regionName: z.string() });
export const StatsPerson = Person.extend({ readAt: IsoDateTime.nullable(), ackAt: IsoDateTime.nullable() });
export const GroupStats = z.object({
  groupId: z.string(),
  label: z.string(),
  opens: z.number().int(),
  readers: z.number().int(),
  acknowledged: z.number().int(),
});
export const NoticeStats = z.object({
  audience: z.number().int(),
  read: z.number().int(),
  acknowledged: z.number().int(),
  /** Audience members who have not opened the notice yet. */
  unread: z.array(Person),
  /** Every audience member with their read and acknowledgement times. */
  people: z.array(StatsPerson),
  groups: z.array(GroupStats),
  linkOpens: z.number().int(),
  linkReaders: z.number().int(),
});
export type NoticeStats = z.infer<typeof NoticeStats>;

export const AudienceRegion = z.object({ _id: Id, name: z.string(), level: z.enum(['county', 'town', 'village']), parentId: Id.nullable() });
export type AudienceRegion = z.infer<typeof AudienceRegion>;

export const RemindResult = z.object({ recorded: z.number().int(), skipped: z.number().int() });
export const SubscriptionInfo = z.object({ templateId: z.string(), credits: z.number().int() });
export type SubscriptionInfo = z.infer<typeof SubscriptionInfo>;

const everyone = ['admin', 'helper', 'household'] as const;

export const noticesApi = defineApi('notices', {
  publish: { input: PublishNoticeInput, output: Notice, access: ['admin'] },
  saveDraft: { input: SaveNoticeInput, output: Notice, access: ['admin'] },
  revoke: { input: NoticeRef, output: Notice, access: ['admin'] },
  list: { input: ListNoticesInput, output: listOf(NoticeItem), access: everyone },
  get: { input: NoticeRef, output: NoticeItem, access: everyone },
  unreadCount: { input: z.object({}), output: z.object({ count: z.number().int() }), access: everyone },
  markRead: { input: MarkReadInput, output: NoticeItem, access: everyone },
  recordGroupOpen: { input: RecordGroupOpenInput, output: NoticeItem, access: everyone },
  stats: { input: NoticeRef, output: NoticeStats, access: ['admin'] },
  labelGroup: {
    input: z.object({
      groupId: z.string({ error: '缺少群编号' }).min(1, { error: '缺少群编号' }).max(128, { error: '群编号最多 128 个字符' }),
      label: z.string().trim().min(1, { error: '请填写群名称' }).max(30, { error: '群名称最多 30 字' }),
    }),
    output: z.object({ groupId: z.string(), label: z.string() }),
    access: ['admin'],
  },
  remind: { input: NoticeRef, output: RemindResult, access: ['admin'] },
  listOutbox: { input: Paging, output: listOf(OutboxMessage), access: ['admin'] },
  audienceOptions: { input: z.object({}), output: z.object({ regions: z.array(AudienceRegion) }), access: ['admin'] },
  subscription: { input: z.object({}), output: SubscriptionInfo, access: everyone },
  subscribe: { input: z.object({ accepted: z.boolean() }), output: SubscriptionInfo, access: everyone },
});
