import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Loaded, Page } from '@/components/ui';
import FindingActions from '@/components/findings/finding-actions';
import FindingHistory from '@/components/findings/finding-history';
import { FindingSummary, FindingWork } from '@/components/findings/finding-summary';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { knownUser } from '@/services/auth';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import '@/components/findings/findings.scss';

/**
 * 督查整改 detail for admins and helpers (alerts to the responsible person open it): the finding,
 * the steps this caller may take now, and its whole history.
 */
export default function FindingPage() {
  const { id = '' } = useRouter().params;
  const me = useRequest(knownUser);
  const isAdmin = me.data?.role === 'admin';
  const finding = useRequest(() => api.findings.get({ findingId: id }), [id]);
  useReloadOnShow(finding.reload);
  return (
    <Page wide={isAdmin}>
      <Loaded state={finding}>
        {(f) => (
          <>
            <FindingSummary finding={f} />
            <FindingActions finding={f} isAdmin={isAdmin} onChanged={finding.setData} />
            <FindingWork finding={f} />
            {f.householdId && (
              <View className='finding-form'>
                <Button block round plain onClick={() => void navigate('householdDetail', { id: f.householdId! })}>
                  查看户档案
                </Button>
              </View>
            )}
            <View className='finding-section'>整改记录</View>
            <FindingHistory finding={f} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
