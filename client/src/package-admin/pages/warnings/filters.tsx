import { View } from '@tarojs/components';
import { WARNING_STAGE_LABELS, WarningStage, type ListWarningsInput } from '@bangfu/types';

export type WarningFilters = Pick<ListWarningsInput, 'stage' | 'overdue' | 'townId' | 'open'>;

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

/** 筛选: stage, overdue only, in progress or all, and the town for a county admin. */
export default function Filters({
  value,
  towns,
  onChange,
}: {
  value: WarningFilters;
  towns: Array<{ id: string; name: string }>;
  onChange: (f: WarningFilters) => void;
}) {
  const townLabels = Object.fromEntries(towns.map((t) => [t.id, t.name]));
  return (
    <View className='filters'>
      <Chips
        label='环节'
        options={WarningStage.options}
        labels={WARNING_STAGE_LABELS}
        value={value.stage}
        onChange={(stage) => onChange({ ...value, stage, open: stage ? undefined : value.open })}
      />
      <View className='filters__row'>
        <View className='filters__label'>范围</View>
        <View className={value.open ? 'filters__chip filters__chip--on' : 'filters__chip'} onClick={() => onChange({ ...value, open: true, stage: undefined })}>
          在办
        </View>
        <View className={!value.open ? 'filters__chip filters__chip--on' : 'filters__chip'} onClick={() => onChange({ ...value, open: undefined })}>
          全部（含已办结）
        </View>
        <View
          className={value.overdue ? 'filters__chip filters__chip--danger' : 'filters__chip'}
          onClick={() => onChange({ ...value, overdue: value.overdue ? undefined : true })}
        >
          只看逾期
        </View>
      </View>
      {towns.length > 1 && (
        <Chips label='乡镇' options={towns.map((t) => t.id)} labels={townLabels} value={value.townId} onChange={(townId) => onChange({ ...value, townId })} />
      )}
    </View>
  );
}
