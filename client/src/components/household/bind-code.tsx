import { Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { shortTime } from '@/utils/dates';
import './household-sections.scss';

type Made = { memberName: string; code: string; expiresAt: string };

/**
 * 生成绑定码 (admins): for a member who cannot bind with the three answers (no phone on record, an
 * elderly member), the admin picks the member and reads the one-time code to them.
 */
export default function BindCode({ householdId, members }: { householdId: string; members: { id: string; name: string }[] }) {
  const [made, setMade] = useState<Made | null>(null);
  const [busy, setBusy] = useState(false);
  const generate = async (index: number) => {
    const member = members[index];
    if (!member || busy) return;
    setBusy(true);
    try {
      const r = await api.auth.createBindCode({ householdId, memberId: member.id });
      setMade({ memberName: member.name, ...r });
      void Taro.showToast({ title: '已生成绑定码', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='hh-bind-code'>
      <Picker mode='selector' range={members.map((m) => m.name)} value={0} onChange={(e) => void generate(Number(e.detail.value))}>
        <View className='hh-pairing__change'>{busy ? '正在生成…' : made ? '为其他成员或重新生成绑定码' : '＋ 生成绑定码'}</View>
      </Picker>
      {made && (
        <View className='hh-bind-code__box'>
          <View className='hh-section__detail'>{made.memberName} 的绑定码</View>
          <View className='hh-bind-code__code'>{`${made.code.slice(0, 3)} ${made.code.slice(3, 6)} ${made.code.slice(6)}`}</View>
          <View className='hh-bind-code__expiry'>{shortTime(made.expiresAt)} 前有效，只能使用一次；重新生成后旧码作废</View>
          <View className='hh-bind-code__hint'>
            请当面或打电话把绑定码告诉{made.memberName}本人：在微信里打开帮扶通，进入「绑定家庭」页，点「用绑定码绑定」并输入。请勿发到微信群。
          </View>
        </View>
      )}
    </View>
  );
}
