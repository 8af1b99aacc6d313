import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { FEEDBACK_STATUS_LABELS, type FeedbackStatus, type FeedbackView } from '@bangfu/types';
import { Button, Card, Empty, Loaded, Page } from '@/components/ui';
import FeedbackItem from '@/components/feedback/feedback-item';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { fieldErrorsOf, isApiCallError, messageOf } from '@/services/errors';
import '@/components/feedback/feedback.scss';
import './index.scss';

const PAGE = 50;
const FILTERS: Array<FeedbackStatus | 'all'> = ['open', 'answered', 'all'];

/** 意见建议 (county office): open ones first, each with its answer form; answered ones can be answered again. */
export default function AdminFeedbackPage() {
  const [status, setStatus] = useState<FeedbackStatus | 'all'>('open');
  const list = useRequest(() => api.feedback.list({ limit: PAGE, ...(status === 'all' ? {} : { status }) }), [status]);
  return (
    <Page wide>
      <View className='fb-admin__filters'>
        {FILTERS.map((f) => (
          <View key={f} className={status === f ? 'fb-form__chip fb-form__chip--on' : 'fb-form__chip'} onClick={() => setStatus(f)}>
            {f === 'all' ? '全部' : FEEDBACK_STATUS_LABELS[f]}
          </View>
        ))}
      </View>
      <Loaded state={list} empty={<Empty description={status === 'open' ? '没有待答复的意见建议' : '暂无意见建议'} />}>
        {(d) => (
          <>
            <View className='fb-admin__count'>
              共 {d.total} 条{d.total > d.items.length ? `，显示前 ${d.items.length} 条` : ''}
            </View>
            {d.items.map((f) => (
              <AnswerCard key={`${f._id}-${f.version}`} item={f} onAnswered={() => void list.reload()} />
            ))}
          </>
        )}
      </Loaded>
    </Page>
  );
}

/** One item and its answer form; a stale version shows what the other admin answered instead of overwriting it. */
function AnswerCard({ item: initial, onAnswered }: { item: FeedbackView; onAnswered: () => void }) {
  const [item, setItem] = useState(initial);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const [open, setOpen] = useState(item.status === 'open');
  const send = async () => {
    if (!text.trim()) return setError('请填写答复内容');
    setSending(true);
    setError('');
    try {
      setItem(await api.feedback.answer({ feedbackId: item._id, version: item.version, text }));
      setText('');
      setOpen(false);
      void Taro.showToast({ title: '已答复，提交人可以看到', icon: 'success' });
      onAnswered();
    } catch (e) {
      const latest = isApiCallError(e) && e.code === 'CONFLICT' ? (e.details as { feedback?: FeedbackView } | undefined)?.feedback : undefined;
      if (latest) setItem(latest);
      setError(fieldErrorsOf(e).text ?? messageOf(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Card>
      <FeedbackItem item={item} showWriter />
      {open ? (
        <View className='fb-form__answer'>
          <Textarea
            className='fb-form__text fb-admin__text'
            value={text}
            maxlength={1000}
            placeholder='写给提交人的答复：怎么处理、谁来办、什么时候办好'
            onInput={(e) => {
              setText(e.detail.value);
              setError('');
            }}
          />
          {error && <View className='fb-form__error'>{error}</View>}
          <View className='fb-admin__actions'>
            <Button type='primary' round loading={sending} onClick={() => void send()}>
              {item.answer ? '更新答复' : '答复'}
            </Button>
          </View>
        </View>
      ) : (
        <View className='fb-admin__actions'>
          <Button plain round onClick={() => setOpen(true)}>
            补充答复
          </Button>
        </View>
      )}
    </Card>
  );
}
