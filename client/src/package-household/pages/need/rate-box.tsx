import { tell } from '@/services/tell';
import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import type { NeedView } from '@bangfu/types';
import { Button } from '@/components/ui';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { conflictingNeed } from '@/services/needs';

const WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

/** 确认并评价: five big stars; rating a resolved need also confirms it (one tap for an elderly user). */
export default function RateBox({ need, onChanged }: { need: NeedView; onChanged: (n: NeedView) => void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState('');

  const submit = async () => {
    if (!stars) return setAlert('请点星星打分，1 到 5 星');
    setBusy(true);
    setAlert('');
    try {
      const updated = await api.needs.rate({ needId: need._id, rating: stars, version: need.version, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      void tell('谢谢您的评价');
      onChanged(updated);
    } catch (e) {
      setAlert(messageOf(e));
      const current = conflictingNeed(e);
      if (current) onChanged(current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='rate'>
      <View className='rate__title'>{need.status === 'resolved' ? '问题解决了吗？请确认并打分' : '请为这次帮扶打分'}</View>
      <View className='rate__stars'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={n <= stars ? 'rate__star rate__star--on' : 'rate__star'}
            onClick={() => {
              setStars(n);
              setAlert('');
            }}
          >
            ★
          </View>
        ))}
      </View>
      {stars > 0 && <View className='rate__word'>{WORDS[stars]}</View>}
      <Textarea className='need-note' value={comment} maxlength={500} placeholder='想说的话（可不填）' onInput={(e) => setComment(e.detail.value)} />
      {alert && <View className='need-alert'>{alert}</View>}
      <View className='need-actions'>
        <Button type='primary' size='large' block round loading={busy} onClick={() => void submit()}>
          {need.status === 'resolved' ? '确认解决并评价' : '提交评价'}
        </Button>
      </View>
    </View>
  );
}
