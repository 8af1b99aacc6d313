import { View } from '@tarojs/components';
import './index.scss';

export interface ChoiceProps<T extends string | number | boolean> {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}

/** A row of tap-to-choose chips: no typing where a choice will do (UX.md). */
export default function Choice<T extends string | number | boolean>({ label, value, options, onChange }: ChoiceProps<T>) {
  return (
    <View className='calc-choice'>
      <View className='calc-choice__label'>{label}</View>
      <View className='calc-choice__options'>
        {options.map(([v, text]) => (
          <View key={String(v)} className={v === value ? 'calc-chip calc-chip--on' : 'calc-chip'} onClick={() => onChange(v)}>
            {text}
          </View>
        ))}
      </View>
    </View>
  );
}

export const YES_NO = [
  [true, '是'],
  [false, '否'],
] as const;
