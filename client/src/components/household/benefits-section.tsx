import { View } from '@tarojs/components';
import { Loaded } from '@/components/ui';
import HouseholdBenefitsView from '@/components/benefits/household-benefits-view';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';

/**
 * The benefits part of the household detail page (helper/admin): entitled, received and the
 * 应享未享 gaps handed to the primary helper. The server decides whether the caller may see it.
 */
export default function BenefitsSection({ householdId }: { householdId: string }) {
  const benefits = useRequest(() => api.benefits.evaluateHousehold({ householdId }), [householdId]);
  return (
    <View className='bf-benefits-section'>
      <Loaded state={benefits} loadingText='正在测算该户的政策…'>
        {(b) => <HouseholdBenefitsView b={b} who='该户' />}
      </Loaded>
    </View>
  );
}
