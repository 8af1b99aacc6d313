import { Picker, View } from '@tarojs/components';
import type { DateSelectProps, SelectProps } from './types';

/** The phone's control: Taro's Picker (a wheel in the mini program and on a narrow H5 page). */
export function PickerSelect({ options, value, onChange, placeholder = '请选择', prefix = '', className = 'bf-select__trigger' }: SelectProps) {
  return (
    <Picker mode='selector' range={[...options]} value={Math.max(0, value)} onChange={(e) => onChange(Number(e.detail.value))}>
      <View className={className}>
        {prefix}
        {value >= 0 ? options[value] : placeholder} ▾
      </View>
    </Picker>
  );
}

export function PickerDate({ value, onChange, start, end, display, className = 'bf-select__trigger' }: DateSelectProps) {
  return (
    <Picker mode='date' value={value} start={start} end={end} onChange={(e) => onChange(e.detail.value)}>
      <View className={className}>{display} ▾</View>
    </Picker>
  );
}
