import { View } from '@tarojs/components';
import type { OpenedWarning } from '@bangfu/types/monitoring-channels';
import { Tag } from '@/components/ui';

const LEVEL = { high: '高风险', medium: '中风险', none: '待核实' } as const;

/** Step ④: the warnings this import opened, each handed to the household's helper for 入户核实. */
export default function Opened({ opened }: { opened: OpenedWarning[] }) {
  if (!opened.length) return <View className='import__note'>这批费用没有让新的户进入预警（已在监测或已有预警的户不会重复预警）。</View>;
  return (
    <View className='mi-opened'>
      <View className='mi-opened__title'>新开预警 {opened.length} 户，已交帮扶人入户核实：</View>
      {opened.map((w) => (
        <View key={w.warningId} className='mi-opened__row'>
          <View className='mi-opened__name'>户主 {w.headName}</View>
          <Tag status={w.level === 'high' ? 'alert' : 'due'}>{LEVEL[w.level]}</Tag>
        </View>
      ))}
    </View>
  );
}
