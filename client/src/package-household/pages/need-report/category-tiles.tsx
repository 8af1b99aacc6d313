import { View } from '@tarojs/components';
import { NEED_CATEGORY_LABELS, type NeedCategory } from '@bangfu/types';

/**
 * 急难求助 first and in red (UX.md); "其他" as a smaller choice below the six big tiles. The chosen
 * tile says so with a ✓ as well as its border: colour is never the only signal (适老化).
 */
const TILES: NeedCategory[] = ['emergency', 'medical', 'housing', 'education', 'employment', 'living'];
const HINTS: Record<NeedCategory, string> = {
  emergency: '突发重病、受伤、灾害',
  medical: '看病、住院、报销',
  housing: '危房、漏雨、搬迁',
  education: '上学、学费、资助',
  employment: '找工作、技能培训',
  living: '吃穿、用水用电',
  other: '其他困难',
};

export default function CategoryTiles({ value, onChange }: { value: NeedCategory | null; onChange: (c: NeedCategory) => void }) {
  const cls = (c: NeedCategory) => ['tile', c === 'emergency' && 'tile--emergency', value === c && 'tile--on'].filter(Boolean).join(' ');
  return (
    <View>
      <View className='tiles'>
        {TILES.map((c) => (
          <View key={c} className={cls(c)} role='radio' aria-checked={value === c} onClick={() => onChange(c)}>
            <View className='tile__label'>
              {value === c ? '✓ ' : ''}
              {NEED_CATEGORY_LABELS[c]}
            </View>
            <View className='tile__hint'>{HINTS[c]}</View>
          </View>
        ))}
      </View>
      <View
        className={value === 'other' ? 'tile-other tile-other--on' : 'tile-other'}
        role='radio'
        aria-checked={value === 'other'}
        onClick={() => onChange('other')}
      >
        {value === 'other' ? '✓ ' : ''}其他困难
      </View>
    </View>
  );
}
