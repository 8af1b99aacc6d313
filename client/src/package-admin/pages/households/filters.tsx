import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { HOUSEHOLD_STATUS_LABELS, HouseholdStatus, POVERTY_CAUSE_LABELS, PovertyCause } from '@bangfu/types';
import { MEMBER_TRAIT_LABELS, MemberTrait, type HouseholdFilters, type VillageOption } from '@bangfu/types/api/households';
import Chips from '@/components/household/chips';
import { Select } from '@/components/ui';

/** 筛选: search, status, member traits, village and poverty cause. Search runs on confirm, not on every key. */
export default function Filters({
  value,
  villages,
  onChange,
}: {
  value: HouseholdFilters;
  villages: VillageOption[];
  onChange: (f: HouseholdFilters) => void;
}) {
  const [q, setQ] = useState(value.q ?? '');
  const villageIndex = villages.findIndex((v) => v._id === value.villageId);
  const causes = PovertyCause.options;
  return (
    <View className='hh-filters'>
      <View className='hh-filters__search'>
        <Input
          className='hh-filters__input'
          name='q'
          value={q}
          placeholder='搜索户主、成员姓名或户编号'
          confirmType='search'
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => onChange({ ...value, q: q.trim() || undefined })}
        />
        <View className='hh-filters__go' onClick={() => onChange({ ...value, q: q.trim() || undefined })}>
          搜索
        </View>
      </View>
      <Chips
        label='户类型'
        options={HouseholdStatus.options}
        labels={HOUSEHOLD_STATUS_LABELS}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
      />
      <Chips label='成员' options={MemberTrait.options} labels={MEMBER_TRAIT_LABELS} value={value.trait} onChange={(trait) => onChange({ ...value, trait })} />
      <View className='bf-chips'>
        <View className='bf-chips__label'>只看</View>
        <View
          className={value.hasGaps ? 'bf-chips__chip hh-filters__gap--on' : 'bf-chips__chip'}
          onClick={() => onChange({ ...value, hasGaps: value.hasGaps ? undefined : true })}
        >
          有应享未享
        </View>
      </View>
      <View className='hh-filters__pickers'>
        <Select
          name='villageId'
          className='hh-filters__picker'
          options={['全部村', ...villages.map((v) => `${v.townName} · ${v.name}`)]}
          value={villageIndex + 1}
          onChange={(i) => onChange({ ...value, villageId: villages[i - 1]?._id })}
        />
        <Select
          name='cause'
          className='hh-filters__picker'
          options={['全部致贫原因', ...causes.map((c) => POVERTY_CAUSE_LABELS[c])]}
          value={value.cause ? causes.indexOf(value.cause) + 1 : 0}
          onChange={(i) => onChange({ ...value, cause: causes[i - 1] })}
        />
      </View>
    </View>
  );
}
