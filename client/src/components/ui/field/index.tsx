import { Input, View } from '@tarojs/components';

export interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** `idcard` and `number` open the matching keyboard in WeChat. */
  type?: 'text' | 'number' | 'idcard';
  maxlength?: number;
  /** Shown in red under the input; the input keeps what was typed. */
  error?: string;
  name?: string;
}

/** A labelled text input in vant's field style (Taro's Input on both platforms). */
export default function Field({ label, value, onChange, placeholder, type = 'text', maxlength, error, name }: FieldProps) {
  return (
    <View className={error ? 'bf-field bf-field--error' : 'bf-field'}>
      <View className='bf-field__label'>{label}</View>
      <Input
        className='bf-field__input'
        name={name}
        value={value}
        type={type}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='bf-field__placeholder'
        onInput={(e) => onChange(e.detail.value)}
      />
      {error && <View className='bf-field__error'>{error}</View>}
    </View>
  );
}
