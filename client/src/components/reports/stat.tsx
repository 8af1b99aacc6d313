import { View } from '@tarojs/components';
import { thousands } from '@/utils/format';
import './stat.scss';

export interface StatProps {
  label: string;
  value: number;
  /** After the number, e.g. `户` or `/ 300 户`. */
  unit: string;
  note?: string;
  /** warning = pending (orange), danger = overdue (red), as everywhere (UX.md). */
  tone?: 'warning' | 'danger';
}

/** One figure tile of a report: label, the number with its unit, and a short note. */
export function Stat({ label, value, unit, note, tone }: StatProps) {
  return (
    <View className='bf-stat'>
      <View className='bf-stat__label'>{label}</View>
      <View className={tone ? `bf-stat__value bf-stat__value--${tone}` : 'bf-stat__value'}>
        {thousands(value)}
        <View className='bf-stat__unit'>{unit}</View>
      </View>
      {note && <View className='bf-stat__note'>{note}</View>}
    </View>
  );
}
