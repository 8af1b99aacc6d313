import { View } from '@tarojs/components';
import { FINDING_STEP_LABELS, type FindingView } from '@bangfu/types';
import { fullTime } from '@/utils/dates';
import { ROLE_LABELS } from './format';
import FindingPhotos from './photo-strip';

/** 整改记录: every step, newest first, with who (and in what role), when, what was written and the photos. */
export default function FindingHistory({ finding }: { finding: FindingView }) {
  return (
    <View className='finding-timeline'>
      {[...finding.history].reverse().map((step, i) => (
        <View key={`${step.at}-${i}`} className='finding-timeline__item'>
          <View className={`finding-timeline__dot finding-timeline__dot--${step.kind}`} />
          <View className='finding-timeline__body'>
            <View className='finding-timeline__title'>
              {FINDING_STEP_LABELS[step.kind]}
              <View className='finding-timeline__by'>
                {step.byName} · {ROLE_LABELS[step.byRole]}
              </View>
            </View>
            <View className='finding-timeline__time'>{fullTime(step.at)}</View>
            {step.note && <View className='finding-timeline__note'>{step.note}</View>}
            <FindingPhotos photos={step.photos} />
          </View>
        </View>
      ))}
    </View>
  );
}
