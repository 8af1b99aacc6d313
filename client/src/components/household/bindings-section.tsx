import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Loaded } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import BindCode from './bind-code';
import { chineseDate } from '@/utils/dates';
import './household-sections.scss';

type Props = { householdId: string; members: { id: string; name: string }[] };

/** 已绑定的微信 (admins): which members' WeChat accounts are bound to this household; unbind one, or make a bind code. */
export default function BindingsSection({ householdId, members }: Props) {
  const list = useRequest(() => api.auth.listBindings({ householdId }), [householdId]);
  const remove = async (userId: string, name: string) => {
    const ok = await Taro.showModal({ title: '解除绑定', content: `解除${name}的微信与该户的绑定？解除后对方需要重新绑定。` });
    if (!ok.confirm) return;
    try {
      await api.auth.unbind({ userId });
      void Taro.showToast({ title: '已解除', icon: 'success' });
      await list.reload();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };
  return (
    <View className='hh-section'>
      <View className='hh-section__title'>已绑定的微信</View>
      <Loaded
        state={list}
        empty={
          <View className='hh-section__detail'>
            还没有家庭成员绑定微信。成员可在「绑定家庭」页用姓名、身份证号后 6 位和手机号自行绑定；对不上时可为其生成绑定码。
          </View>
        }
      >
        {({ items }) =>
          items.map((b) => (
            <View key={b.userId} className='hh-section__item hh-section__line'>
              <View className='hh-section__name'>
                {b.name}
                <View className='hh-member__sub'>{chineseDate(b.createdAt)}绑定</View>
              </View>
              <View className='hh-pairing__change' onClick={() => void remove(b.userId, b.name)}>
                解除绑定
              </View>
            </View>
          ))
        }
      </Loaded>
      <BindCode householdId={householdId} members={members} />
    </View>
  );
}
