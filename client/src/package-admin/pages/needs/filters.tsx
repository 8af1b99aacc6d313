import { View } from '@tarojs/components';
import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS, NeedCategory, NeedStatus } from '@bangfu/types';
import type { ListNeedsInput } from '@bangfu/types/api/needs';

/** The filters this bar sets on `needs.list`. */
export type NeedFilters = Pick<ListNeedsInput, 'status' | 'category' | 'overdue' | 'unrated' | 'escalated'>;

function Chips<T extends string>({
  label,
  options,
  labels,
  value,
  onChange,
}: {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value?: T;
  onChange: (v?: T) => void;
}) {
  return (
    <View className='filters__row'>
      <View className='filters__label'>{label}</View>
      <View className={!value ? 'filters__chip filters__chip--on' : 'filters__chip'} onClick={() => onChange(undefined)}>
        全部
      </View>
      {options.map((o) => (
        <View key={o} className={value === o ? 'filters__chip filters__chip--on' : 'filters__chip'} onClick={() => onChange(o)}>
          {labels[o]}
        </View>
      ))}
    </View>
  );
}

/** 筛选: state, category, only overdue, only those a helper asked coordination for, only unrated resolutions. */
export default function Filters({ value, onChange }: { value: NeedFilters; onChange: (f: NeedFilters) => void }) {
  const toggle = (key: 'overdue' | 'unrated' | 'escalated') => onChange({ ...value, [key]: value[key] ? undefined : true });
  return (
    <View className='filters'>
      <Chips label='状态' options={NeedStatus.options} labels={NEED_STATUS_LABELS} value={value.status} onChange={(status) => onChange({ ...value, status })} />
      <Chips
        label='类别'
        options={NeedCategory.options}
        labels={NEED_CATEGORY_LABELS}
        value={value.category}
        onChange={(category) => onChange({ ...value, category })}
      />
      <View className='filters__row'>
        <View className='filters__label'>只看</View>
        <View className={value.overdue ? 'filters__chip filters__chip--danger' : 'filters__chip'} onClick={() => toggle('overdue')}>
          已超时
        </View>
        <View className={value.escalated ? 'filters__chip filters__chip--danger' : 'filters__chip'} onClick={() => toggle('escalated')}>
          提请协调
        </View>
        <View className={value.unrated ? 'filters__chip filters__chip--on' : 'filters__chip'} onClick={() => toggle('unrated')}>
          办结未评价
        </View>
      </View>
    </View>
  );
}
