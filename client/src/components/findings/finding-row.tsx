import { View } from '@tarojs/components';
import { FINDING_CATEGORY_LABELS, type FindingView } from '@bangfu/types';
import { Tag } from '@/components/ui';
import { fullTime } from '@/utils/dates';
import { daysLabel, statusTag } from './format';

/** One finding in a list: code, subject, category, deadline with days left (red once overdue), status. */
export default function FindingRow({ finding, onClick, hint }: { finding: FindingView; onClick: () => void; hint?: string }) {
  const days = daysLabel(finding);
  const status = statusTag(finding);
  return (
    <View className={finding.overdue ? 'finding-row finding-row--overdue' : 'finding-row'} onClick={onClick}>
      <View className='finding-row__top'>
        <View className='finding-row__code'>{finding.code}</View>
        <Tag status={status.status} type={status.type}>
          {status.label}
        </Tag>
        <Tag type='default' plain>
          {FINDING_CATEGORY_LABELS[finding.category]}
        </Tag>
        {hint && (
          <Tag type='primary' plain>
            {hint}
          </Tag>
        )}
      </View>
      <View className='finding-row__subject'>{finding.subjectName}</View>
      <View className='finding-row__desc'>{finding.description}</View>
      <View className='finding-row__deadline'>
        整改时限 {fullTime(finding.deadline)}
        <View className={`finding-days finding-days--${days.tone}`}>{days.text}</View>
      </View>
    </View>
  );
}
