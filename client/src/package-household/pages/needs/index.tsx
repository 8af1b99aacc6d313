import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Empty, Loaded, Page } from '@/components/ui';
import NeedCard from '@/components/needs/need-card';
import { useNow } from '@/components/needs/use-now';
import { useRequest } from '@/hooks/use-request';
import { useOfflineQueue } from '@/hooks/use-offline-queue';
import { useReloadOnShow, useReloadWhenSynced } from '@/hooks/use-reload';
import { api } from '@/services/client';
import { failedReports, queuedReports } from '@/services/needs';
import { discard } from '@/services/offline-queue';
import { ROUTES } from '@/services/routes';
import '@/components/needs/needs.scss';
import './index.scss';

/** 我的求助: the household's needs with status, who handles each and the countdown; 我要求助 on top. */
export default function MyNeeds() {
  const list = useRequest(() => api.needs.list({ limit: 50 }));
  const queue = useOfflineQueue();
  const now = useNow();
  useReloadOnShow(list.reload);
  useReloadWhenSynced(queue, list.reload);
  const waiting = queue.pending ? queuedReports() : [];
  const refused = queue.failed ? failedReports() : [];

  return (
    <Page tabBar={{ role: 'household', active: 'needs' }}>
      <View className='my-needs__head'>
        <View className='my-needs__title'>我的求助</View>
        <Button type='danger' size='large' block round onClick={() => void Taro.navigateTo({ url: ROUTES.needReport })}>
          我要求助
        </Button>
      </View>
      {waiting.length > 0 && <View className='my-needs__queued'>有 {waiting.length} 条求助还在手机上，联网后会自动发送</View>}
      {refused.map((item) => (
        <View key={item.id} className='need-alert'>
          「{item.description}」没有发送成功：{item.message}
          <View className='my-needs__actions'>
            <View className='my-needs__discard' onClick={() => void Taro.navigateTo({ url: `${ROUTES.needReport}?fix=${encodeURIComponent(item.id)}` })}>
              修改后重新发送
            </View>
            <View className='my-needs__discard' onClick={() => discard(item.id)}>
              不要了
            </View>
          </View>
        </View>
      ))}
      <Loaded state={list} empty={<Empty description='还没有求助记录。遇到看病、住房、上学、生活等困难，点上方「我要求助」。' />}>
        {(data) =>
          data.items.map((need) => (
            <NeedCard
              key={need._id}
              need={need}
              now={now}
              show='assignee'
              onClick={() => void Taro.navigateTo({ url: `${ROUTES.myNeed}?id=${encodeURIComponent(need._id)}` })}
            />
          ))
        }
      </Loaded>
    </Page>
  );
}
