import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { HELPER_KIND_LABELS, PAIRING_ROLE_LABELS, type HelperKind, type PairingRole } from '@bangfu/types';
import { Cell, CellGroup, Empty, Loaded, Page, Tag } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import './index.scss';

/** Which helper kinds fit each pairing role (the server checks the same). */
const KINDS: Record<PairingRole, HelperKind[]> = { primary: ['cadre', 'secretary'], health: ['doctor'], education: ['teacher'] };

/** 安排/更换帮扶人: helpers of the household's town who fit the role, lightest load first. */
export default function AssignPage() {
  const { householdId = '', role: rawRole = 'primary' } = useRouter().params;
  const role = (rawRole in KINDS ? rawRole : 'primary') as PairingRole;
  const h = useRequest(() => api.households.get({ householdId }), [householdId]);
  const helpers = useRequest(() => (h.data ? api.assignments.listHelpers({ townId: h.data.townId }) : Promise.resolve({ items: [] })), [h.data?.townId]);
  const items = (helpers.data?.items ?? []).filter((x) => x.helperKind && KINDS[role].includes(x.helperKind)).sort((a, b) => a.total - b.total);

  const choose = async (helperId: string, name: string) => {
    const ok = await Taro.showModal({
      title: `安排${PAIRING_ROLE_LABELS[role]}`,
      content: `由${name}担任${h.data?.headName ?? ''}户的${PAIRING_ROLE_LABELS[role]}？原来的会保留为历史记录。`,
    });
    if (!ok.confirm) return;
    try {
      await api.assignments.assign({ householdId, helperId, role });
      void Taro.showToast({ title: '已安排', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 600);
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };

  return (
    <Page wide>
      <Loaded state={h}>
        {(household) => (
          <>
            <View className='assign__title'>
              为 {household.headName} 户安排{PAIRING_ROLE_LABELS[role]}
            </View>
            <Loaded
              state={helpers}
              empty={<Empty description={`${household.townName ?? '该乡镇'}还没有可担任${PAIRING_ROLE_LABELS[role]}的帮扶责任人。`} />}
              isEmpty={() => items.length === 0}
            >
              {() => (
                <CellGroup inset>
                  {items.map((x) => (
                    <Cell
                      key={x._id}
                      title={x.name}
                      label={[x.helperKind && HELPER_KIND_LABELS[x.helperKind], x.unit].filter(Boolean).join(' · ')}
                      isLink
                      center
                      onClick={() => void choose(x._id, x.name)}
                    >
                      <Tag type={x.total === 0 ? 'default' : 'primary'} plain>
                        已结对 {x.total} 户
                      </Tag>
                    </Cell>
                  ))}
                </CellGroup>
              )}
            </Loaded>
          </>
        )}
      </Loaded>
    </Page>
  );
}
