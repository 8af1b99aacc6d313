import { View } from '@tarojs/components';
import { FindingBucket, type FindingStats } from '@bangfu/types';

const LABELS: Record<FindingBucket, string> = { overdue: '已逾期', within10: '10天内', within20: '20天内', later: '20天以上' };

/** 整改概况: open findings by bucket (overdue in red), closed, mean days to close, on-time share. */
export default function StatsStrip({ stats }: { stats: FindingStats }) {
  const cells: Array<[string, string, string?]> = [
    ...FindingBucket.options.map((b): [string, string, string?] => [
      LABELS[b],
      `${stats.buckets[b] ?? 0}`,
      b === 'overdue' && stats.buckets[b] ? 'red' : b === 'within10' && stats.buckets[b] ? 'orange' : undefined,
    ]),
    ['已销号', `${stats.closed}`, 'green'],
    ['平均整改用时', stats.meanDaysToClose === null ? '—' : `${Math.round(stats.meanDaysToClose)} 天`],
    ['按期销号率', stats.onTimeRate === null ? '—' : `${Math.round(stats.onTimeRate * 100)}%`],
  ];
  return (
    <View className='findings-stats'>
      <View className='findings-stats__open'>在办 {stats.open} 条</View>
      <View className='findings-stats__cells'>
        {cells.map(([label, value, tone]) => (
          <View key={label} className='findings-stats__cell'>
            <View className={tone ? `findings-stats__value findings-stats__value--${tone}` : 'findings-stats__value'}>{value}</View>
            <View className='findings-stats__label'>{label}</View>
          </View>
        ))}
      </View>
    </View>
  );
}
