import { View } from '@tarojs/components';
import type { MyWarning } from '@bangfu/types/monitoring-channels';
import { chineseDate } from '@/utils/dates';

const STATE_TEXT = { done: '已完成', current: '正在办', todo: '未开始' } as const;

/** 我的帮扶申请: where it stands, in one sentence and as steps (each marked in words, not colour alone). */
export default function ApplicationStatus({ warning }: { warning: MyWarning }) {
  return (
    <View className='sc-status' aria-live='polite'>
      <View className='sc-status__title'>{warning.source === 'self_report' ? '我的帮扶申请' : '帮扶核实进度'}</View>
      <View className='sc-status__headline'>{warning.headline}</View>
      <View className='sc-status__date'>{chineseDate(warning.openedOn)}提出</View>
      <View className='sc-steps-list'>
        {warning.steps.map((s, i) => (
          <View key={s.stage} className={`sc-stepline sc-stepline--${s.state}`}>
            <View className='sc-stepline__dot'>{s.state === 'done' ? '✓' : i + 1}</View>
            <View className='sc-stepline__label'>{s.label}</View>
            <View className='sc-stepline__state'>{STATE_TEXT[s.state]}</View>
          </View>
        ))}
      </View>
    </View>
  );
}
