import { View } from '@tarojs/components';

export interface BigChoiceProps<T extends string | number | boolean> {
  label: string;
  hint?: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}

/** One question, answered by tapping a large choice (长辈版: ≥ 60 px targets, the chosen one marked ✓, not by colour alone). */
export default function BigChoice<T extends string | number | boolean>({ label, hint, value, options, onChange }: BigChoiceProps<T>) {
  return (
    <View className='sc-q'>
      <View className='sc-q__label'>{label}</View>
      {hint && <View className='sc-q__hint'>{hint}</View>}
      <View className='sc-q__options' role='radiogroup' aria-label={label}>
        {options.map(([v, text]) => (
          <View key={String(v)} role='radio' aria-checked={v === value} className={v === value ? 'sc-chip sc-chip--on' : 'sc-chip'} onClick={() => onChange(v)}>
            {v === value ? `✓ ${text}` : text}
          </View>
        ))}
      </View>
    </View>
  );
}
