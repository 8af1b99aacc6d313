import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Policy } from '@bangfu/types';
import { Button, Empty, Field, Loaded, Page } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { currentUser, knownUser } from '@/services/auth';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { chinaToday } from '@/utils/dates';
import PolicyCard from './policy-card';
import './index.scss';

/**
 * 政策目录: every policy with its dated parameters. Only county admins set new values (the server
 * refuses others), so town and village admins see the parameters read-only, never a form to fill in.
 */
export default function Policies() {
  const policies = useRequest(() => api.benefits.listPolicies());
  const [saved, setSaved] = useState<Record<string, Policy>>({});
  const [on, setOn] = useState('');
  const [user, setUser] = useState(currentUser);
  useEffect(() => {
    if (!user) void knownUser().then(setUser, () => undefined);
  }, [user]);
  const canEdit = user ? user.scope?.level === 'county' : undefined;
  const today = chinaToday();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : today;
  return (
    <Page wide tabBar={{ role: 'admin', active: 'policies' }}>
      <View className='pol__top'>
        <View className='pol__title'>政策目录</View>
        <View className='pol__links'>
          <Button size='small' type='danger' plain round onClick={() => void navigate('benefitGaps')}>
            应享未享排查
          </Button>
          <Button size='small' round onClick={() => void navigate('benefitRecords')}>
            兑现记录与导入
          </Button>
        </View>
      </View>
      <View className='pol__on'>
        <Field label='查看某日执行的标准' name='on' value={on} placeholder={`不填即今天 ${today}`} maxlength={10} onChange={setOn} />
      </View>
      <Loaded state={policies} loadingText='正在读取政策目录…' empty={<Empty description='政策目录为空，请联系系统管理员初始化政策目录' />}>
        {({ items }) =>
          items.map((stored) => {
            const p = saved[stored.code] ?? stored;
            return <PolicyCard key={p.code} policy={p} on={day} today={today} canEdit={canEdit} onSaved={(np) => setSaved((s) => ({ ...s, [np.code]: np }))} />;
          })
        }
      </Loaded>
    </Page>
  );
}
