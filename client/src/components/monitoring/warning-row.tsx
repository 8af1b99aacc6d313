import { View } from '@tarojs/components';
import { MONITORING_TYPE_LABELS, RISK_RULE_LABELS, type WarningView } from '@bangfu/types';
import { Tag } from '@/components/ui';
import { deadlineText, SOURCE_LABELS, stageTag } from './format';

/** One warning in a list: head and village, the stage (red when overdue, orange when due), its deadline, the risks found. */
export default function WarningRow({ warning: w, onClick, hint }: { warning: WarningView; onClick: () => void; hint?: string }) {
  const tag = stageTag(w);
  const risks = [...new Set(w.risks.map((r) => RISK_RULE_LABELS[r.rule]))];
  return (
    <View className={`warning-row warning-row--${w.deadline}`} onClick={onClick}>
      <View className='warning-row__top'>
        <View className='warning-row__name'>{w.headName}</View>
        <Tag status={tag.status}>{tag.label}</Tag>
        {w.level === 'high' && (
          <Tag status='alert' plain>
            高风险
          </Tag>
        )}
        {hint && (
          <Tag type='primary' plain>
            {hint}
          </Tag>
        )}
      </View>
      <View className='warning-row__place'>
        {[w.townName, w.villageName].filter(Boolean).join(' · ')} · {SOURCE_LABELS[w.source]}
        {w.suggestedType ? ` · 拟${MONITORING_TYPE_LABELS[w.suggestedType]}` : ''}
      </View>
      {risks.length > 0 && <View className='warning-row__risks'>{risks.join('、')}</View>}
      {w.open && <View className={`warning-row__due warning-row__due--${w.deadline}`}>{deadlineText(w)}</View>}
    </View>
  );
}
