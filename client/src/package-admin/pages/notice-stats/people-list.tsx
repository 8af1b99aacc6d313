import { View } from '@tarojs/components';
import { useState } from 'react';
import { ROLE_LABELS } from '@bangfu/types';
import type { NoticeStats } from '@bangfu/types/api/notices';
import { Empty, Tag } from '@/components/ui';

type Person = NoticeStats['people'][number];
type Filter = 'unread' | 'unacked' | 'all';

function Status({ p, requireAck }: { p: Person; requireAck: boolean }) {
  if (!p.readAt) return <Tag status='due'>未读</Tag>;
  if (requireAck && !p.ackAt)
    return (
      <Tag status='due' plain>
        已读未确认
      </Tag>
    );
  return <Tag status='done'>{requireAck ? '已知悉' : '已读'}</Tag>;
}

/** Per person: not yet read first (the people to chase), filterable. */
export default function PeopleList({ people, requireAck }: { people: Person[]; requireAck: boolean }) {
  const [filter, setFilter] = useState<Filter>('unread');
  const shown = people.filter((p) => (filter === 'unread' ? !p.readAt : filter === 'unacked' ? !!p.readAt && !p.ackAt : true));
  const chip = (key: Filter, label: string) => (
    <View className={filter === key ? 'ns__chip ns__chip--on' : 'ns__chip'} onClick={() => setFilter(key)}>
      {label}
    </View>
  );
  return (
    <View>
      <View className='ns__chips'>
        {chip('unread', `未读 ${people.filter((p) => !p.readAt).length}`)}
        {requireAck && chip('unacked', `已读未确认 ${people.filter((p) => p.readAt && !p.ackAt).length}`)}
        {chip('all', `全部 ${people.length}`)}
      </View>
      {shown.length === 0 ? (
        <Empty description={filter === 'unread' ? '所有人都已阅读。' : '这里没有人。'} />
      ) : (
        shown.map((p) => (
          <View key={p.userId} className='ns__person'>
            <View>
              <View className='ns__person-name'>{p.name}</View>
              <View className='ns__person-sub'>
                {ROLE_LABELS[p.role]}
                {p.regionName ? ` · ${p.regionName}` : ''}
              </View>
            </View>
            <Status p={p} requireAck={requireAck} />
          </View>
        ))
      )}
    </View>
  );
}
