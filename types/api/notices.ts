import { z } from '../z';
import { Id, listOf, Paging } from '../common';
import { Notice, PublishNoticeInput } from '../notice';
import { defineApi } from './define';

export const NoticeItem = Notice.extend({ read: z.boolean(), acknowledged: z.boolean() });

export const noticesApi = defineApi('notices', {
  publish: { input: PublishNoticeInput, output: Notice, access: ['admin'] },
  list: { input: Paging, output: listOf(NoticeItem), access: ['admin', 'helper', 'household'] },
  get: { input: z.object({ noticeId: Id }), output: NoticeItem, access: ['admin', 'helper', 'household'] },
  markRead: { input: z.object({ noticeId: Id, ack: z.boolean().optional() }), output: NoticeItem, access: ['admin', 'helper', 'household'] },
  stats: { input: z.object({ noticeId: Id }), output: z.object({ audience: z.number().int(), read: z.number().int(), acknowledged: z.number().int(), unread: z.array(z.object({ userId: Id, name: z.string() })) }), access: ['admin'] },
});
