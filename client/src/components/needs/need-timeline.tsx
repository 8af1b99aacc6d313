import { View } from '@tarojs/components';
import { NEED_STATUS_LABELS, NEED_STEP_KIND_LABELS, type NeedView } from '@bangfu/types';
import { dateTime } from './format';
import PhotoStrip from './photo-strip';

const ROLE_LABELS = { household: '帮扶户', helper: '帮扶人', admin: '扶贫办' } as const;

/** 办理记录: every step (转派, 督办 and 提请协调 too) with when, by whom (by role), to whom and what was written. */
export default function NeedTimeline({ need }: { need: NeedView }) {
  return (
    <View className='need-timeline'>
      {[...need.history].reverse().map((step, i) => (
        <View key={`${step.at}-${i}`} className='need-timeline__item'>
          <View className='need-timeline__dot' />
          <View className='need-timeline__body'>
            <View className='need-timeline__title'>
              {step.kind ? NEED_STEP_KIND_LABELS[step.kind] : NEED_STATUS_LABELS[step.status]}
              {step.byRole && <View className='need-timeline__by'>{ROLE_LABELS[step.byRole]}</View>}
            </View>
            <View className='need-timeline__time'>{dateTime(step.at)}</View>
            {step.kind === 'reassigned' && <View className='need-timeline__note'>转派给 {step.assigneeName ?? '另一位帮扶人'}</View>}
            {step.note && <View className='need-timeline__note'>{step.note}</View>}
            {step.photos && <PhotoStrip photos={step.photos} />}
          </View>
        </View>
      ))}
    </View>
  );
}
