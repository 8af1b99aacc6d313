import { View } from '@tarojs/components';
import { useState } from 'react';
import type { NoticeItem } from '@bangfu/types/api/notices';
import { Button, Empty, Loaded, Page } from '@/components/ui';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { knownUser } from '@/services/auth';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import NoticeTags from '../../components/notice-tags';
import { shortTime } from '@/utils/dates';
import './index.scss';

type Box = 'inbox' | 'manage';

function openNotice(n: NoticeItem, box: Box) {
  if (box === 'manage' && n.status === 'draft') return navigate('noticeCompose', { id: n._id });
  if (box === 'manage') return navigate('noticeStats', { id: n._id });
  return navigate('noticeDetail', { id: n._id });
}

function Row({ n, box }: { n: NoticeItem; box: Box }) {
  const unread = box === 'inbox' && !n.read && n.status === 'published';
  return (
    <View className={unread ? 'nl__row nl__row--unread' : 'nl__row'} onClick={() => void openNotice(n, box)}>
      <View className='nl__title-line'>
        {unread && <View className='nl__dot' />}
        <View className={n.status === 'revoked' ? 'nl__title nl__title--revoked' : 'nl__title'}>{n.title}</View>
      </View>
      <View className='nl__meta'>
        <View className='nl__tags'>
          <NoticeTags notice={n} />
        </View>
        <View className='nl__when'>
          {n.authorName ? `${n.authorName} · ` : ''}
          {shortTime(n.publishedAt ?? n.createdAt)}
        </View>
      </View>
    </View>
  );
}

/** 通知: notices addressed to me, pinned and newest first; admins also see the ones they manage. */
export default function NoticeList() {
  const me = useRequest(knownUser);
  const role = me.data?.role;
  const [box, setBox] = useState<Box>('inbox');
  const list = useRequest(() => api.notices.list({ box, offset: 0, limit: 50 }), [box]);
  // Back from a notice: its read state may have changed.
  useReloadOnShow(list.reload);

  return (
    <Page tabBar={role ? { role, active: 'notices' } : null} wide={role === 'admin'}>
      <View className='nl__head'>
        <View className='nl__heading'>通知</View>
        {role === 'admin' && (
          <Button size='small' type='primary' round onClick={() => void navigate('noticeCompose')}>
            写通知
          </Button>
        )}
      </View>
      {role === 'admin' && (
        <View className='nl__boxes'>
          <View className={box === 'inbox' ? 'nl__box nl__box--on' : 'nl__box'} onClick={() => setBox('inbox')}>
            收到的
          </View>
          <View className={box === 'manage' ? 'nl__box nl__box--on' : 'nl__box'} onClick={() => setBox('manage')}>
            辖区发布的
          </View>
          <View className='nl__outbox' onClick={() => void navigate('noticeOutbox')}>
            消息发送记录 ›
          </View>
        </View>
      )}
      <Loaded
        state={list}
        empty={
          <Empty
            description={box === 'manage' ? '辖区还没有发布过通知，点右上角“写通知”开始。' : '暂时没有发给您的通知，有新通知时这里会显示。'}
            actionText='刷新'
            onAction={list.reload}
          />
        }
      >
        {({ items }) => (
          <View className='nl__list'>
            {items.map((n) => (
              <Row key={n._id} n={n} box={box} />
            ))}
          </View>
        )}
      </Loaded>
    </Page>
  );
}
