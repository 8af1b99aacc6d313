import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { HELPER_KIND_LABELS, PAIRING_ROLE_LABELS, type PairingRole } from '@bangfu/types';
import { Empty, Loaded, Tag } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { chineseDate } from '@/utils/dates';
import './household-sections.scss';

const ROLES: PairingRole[] = ['primary', 'health', 'education'];

/** 结对帮扶人: who helps this household and how to call them; admins change or add a helper per role. */
export default function PairingsSection({ householdId, isAdmin }: { householdId: string; isAdmin: boolean }) {
  const list = useRequest(() => api.assignments.listByHousehold({ householdId, history: isAdmin }), [householdId, isAdmin]);
  const items = list.data?.items;
  const current = items?.filter((p) => p.active) ?? [];
  const past = items?.filter((p) => !p.active) ?? [];
  const change = (role: PairingRole) => void navigate('adminAssign', { householdId, role });
  return (
    <View className='hh-section'>
      <View className='hh-section__title'>结对帮扶人</View>
      <Loaded state={list} empty={<Empty description='还没有结对的帮扶人，请联系扶贫办安排' />} isEmpty={() => current.length === 0}>
        {() =>
          current.map((p) => (
            <View key={p._id} className='hh-section__item'>
              <View className='hh-section__line'>
                <Tag type='primary' plain>
                  {PAIRING_ROLE_LABELS[p.role]}
                </Tag>
                <View className='hh-section__name'>{p.helperName}</View>
                {p.phone && (
                  <View className='hh-pairing__call' onClick={() => void Taro.makePhoneCall({ phoneNumber: p.phone! })}>
                    打电话
                  </View>
                )}
                {isAdmin && (
                  <View className='hh-pairing__change' onClick={() => change(p.role)}>
                    更换
                  </View>
                )}
              </View>
              <View className='hh-section__detail'>
                {[p.helperKind && HELPER_KIND_LABELS[p.helperKind], p.unit, `${chineseDate(p.since)}起`].filter(Boolean).join(' · ')}
              </View>
            </View>
          ))
        }
      </Loaded>
      {isAdmin && items && (
        <View className='hh-header__actions'>
          {ROLES.filter((r) => !current.some((p) => p.role === r)).map((r) => (
            <View key={r} className='hh-pairing__change' onClick={() => change(r)}>
              ＋ 安排{PAIRING_ROLE_LABELS[r]}
            </View>
          ))}
        </View>
      )}
      {past.length > 0 && (
        <View className='hh-header__history'>
          <View className='hh-section__when'>以往结对</View>
          {past.map((p) => (
            <View key={p._id} className='hh-section__detail'>
              {PAIRING_ROLE_LABELS[p.role]} {p.helperName}：{chineseDate(p.since)} 至 {p.until ? chineseDate(p.until) : ''}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
