import { View } from '@tarojs/components';
import type { OutboxMessage } from '@bangfu/types';
import { OUTBOX_REASON_LABELS } from '@bangfu/types/notice';
import { Empty, Loaded, Page, Tag, type TagProps } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { shortTime } from '@/utils/dates';
import './index.scss';

const STATUS: Record<OutboxMessage['status'], Pick<TagProps, 'status' | 'type'> & { label: string }> = {
  recorded: { label: '本地记录（未真正发送）', type: 'primary' },
  sent: { label: '已发送', status: 'done' },
  failed: { label: '发送失败', status: 'alert' },
  skipped: { label: '未订阅，未发送', status: 'none' },
};

/** 消息发送记录: every subscription message sent (or, in the local demo, that would have been sent): notices', and the alerts sent to this admin. */
export default function NoticeOutbox() {
  const outbox = useRequest(() => api.notices.listOutbox({ offset: 0, limit: 50 }));
  return (
    <Page wide>
      <View className='no__head'>
        <View className='no__title'>消息发送记录</View>
        {outbox.data && <View className='no__total'>共 {outbox.data.total} 条</View>}
      </View>
      <Loaded
        state={outbox}
        empty={<Empty description='还没有发送过订阅消息。发布通知或提醒未读人员后，这里会列出每一条。' actionText='刷新' onAction={outbox.reload} />}
      >
        {({ items }) => (
          <View className='no__list'>
            {items.map((m) => (
              <View key={m._id} className='no__row'>
                <View className='no__line'>
                  <View className='no__who'>{m.userName}</View>
                  <Tag status={STATUS[m.status].status} type={STATUS[m.status].type} plain>
                    {STATUS[m.status].label}
                  </Tag>
                </View>
                <View className='no__what'>
                  {OUTBOX_REASON_LABELS[m.reason]}：{m.data.thing1?.value ?? ''}
                </View>
                <View className='no__note'>
                  {shortTime(m.createdAt)}
                  {m.note ? ` · ${m.note}` : ''}
                </View>
              </View>
            ))}
          </View>
        )}
      </Loaded>
    </Page>
  );
}
