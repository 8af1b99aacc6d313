import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { plainText } from '@bangfu/types/notice-body';
import { Button, Card } from '@/components/ui';
import { urlOf } from '@/services/routes';
import type { NoticeItem } from '@bangfu/types/api/notices';
import './index.scss';

/** Desktop admins paste a link or show a QR code in a WeChat group; opens through it are counted as link opens. */
export default function SharePanel({ notice }: { notice: NoticeItem }) {
  const link = `${window.location.origin}${urlOf('noticeDetail', { id: notice._id, from: 'link' })}`;
  const [qr, setQr] = useState('');
  useEffect(() => {
    QRCode.toDataURL(link, { margin: 1, width: 240 })
      .then(setQr)
      .catch(() => setQr(''));
  }, [link]);
  if (!notice.manageable) return null;
  const copy = (text: string, what: string) =>
    Taro.setClipboardData({ data: text })
      .then(() => Taro.showToast({ title: `${what}已复制`, icon: 'success' }))
      .catch(() => Taro.showToast({ title: '复制失败，请手动选择文字复制', icon: 'none' }));
  return (
    <Card title='分享到微信群'>
      <View className='share__row'>
        {qr && <Image className='share__qr' src={qr} mode='aspectFit' />}
        <View className='share__side'>
          <View className='share__link'>{link}</View>
          <View className='share__actions'>
            <Button size='small' type='primary' round onClick={() => void copy(link, '链接')}>
              复制链接
            </Button>
            <Button size='small' round onClick={() => void copy(`【${notice.title}】\n${plainText(notice.body)}\n\n查看并确认：${link}`, '通知全文')}>
              复制纯文字版
            </Button>
          </View>
          <View className='share__hint'>粘贴链接或让群成员扫码打开，都会计入“链接打开”统计</View>
        </View>
      </View>
    </Card>
  );
}
