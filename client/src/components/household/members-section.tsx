import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { HEALTH_LABELS, LABOR_CAPACITY_LABELS, RELATION_LABELS, SCHOOLING_LABELS, type HouseholdView, type MemberView } from '@bangfu/types';
import { Tag } from '@/components/ui';
import { messageOf } from '@/services/errors';
import { api } from '@/services/client';
import './household-sections.scss';

/** 家庭成员: age, relation and tags; ID numbers and phones masked, an admin may reveal one (audit-logged). */
export default function MembersSection({ household, isAdmin }: { household: HouseholdView; isAdmin: boolean }) {
  return (
    <View className='hh-section'>
      <View className='hh-section__title'>家庭成员（{household.members.length} 人）</View>
      {household.members.map((m) => (
        <MemberRow key={m.id} householdId={household._id} member={m} canReveal={isAdmin} />
      ))}
    </View>
  );
}

function MemberRow({ householdId, member: m, canReveal }: { householdId: string; member: MemberView; canReveal: boolean }) {
  const [shown, setShown] = useState<{ idNumber?: string; phone?: string }>({});
  const reveal = async (field: 'idNumber' | 'phone') => {
    try {
      const { value } = await api.households.reveal({ householdId, memberId: m.id, field });
      setShown((s) => ({ ...s, [field]: value }));
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };
  return (
    <View className='hh-section__item hh-member'>
      <View className='hh-section__line'>
        <View className='hh-section__name'>
          {m.name}
          <View className='hh-member__sub'>
            {RELATION_LABELS[m.relation]} · {m.sex === 'male' ? '男' : '女'} · {m.age} 岁
          </View>
        </View>
      </View>
      <View className='hh-header__tags'>
        <Tag
          {...(m.health === 'chronic' && !m.chronicApproved
            ? { status: 'due' as const }
            : { type: m.health === 'healthy' ? ('default' as const) : ('primary' as const) })}
          plain
        >
          {HEALTH_LABELS[m.health]}
          {m.health === 'chronic' ? (m.chronicApproved ? '（已认定）' : '（未认定）') : ''}
        </Tag>
        {m.disabilityLevel > 0 && (
          <Tag type='primary' plain>
            残疾 {m.disabilityLevel} 级
          </Tag>
        )}
        {m.schooling !== 'none' && (
          <Tag type='primary' plain>
            {SCHOOLING_LABELS[m.schooling]}
          </Tag>
        )}
        <Tag plain>{LABOR_CAPACITY_LABELS[m.laborCapacity]}</Tag>
        {m.employed && (
          <Tag type='primary' plain>
            务工就业
          </Tag>
        )}
      </View>
      <Sensitive
        label='身份证'
        value={shown.idNumber ?? m.idNumber}
        revealed={!!shown.idNumber}
        canReveal={canReveal}
        onReveal={() => void reveal('idNumber')}
      />
      {m.phone && (
        <Sensitive label='手机' value={shown.phone ?? m.phone} revealed={!!shown.phone} canReveal={canReveal} onReveal={() => void reveal('phone')} />
      )}
    </View>
  );
}

function Sensitive({
  label,
  value,
  revealed,
  canReveal,
  onReveal,
}: {
  label: string;
  value: string;
  revealed: boolean;
  canReveal: boolean;
  onReveal: () => void;
}) {
  return (
    <View className='hh-member__secret'>
      <View className='hh-section__detail'>
        {label}：<View className='hh-member__value'>{value}</View>
      </View>
      {canReveal && !revealed && (
        <View className='hh-member__reveal' onClick={onReveal}>
          显示
        </View>
      )}
    </View>
  );
}
