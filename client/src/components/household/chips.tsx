import { View } from '@tarojs/components';
import './chips.scss';

export interface ChipsProps<T extends string> {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value?: T;
  onChange: (value?: T) => void;
  /** The "no choice" chip of a filter; false in forms, where a value is required. */
  all?: string | false;
}

/** One filter row of choices ("全部" first): a tap beats a dropdown on a phone and on a desk. */
export default function Chips<T extends string>({ label, options, labels, value, onChange, all = '全部' }: ChipsProps<T>) {
  return (
    <View className='bf-chips'>
      <View className='bf-chips__label'>{label}</View>
      {all !== false && (
        <View className={!value ? 'bf-chips__chip bf-chips__chip--on' : 'bf-chips__chip'} onClick={() => onChange(undefined)}>
          {all}
        </View>
      )}
      {options.map((o) => (
        <View key={o} className={value === o ? 'bf-chips__chip bf-chips__chip--on' : 'bf-chips__chip'} onClick={() => onChange(o)}>
          {labels[o]}
        </View>
      ))}
    </View>
  );
}
