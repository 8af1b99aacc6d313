import { View } from '@tarojs/components';

/** Tappable options (one or several): large targets for a phone held in one hand. */
export default function Chips<T extends string>({
  options,
  selected,
  onToggle,
  labels,
}: {
  options: readonly T[];
  selected: readonly T[];
  onToggle: (value: T) => void;
  labels?: Partial<Record<T, string>>;
}) {
  return (
    <View className='chips'>
      {options.map((o) => (
        <View key={o} className={selected.includes(o) ? 'chips__chip chips__chip--on' : 'chips__chip'} onClick={() => onToggle(o)}>
          {labels?.[o] ?? o}
        </View>
      ))}
    </View>
  );
}
