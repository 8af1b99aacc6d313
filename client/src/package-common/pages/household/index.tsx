import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Loaded, Page } from '@/components/ui';
import BenefitsSection from '@/components/household/benefits-section';
import BindingsSection from '@/components/household/bindings-section';
import HouseholdFindings from '@/components/findings/household-findings';
import HouseholdWarning from '@/components/monitoring/household-warning';
import HeaderSection from '@/components/household/header-section';
import MembersSection from '@/components/household/members-section';
import PairingsSection from '@/components/household/pairings-section';
import NeedsSection from '@/components/household/needs-section';
import PlanSection from '@/components/household/plan-section';
import TimelineSection from '@/components/household/timeline-section';
import VisitsSection from '@/components/household/visits-section';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { knownUser } from '@/services/auth';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import './index.scss';

/**
 * 户档案 (admins and helpers; the server decides who may open which household). A plain stack of
 * sections: each feature adds its own section component here with one line.
 */
export default function HouseholdDetailPage() {
  const id = useRouter().params.id ?? '';
  // Opened from a shared link the session may not know the caller yet: ask once.
  const me = useRequest(knownUser);
  const isAdmin = me.data?.role === 'admin';
  const isHelper = me.data?.role === 'helper';
  const h = useRequest(() => api.households.get({ householdId: id }), [id]);
  // Back from editing, adjusting or re-pairing: show what changed.
  const [shown, setShown] = useState(0);
  useReloadOnShow(() => {
    setShown((n) => n + 1);
    return h.reload();
  });
  return (
    <Page wide={isAdmin}>
      <Loaded state={h}>
        {(household) => (
          <>
            <HeaderSection household={household} isAdmin={isAdmin} />
            <View className='household-detail__action'>
              <Button plain type='primary' block round onClick={() => void navigate('householdCard', { id })}>
                帮扶明白卡 · 打印张贴
              </Button>
            </View>
            <MembersSection household={household} isAdmin={isAdmin} />
            <HouseholdWarning key={`w${shown}`} household={household} />
            <PairingsSection key={`p${shown}`} householdId={id} isAdmin={isAdmin} />
            {isAdmin && <HouseholdFindings key={`f${shown}`} householdId={id} />}
            {isAdmin && <BindingsSection key={`b${shown}`} householdId={id} members={household.members} />}
            <PlanSection householdId={id} editable />
            <BenefitsSection householdId={id} version={household.version} />
            <NeedsSection key={`n${shown}`} householdId={id} isAdmin={isAdmin} />
            <VisitsSection key={`v${shown}`} householdId={id} />
            <TimelineSection key={`t${shown}`} householdId={id} />
            {isHelper && (
              // The helper's one action here, thumb-reachable at the bottom (UX.md).
              <View className='household-detail__record'>
                <Button type='primary' block round onClick={() => void navigate('recordVisit', { householdId: id, name: household.headName })}>
                  记录走访
                </Button>
              </View>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
