import { Button, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useEffect } from 'react';
import { urlOf } from '@/services/routes';
import type { NoticeItem } from '@bangfu/types/api/notices';
import './index.scss';

/** withShareTicket: a card opened from the group then carries a ticket (scene 1044) that names the group. */
export default function SharePanel({ notice }: { notice: NoticeItem }) {
  useEffect(() => {
    void Taro.showShareMenu({ withShareTicket: true, showShareItems: ['shareAppMessage'] }).catch(() => undefined);
  }, []);
  useShareAppMessage(() => ({ title: notice.title, path: urlOf('noticeDetail', { id: notice._id }) }));
  return (
    <View className='share'>
      <Button className='share__btn' openType='share'>
        分享到群
      </Button>
      <View className='share__hint'>分享到微信群后，群成员从群里打开即计入该群的阅读统计</View>
    </View>
  );
}
