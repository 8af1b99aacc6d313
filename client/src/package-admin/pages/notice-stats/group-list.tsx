import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { NoticeStats } from '@bangfu/types/api/notices';
import { Button, Field } from '@/components/ui';
import { messageOf } from '@/services/errors';
import { api } from '@/services/client';

type Group = NoticeStats['groups'][number];

/** WeChat gives only a group id: the admin names it once ("青禾镇帮扶群") and every notice's stats use the name. */
function GroupRow({ g, onLabelled }: { g: Group; onLabelled: () => void }) {
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(g.label);
  const save = async () => {
    try {
      await api.notices.labelGroup({ groupId: g.groupId, label });
      void Taro.showToast({ title: '群名称已保存', icon: 'success' });
      setEditing(false);
      onLabelled();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };
  return (
    <View className='ns__group'>
      <View className='ns__group-line'>
        <View className='ns__group-name'>{g.label || `未命名群（${g.groupId.slice(-6)}）`}</View>
        <View className='ns__group-nums'>
          打开 {g.opens} 次 · {g.readers} 人 · 已知悉 {g.acknowledged}
        </View>
      </View>
      {editing ? (
        <View className='ns__group-edit'>
          <Field label='群名称' value={label} maxlength={30} placeholder='例如：青禾镇帮扶群' onChange={setLabel} />
          <Button size='small' type='primary' round onClick={() => void save()}>
            保存
          </Button>
        </View>
      ) : (
        <View className='ns__group-rename' onClick={() => setEditing(true)}>
          {g.label ? '改名' : '命名这个群'}
        </View>
      )}
    </View>
  );
}

export default function GroupList({ groups, onLabelled }: { groups: Group[]; onLabelled: () => void }) {
  if (!groups.length) return <View className='ns__empty'>还没有人从微信群打开。在小程序中点“分享到群”，群成员打开后会按群统计。</View>;
  return (
    <View>
      {groups.map((g) => (
        <GroupRow key={g.groupId} g={g} onLabelled={onLabelled} />
      ))}
    </View>
  );
}
