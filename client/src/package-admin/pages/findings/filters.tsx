import { View } from '@tarojs/components';
import {
  FINDING_BUCKET_LABELS, FINDING_CATEGORY_LABELS, FINDING_SOURCE_LABELS, FINDING_STATUS_LABELS, FindingBucket, FindingCategory, FindingSource, FindingStatus,
  type ListFindingsInput,
} from '@bangfu/types';

/** The filters this bar sets on `findings.list` (and on the exported ledger). */
export type FindingFilters = Omit<ListFindingsInput, 'limit' | 'offset' | 'householdId' | 'responsibleUnit'>;

function Chips<T extends string>({ label, options, labels, value, onChange, danger }: {
  label: string; options: readonly T[]; labels: Record<T, string>; value?: T; onChange: (v?: T) => void; danger?: T;
}) {
  const cls = (on: boolean, o?: T) => (on ? `filters__chip ${o && o === danger ? 'filters__chip--danger' : 'filters__chip--on'}` : 'filters__chip');
  return (
    <View className='filters__row'>
      <View className='filters__label'>{label}</View>
      <View className={cls(!value)} onClick={() => onChange(undefined)}>全部</View>
      {options.map((o) => <View key={o} className={cls(value === o, o)} onClick={() => onChange(o)}>{labels[o]}</View>)}
    </View>
  );
}

/** 筛选: deadline bucket, status, source, category, and the town for a county admin. */
export default function Filters({ value, towns, onChange }: { value: FindingFilters; towns: Array<{ id: string; name: string }>; onChange: (f: FindingFilters) => void }) {
  const townLabels = Object.fromEntries(towns.map((t) => [t.id, t.name]));
  return (
    <View className='filters'>
      <Chips label='期限' options={FindingBucket.options} labels={FINDING_BUCKET_LABELS} danger='overdue' value={value.bucket} onChange={(bucket) => onChange({ ...value, bucket })} />
      <Chips label='状态' options={FindingStatus.options} labels={FINDING_STATUS_LABELS} value={value.status} onChange={(status) => onChange({ ...value, status })} />
      <Chips label='来源' options={FindingSource.options} labels={FINDING_SOURCE_LABELS} value={value.source} onChange={(source) => onChange({ ...value, source })} />
      <Chips label='类别' options={FindingCategory.options} labels={FINDING_CATEGORY_LABELS} value={value.category} onChange={(category) => onChange({ ...value, category })} />
      {towns.length > 1 && <Chips label='乡镇' options={towns.map((t) => t.id)} labels={townLabels} value={value.townId} onChange={(townId) => onChange({ ...value, townId })} />}
    </View>
  );
}
