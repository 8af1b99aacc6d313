import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { NoticeItem } from '@bangfu/types/api/notices';
import { Button, Card, Loaded, Page } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { messageOf } from '@/services/errors';
import { askSubscription, prepareSubscription, recordOpen } from '@/services/notice-open';
import { markRead } from '@/services/notices';
import { tell } from '@/services/tell';
import { navigate } from '@/services/routes';
import NoticeBody from '../../components/notice-body';
import NoticeTags from '../../components/notice-tags';
import SharePanel from '../../components/share-panel';
import { shortTime } from '@/utils/dates';
import './index.scss';

/** Opens the notice (which marks it read, counting a group or link open) and keeps its latest state. */
function useNotice(id: string, query: Record<string, string | undefined>) {
  useEffect(() => prepareSubscription(), [id]);
  return useRequest(() => recordOpen(id, query), [id]);
}

function AckBar({ notice, onDone }: { notice: NoticeItem; onDone: (n: NoticeItem) => void }) {
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState('');
  if (!notice.requireAck || notice.manageable) return null;
  if (notice.acknowledged) return <View className='nd__acked'>您已确认“已知悉”</View>;
  if (notice.status !== 'published') return null;
  const ack = async () => {
    // First the subscription prompt: WeChat allows it only directly inside the tap.
    const asking = askSubscription();
    setBusy(true);
    setAlert('');
    try {
      onDone(await markRead(notice._id, { ack: true }));
      void tell('已确认知悉');
    } catch (e) {
      // Said under the button, not in a toast: 长辈版 has no pop-ups and the reason must stay readable.
      setAlert(`没有确认成功：${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
    await asking;
  };
  return (
    <View className='nd__ack'>
      <Button type='primary' size='large' block round loading={busy} onClick={() => void ack()}>
        已知悉
      </Button>
      {alert && (
        <View className='nd__alert' role='alert'>
          {alert}
        </View>
      )}
    </View>
  );
}

/** 通知详情: the notice rendered safely, 已知悉 in one tap, sharing, and (admins) the way to its read stats. */
export default function NoticeDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const notice = useNotice(id, params);
  return (
    <Page wide={notice.data?.manageable}>
      <Loaded state={notice}>{(n) => <NoticeView notice={n} onChanged={notice.setData} />}</Loaded>
    </Page>
  );
}

function NoticeView({ notice, onChanged }: { notice: NoticeItem; onChanged: (n: NoticeItem) => void }) {
  return (
    <>
      {notice.status === 'revoked' && <View className='nd__revoked'>此通知已于 {shortTime(notice.revokedAt)} 撤回，内容仅供查阅</View>}
      <Card>
        <View className='nd__title'>{notice.title}</View>
        <View className='nd__meta'>
          <View className='nd__tags'>
            <NoticeTags notice={notice} />
          </View>
          <View>
            {notice.authorName} · {shortTime(notice.publishedAt ?? notice.createdAt)}
          </View>
        </View>
        <NoticeBody body={notice.body} />
      </Card>
      {notice.link && (
        <View className='nd__admin'>
          <Button type='primary' block round onClick={() => void Taro.navigateTo({ url: notice.link!.page })}>
            {notice.link.label}
          </Button>
        </View>
      )}
      <AckBar notice={notice} onDone={onChanged} />
      {notice.status === 'published' && <SharePanel notice={notice} />}
      {notice.manageable && (
        <View className='nd__admin'>
          <Button block round onClick={() => void navigate('noticeStats', { id: notice._id })}>
            查看阅读情况
          </Button>
        </View>
      )}
    </>
  );
}
