import { View } from '@tarojs/components';
import { useState } from 'react';
import {
  FINDING_BUCKET_LABELS,
  FINDING_CATEGORY_LABELS,
  FINDING_SOURCE_LABELS,
  FINDING_STATUS_LABELS,
  FindingBucket,
  FindingCategory,
  FindingSource,
  FindingStatus,
  type ListFindingsInput,
} from '@bangfu/types';

/** The filters this bar sets on `findings.list` (and on the exported ledger). */
export type FindingFilters = Omit<ListFindingsInput, 'limit' | 'offset' | 'householdId' | 'responsibleUnit'>;

function Chips<T extends string>({
  label,
  options,
  labels,
  value,
  onChange,
  danger,
  extra,
}: {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value?: T;
  onChange: (v?: T) => void;
  danger?: T;
  extra?: boolean;
}) {
  const cls = (on: boolean, o?: T) => (on ? `filters__chip ${o && o === danger ? 'filters__chip--danger' : 'filters__chip--on'}` : 'filters__chip');
  return (
    <View className={extra ? 'filters__row filters__row--extra' : 'filters__row'}>
      <View className='filters__label'>{label}</View>
      <View className={cls(!value)} onClick={() => onChange(undefined)}>
        全部
      </View>
      {options.map((o) => (
        <View key={o} className={cls(value === o, o)} onClick={() => onChange(o)}>
          {labels[o]}
        </View>
      ))}
    </View>
  );
}

/**
 * 筛选: deadline bucket, status, source, category, and the town for a county admin. On a phone the
 * last three fold under 更多筛选 so the list is not pushed below the screen.
 */
export default function Filters({
  value,
  towns,
  onChange,
}: {
  value: FindingFilters;
  towns: Array<{ id: string; name: string }>;
  onChange: (f: FindingFilters) => void;
}) {
  const townLabels = Object.fromEntries(towns.map((t) => [t.id, t.name]));
  const [more, setMore] = useState(false);
  const folded = [value.source, value.category, value.townId].filter(Boolean).length;
  return (
    <View className={more ? 'filters filters--open' : 'filters'}>
      <Chips
        label='期限'
        options={FindingBucket.options}
        labels={FINDING_BUCKET_LABELS}
        danger='overdue'
        value={value.bucket}
        onChange={(bucket) => onChange({ ...value, bucket })}
      />
      <Chips
        label='状态'
        options={FindingStatus.options}
        labels={FINDING_STATUS_LABELS}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
      />
      <Chips
        label='来源'
        options={FindingSource.options}
        labels={FINDING_SOURCE_LABELS}
        extra
        value={value.source}
        onChange={(source) => onChange({ ...value, source })}
      />
      <Chips
        label='类别'
        options={FindingCategory.options}
        labels={FINDING_CATEGORY_LABELS}
        extra
        value={value.category}
        onChange={(category) => onChange({ ...value, category })}
      />
      {towns.length > 1 && (
        <Chips
          label='乡镇'
          options={towns.map((t) => t.id)}
          labels={townLabels}
          extra
          value={value.townId}
          onChange={(townId) => onChange({ ...value, townId })}
        />
      )}
      <View className='filters__toggle' onClick={() => setMore(!more)}>
        {more ? '收起筛选' : `更多筛选${folded ? `（已选 ${folded} 项）` : ''}`}
      </View>
    </View>
  );
}
