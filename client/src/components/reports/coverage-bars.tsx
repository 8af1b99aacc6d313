import { View } from '@tarojs/components';
import type { CoverageRow } from '@bangfu/types/api/reports';
import { thousands } from '@/utils/format';
import './coverage-bars.scss';

/** "63%"; a dash when nothing is paired. */
export function rate(visited: number, paired: number): string {
  return paired > 0 ? `${Math.round((visited / paired) * 100)}%` : '—';
}

/**
 * Coverage rows, lowest rate first as the server sorts them: name (and town or unit), visited /
 * paired households, the rate, and a bar that is green when everyone was visited, orange otherwise.
 */
export function CoverageBars({ rows }: { rows: CoverageRow[] }) {
  return (
    <View className='coverage-bars'>
      {rows.map((r) => (
        <View key={r.id} className='coverage-bars__row'>
          <View className='coverage-bars__line'>
            <View className='coverage-bars__name'>
              {r.name}
              {r.note && <View className='coverage-bars__note'>{r.note}</View>}
            </View>
            <View className='coverage-bars__value'>
              {thousands(r.visited)}/{thousands(r.paired)} 户<View className='coverage-bars__pct'>{rate(r.visited, r.paired)}</View>
            </View>
          </View>
          <View className='coverage-bars__track'>
            <View
              className={r.visited >= r.paired ? 'coverage-bars__fill coverage-bars__fill--done' : 'coverage-bars__fill'}
              style={{ width: `${r.paired ? (r.visited / r.paired) * 100 : 0}%` }}
            />
          </View>
        </View>
      ))}
    </View>
  );
}
