import { View } from '@tarojs/components';
import { thousands } from '@/utils/format';

export interface AmountStepperProps {
  label: string;
  hint?: string;
  value: number;
  onChange: (value: number) => void;
  /** Round amounts offered as one tap (看病花费: 没有, 5 千, 1 万 …). */
  chips?: readonly number[];
}

const STEPS = [-10_000, -1_000, 1_000, 10_000];
const stepText = (s: number) => `${s < 0 ? '减' : '加'} ${Math.abs(s) >= 10_000 ? '1 万' : '1 千'}`;
const chipText = (n: number) => (n === 0 ? '没有' : n >= 10_000 ? `${n / 10_000} 万` : `${n / 1_000} 千`);

/** An amount set by tapping 加/减 (no keyboard for elders), shown large with its unit. */
export default function AmountStepper({ label, hint, value, onChange, chips }: AmountStepperProps) {
  return (
    <View className='sc-q'>
      <View className='sc-q__label'>{label}</View>
      {hint && <View className='sc-q__hint'>{hint}</View>}
      <View className='sc-amount' aria-live='polite'>
        {thousands(value)} 元
      </View>
      <View className='sc-steps'>
        {STEPS.map((s) => (
          <View key={s} className={value + s < 0 ? 'sc-step sc-step--off' : 'sc-step'} onClick={() => onChange(Math.max(0, value + s))}>
            {stepText(s)}
          </View>
        ))}
      </View>
      {chips && (
        <View className='sc-q__options'>
          {chips.map((c) => (
            <View key={c} className={c === value ? 'sc-chip sc-chip--on' : 'sc-chip'} onClick={() => onChange(c)}>
              {c === value ? `✓ ${chipText(c)}` : chipText(c)}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
