import { View } from '@tarojs/components';
import type { NeedStats } from '@bangfu/types';

const hours = (h: number | null) => (h === null ? '—' : h >= 48 ? `${Math.round((h / 24) * 10) / 10} 天` : `${h} 小时`);

/** 督办概况: open, overdue (red), mean time to accept and to resolve, resolutions not yet rated. */
export default function StatsBar({ stats }: { stats: NeedStats }) {
  const cells: Array<[string, string, boolean?]> = [
    ['办理中', `${stats.open} 条`],
    ['已超时', `${stats.overdue} 条`, stats.overdue > 0],
    ['平均受理用时', hours(stats.avgHoursToAccept)],
    ['平均办结用时', hours(stats.avgHoursToResolve)],
    ['办结未评价', `${stats.unrated} 条`],
    ['需求总数', `${stats.total} 条`],
  ];
  return (
    <View className='needs-stats'>
      {cells.map(([label, value, red]) => (
        <View key={label} className='needs-stats__cell'>
          <View className={red ? 'needs-stats__value needs-stats__value--red' : 'needs-stats__value'}>{value}</View>
          <View className='needs-stats__label'>{label}</View>
        </View>
      ))}
    </View>
  );
}
