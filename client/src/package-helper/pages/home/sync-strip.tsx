import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/ui';
import { useOfflineQueue } from '@/hooks/use-offline-queue';
import { discard, failedItems, flush, type QueueItem } from '@/services/offline-queue';
import { ROUTES } from '@/services/routes';

/** A refused visit opens in its form again (修改); other refused writes can only be dropped. */
function fixUrl(item: QueueItem): string | null {
  const householdId = item.payload.householdId;
  if (item.fn !== 'visits' || item.action !== 'record' || typeof householdId !== 'string') return null;
  return `${ROUTES.recordVisit}?householdId=${encodeURIComponent(householdId)}&fix=${encodeURIComponent(item.id)}`;
}

/** 待同步 N 条: visits saved on this phone and not yet on the server; refused ones are shown with why. */
export default function SyncStrip() {
  const q = useOfflineQueue();
  if (!q.pending && !q.failed) return null;
  return (
    <View className='sync-strip'>
      {q.pending > 0 && (
        <View className='sync-strip__row sync-strip__row--pending'>
          <View>{q.flushing ? `正在同步… 待同步 ${q.pending} 条` : `待同步 ${q.pending} 条（联网后自动发送）`}</View>
          <Button size='small' plain type='warning' onClick={() => void flush()}>
            立即同步
          </Button>
        </View>
      )}
      {failedItems().map((item) => {
        const url = fixUrl(item);
        return (
          <View key={item.id} className='sync-strip__row sync-strip__row--failed'>
            <View>提交未成功：{item.error?.message ?? '服务拒绝了这条记录'}</View>
            <View className='sync-strip__actions'>
              {url && (
                <Button size='small' plain type='primary' onClick={() => void Taro.navigateTo({ url })}>
                  修改
                </Button>
              )}
              <Button size='small' plain type='danger' onClick={() => discard(item.id)}>
                放弃
              </Button>
            </View>
          </View>
        );
      })}
    </View>
  );
}
