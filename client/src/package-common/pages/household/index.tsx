import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ErrorState, Loading, Page } from '@/components/ui';
import BenefitsSection from '@/components/household/benefits-section';
import BindingsSection from '@/components/household/bindings-section';
import HeaderSection from '@/components/household/header-section';
import MembersSection from '@/components/household/members-section';
import PairingsSection from '@/components/household/pairings-section';
import PlanSection from '@/components/household/plan-section';
import TimelineSection from '@/components/household/timeline-section';
import { useRequest } from '@/hooks/use-request';
import { knownUser } from '@/services/auth';
import { api } from '@/services/client';

/**
 * 户档案 (admins and helpers; the server decides who may open which household). A plain stack of
 * sections: each feature adds its own section component here with one line.
 */
export default function HouseholdDetailPage() {
  const id = useRouter().params.id ?? '';
  // Opened from a shared link the session may not know the caller yet: ask once.
  const me = useRequest(knownUser);
  const isAdmin = me.data?.role === 'admin';
  const h = useRequest(() => api.households.get({ householdId: id }), [id]);
  // Back from editing, adjusting or re-pairing: show what changed.
  const [shown, setShown] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else { setShown((n) => n + 1); void h.reload(); }
  });
  if (!h.data) return <Page>{h.error ? <ErrorState error={h.error} onRetry={h.reload} /> : <Loading />}</Page>;
  return (
    <Page wide={isAdmin}>
      <HeaderSection household={h.data} isAdmin={isAdmin} />
      <MembersSection household={h.data} isAdmin={isAdmin} />
      <PairingsSection key={`p${shown}`} householdId={id} isAdmin={isAdmin} />
      {isAdmin && <BindingsSection key={`b${shown}`} householdId={id} members={h.data.members} />}
      <PlanSection householdId={id} editable />
      <BenefitsSection householdId={id} />
      <TimelineSection key={`t${shown}`} householdId={id} />
    </Page>
  );
}
