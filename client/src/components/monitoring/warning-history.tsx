import { View } from '@tarojs/components';
import { WARNING_STAGE_LABELS, type WarningView } from '@bangfu/types';
import { fullTime } from '@/utils/dates';

const title = (s: WarningView['history'][number]) =>
  s.action === 'open' ? '生成预警' : s.action === 'dismiss' ? '核实后排除' : `${WARNING_STAGE_LABELS[s.from]}完成 → ${WARNING_STAGE_LABELS[s.to]}`;

/** 办理记录: every step, newest first, with who, when and what they wrote. */
export default function WarningHistory({ warning }: { warning: WarningView }) {
  return (
    <View className='warning-history'>
      {[...warning.history].reverse().map((s, i) => (
        <View key={`${s.at}-${i}`} className='warning-history__item'>
          <View className='warning-history__title'>
            {title(s)}
            <View className='warning-history__by'>{s.byName}</View>
          </View>
          <View className='warning-history__time'>{fullTime(s.at)}</View>
          {s.note && <View className='warning-history__note'>{s.note}</View>}
        </View>
      ))}
    </View>
  );
}
