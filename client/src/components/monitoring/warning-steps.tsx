import { View } from '@tarojs/components';
import { WARNING_STAGE_LABELS, type WarningStage } from '@bangfu/types';

const FLOW: WarningStage[] = ['verify', 'village_review', 'town_review', 'county_confirm', 'confirmed'];

/** 识别纳入 as five steps, the current one marked (a dismissed warning stops after verification). */
export default function WarningSteps({ stage }: { stage: WarningStage }) {
  const at = stage === 'dismissed' ? 0 : FLOW.indexOf(stage);
  return (
    <View className='warning-steps'>
      {FLOW.map((s, i) => {
        const state = stage === 'dismissed' ? (i === 0 ? 'stopped' : 'todo') : i < at || stage === 'confirmed' ? 'done' : i === at ? 'now' : 'todo';
        return (
          <View key={s} className={`warning-steps__step warning-steps__step--${state}`}>
            <View className='warning-steps__dot'>{state === 'done' ? '✓' : i + 1}</View>
            <View className='warning-steps__label'>{i === 0 && stage === 'dismissed' ? '核实后排除' : WARNING_STAGE_LABELS[s]}</View>
          </View>
        );
      })}
    </View>
  );
}
