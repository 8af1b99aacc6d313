import { View } from '@tarojs/components';
import { PAIRING_ROLE_LABELS } from '@bangfu/types';
import { Card, Loaded } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import CallButton from './call-button';
import './contact-card.scss';

/**
 * 我的帮扶人 on the household's home and 我的: whom to call (the server's householdContact: the
 * primary helper, else the village's 村干部) one tap away, then its other helpers (doctor, teacher).
 */
export default function ContactCard({ householdId }: { householdId: string }) {
  const list = useRequest(() => api.assignments.listByHousehold({ householdId, history: false }), [householdId]);
  return (
    <Card title='我的帮扶人'>
      <Loaded state={list} isEmpty={() => false} placeholder={<View className='hh-contact__note'>正在查询您的帮扶人…</View>}>
        {({ items, contact }) => {
          const others = items.filter((p) => p.active && p.role !== 'primary');
          return (
            <View className='hh-contact'>
              {contact ? (
                <View className='hh-contact__main'>
                  <View className='hh-contact__who'>
                    {contact.kind === 'helper' ? '主帮扶人' : '村干部'}：{contact.name}
                  </View>
                  {contact.kind === 'village_admin' && <View className='hh-contact__note'>您家暂时还没有安排主帮扶人，有事请先找村干部。</View>}
                  <CallButton contact={contact} />
                </View>
              ) : (
                <View className='hh-contact__note'>您家暂时还没有安排帮扶人，有事请联系县扶贫办。</View>
              )}
              {others.map((p) => (
                <View key={p._id} className='hh-contact__other'>
                  <View className='hh-contact__who'>
                    {PAIRING_ROLE_LABELS[p.role]}：{p.helperName}
                  </View>
                  <CallButton contact={{ kind: 'helper', name: p.helperName, phone: p.phone }} plain />
                </View>
              ))}
            </View>
          );
        }}
      </Loaded>
    </Card>
  );
}
