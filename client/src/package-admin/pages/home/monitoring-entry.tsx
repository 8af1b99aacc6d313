import { View } from '@tarojs/components';
import { navigate } from '@/services/routes';

/** 部门筛查预警 on the workbench: the 医保 bureau's high-cost list, one tap to import it. */
export default function MonitoringEntry() {
  return (
    <View className='admin__findings' onClick={() => void navigate('adminMedicalImport')}>
      <View className='admin__findings-title'>医保大额自付导入</View>
      <View className='admin__findings-line'>导入医保局名单，自动研判并生成防返贫预警</View>
      <View className='admin__findings-go'>›</View>
    </View>
  );
}
