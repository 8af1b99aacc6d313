import { View } from '@tarojs/components';
import { Loaded } from '@/components/ui';
import HouseholdBenefitsView from '@/components/benefits/household-benefits-view';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';

/**
 * The benefits part of the household detail page (helper/admin): entitled, received and the
 * 应享未享 gaps handed to the primary helper. The server decides whether the caller may see it.
 *
 * The decisions are a function of the household as stored: they are asked again whenever its
 * `version` changes (every household write bumps it), so an edit (收入、成员、住房) or a status
 * adjustment shows in the decisions as soon as the page shows the edited household.
 */
export default function BenefitsSection({ householdId, version }: { householdId: string; version: number }) {
  const benefits = useRequest(() => api.benefits.evaluateHousehold({ householdId }), [householdId, version]);
  return (
    <View className='bf-benefits-section'>
      <Loaded state={benefits} loadingText='正在测算该户的政策…'>
        {(b) => <HouseholdBenefitsView b={b} who='该户' />}
      </Loaded>
    </View>
  );
}
