import { View } from '@tarojs/components';
import { Loaded } from '@/components/ui';
import SummaryCard from '@/components/benefits/summary-card';
import { summarize } from '@/components/benefits/summary';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';

/** "您家可享受 N 项政策，今年已到账 X 元，有 K 项待落实"; tap opens 我的政策. */
export default function BenefitsSummary() {
  const benefits = useRequest(() => api.benefits.evaluateHousehold());
  const open = () => void navigate('myBenefits');
  return (
    <Loaded state={benefits} placeholder={<View className='hh__coming'>正在查询您家的政策…</View>}>
      {(b) => (
        <View>
          <SummaryCard summary={summarize(b)} onClick={open} />
          <View className='hh__coming' onClick={open}>
            点击查看每项政策的理由和兑现记录 ›
          </View>
        </View>
      )}
    </Loaded>
  );
}
