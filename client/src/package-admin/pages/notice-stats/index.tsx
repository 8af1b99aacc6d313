import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Button, Card, Loaded, Page } from '@/components/ui';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { navigate } from '@/services/routes';
import GroupList from './group-list';
import PeopleList from './people-list';
import './index.scss';

function Num({ label, value, tone }: { label: string; value: number; tone?: 'success' | 'warning' }) {
  return (
    <View className='ns__num'>
      <View className={tone ? `ns__num-value ns__num-value--${tone}` : 'ns__num-value'}>{value}</View>
      <View className='ns__num-label'>{label}</View>
    </View>
  );
}

async function confirm(content: string): Promise<boolean> {
  const { confirm: ok } = await Taro.showModal({ title: '请确认', content });
  return ok;
}

/** 阅读情况: audience, read, acknowledged; per WeChat group and per person; one-tap reminder; revoke. */
export default function NoticeStats() {
  const id = useRouter().params.id ?? '';
  const notice = useRequest(() => api.notices.get({ noticeId: id }), [id]);
  const stats = useRequest(() => api.notices.stats({ noticeId: id }), [id]);
  const [busy, setBusy] = useState(false);
  // Back from sharing or the outbox: reads may have come in meanwhile.
  useReloadOnShow(stats.reload);

  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    try {
      void Taro.showToast({ title: await run(), icon: 'none', duration: 2500 });
      await Promise.all([notice.reload(), stats.reload()]);
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  const sendReminder = () =>
    act(async () => {
      const r = await api.notices.remind({ noticeId: id });
      return `已提醒：${r.recorded} 人发送消息，${r.skipped} 人未订阅`;
    });
  const revoke = async () => {
    if (await confirm('撤回后，收到的人会看到“已撤回”，内容仍可查阅。确定撤回吗？'))
      await act(async () => (await api.notices.revoke({ noticeId: id }), '通知已撤回'));
  };

  return (
    <Page wide>
      <Loaded state={notice}>
        {(n) => (
          <Loaded state={stats}>
            {(s) => (
              <>
                <View className='ns__head'>
                  <View className='ns__title'>{n.title}</View>
                  {n.status === 'revoked' && <View className='ns__revoked'>已撤回</View>}
                </View>
                <View className='ns__nums'>
                  <Num label='应读人数' value={s.audience} />
                  <Num label='已读' value={s.read} tone='success' />
                  <Num label='已知悉' value={s.acknowledged} tone='success' />
                  <Num label='未读' value={s.unread.length} tone={s.unread.length ? 'warning' : undefined} />
                </View>
                <View className='ns__actions'>
                  {n.status === 'published' && s.unread.length > 0 && (
                    <Button type='primary' round loading={busy} onClick={() => void sendReminder()}>
                      一键提醒未读的 {s.unread.length} 人
                    </Button>
                  )}
                  <Button round onClick={() => void navigate('noticeDetail', { id })}>
                    查看通知 / 分享
                  </Button>
                  <Button round onClick={() => void navigate('noticeOutbox')}>
                    消息发送记录
                  </Button>
                  {n.status === 'published' && (
                    <Button type='danger' plain round disabled={busy} onClick={() => void revoke()}>
                      撤回
                    </Button>
                  )}
                </View>
                <Card title='按微信群' extra={`链接打开 ${s.linkOpens} 次 · ${s.linkReaders} 人`}>
                  <GroupList groups={s.groups} onLabelled={() => void stats.reload()} />
                </Card>
                <Card title='按人员' extra={`共 ${s.audience} 人`}>
                  <PeopleList people={s.people} requireAck={n.requireAck} />
                </Card>
              </>
            )}
          </Loaded>
        )}
      </Loaded>
    </Page>
  );
}
