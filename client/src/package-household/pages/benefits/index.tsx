import { Loaded, Page } from '@/components/ui';
import HouseholdBenefitsView from '@/components/benefits/household-benefits-view';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';

/** 我的政策: what the bound household is entitled to, received, and still waiting for. */
export default function MyBenefits() {
  const benefits = useRequest(() => api.benefits.evaluateHousehold());
  // A tab page stays mounted: the household's record may have changed since (an admin's edit, a 兑现).
  useReloadOnShow(() => benefits.reload());
  return (
    <Page tabBar={{ role: 'household', active: 'benefits' }}>
      <Loaded state={benefits} loadingText='正在查询您家的政策…'>
        {(b) => <HouseholdBenefitsView b={b} callable />}
      </Loaded>
    </Page>
  );
}
