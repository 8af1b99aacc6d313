import { View } from '@tarojs/components';
import { useRequest } from '@/hooks/use-request';
import { navigate } from '@/services/routes';
import { api } from '@/services/client';

/** 督查整改 on the workbench: one tap to the findings, with how many are open and overdue. */
export default function FindingsEntry() {
  const stats = useRequest(() => api.findings.stats());
  const s = stats.data;
  const overdue = s?.buckets.overdue ?? 0;
  return (
    <View className='admin__findings' onClick={() => void navigate('adminFindings')}>
      <View className='admin__findings-title'>督查整改</View>
      <View className='admin__findings-line'>
        {s ? `在办 ${s.open} 条` : '查看督查问题与整改进度'}
        {overdue > 0 && <View className='admin__findings-overdue'>已逾期 {overdue} 条</View>}
      </View>
      <View className='admin__findings-go'>›</View>
    </View>
  );
}
