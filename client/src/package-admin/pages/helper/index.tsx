import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PAIRING_ROLE_LABELS } from '@bangfu/types';
import { Button, Empty, Loaded, Page, Tag, Select } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { navigate } from '@/services/routes';
import './index.scss';

/** One helper's households: move the chosen ones, or all of them when the helper leaves (调离). */
export default function HelperPage() {
  const { id = '', name = '' } = useRouter().params;
  const list = useRequest(() => api.assignments.listByHelper(id ? { helperId: id } : {}), [id]);
  const helpers = useRequest(() => api.assignments.listHelpers({}));
  const [picked, setPicked] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only helpers who can take these households over: same town, a kind that fits the same roles.
  const me = helpers.data?.items.find((h) => h._id === id);
  const group = (kind: string | null) => (kind === 'doctor' || kind === 'teacher' ? kind : 'primary');
  // listHelpers answers the busiest first (the pairing view's 负担过重 order); a receiver should be
  // the least loaded, so the picker lists them lightest first and starts on the lightest.
  const others = (helpers.data?.items ?? [])
    .filter((h) => h._id !== id && (!me || (h.townId === me.townId && group(h.helperKind) === group(me.helperKind))))
    .sort((a, b) => a.total - b.total || a.name.localeCompare(b.name, 'zh'));
  const target = Math.max(
    0,
    others.findIndex((h) => h._id === chosen),
  );
  const to = others[target];

  const move = async (all: boolean) => {
    if (!to) return void Taro.showToast({ title: '请先选择接收的帮扶责任人', icon: 'none' });
    const what = all ? `全部 ${list.data?.items.length ?? 0} 户` : `所选 ${picked.length} 户`;
    const ok = await Taro.showModal({ title: '调整帮扶人', content: `把${decodeURIComponent(name)}的${what}移交给${to.name}？原结对会保留为历史记录。` });
    if (!ok.confirm) return;
    setBusy(true);
    try {
      const { moved } = all
        ? await api.assignments.reassignAll({ fromHelperId: id, toHelperId: to._id })
        : await api.assignments.reassign({ pairingIds: picked, toHelperId: to._id });
      void Taro.showToast({ title: `已移交 ${moved} 户`, icon: 'success' });
      setPicked([]);
      await list.reload();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const items = list.data?.items;
  return (
    <Page wide>
      <View className='helper-admin__title'>{decodeURIComponent(name)} 的结对户</View>
      <Loaded state={list} empty={<Empty description='该帮扶责任人目前没有结对户。' />}>
        {({ items: pairings }) => (
          <View className='helper-admin__list'>
            {pairings.map((p) => {
              const on = picked.includes(p._id);
              return (
                <View
                  key={p._id}
                  className={on ? 'helper-admin__row helper-admin__row--on' : 'helper-admin__row'}
                  onClick={() => setPicked(on ? picked.filter((x) => x !== p._id) : [...picked, p._id])}
                >
                  <View className='helper-admin__check'>{on ? '☑' : '☐'}</View>
                  <View className='helper-admin__name'>
                    {p.householdHeadName} 户<View className='helper-admin__sub'>{p.villageName}</View>
                  </View>
                  <Tag type='primary' plain>
                    {PAIRING_ROLE_LABELS[p.role]}
                  </Tag>
                  <View
                    className='helper-admin__open'
                    onClick={(e) => {
                      e.stopPropagation();
                      void navigate('householdDetail', { id: p.householdId });
                    }}
                  >
                    查看
                  </View>
                </View>
              );
            })}
          </View>
        )}
      </Loaded>
      {items && items.length > 0 && (
        <View className='helper-admin__bar'>
          <Select
            name='target'
            className='helper-admin__target'
            prefix='接收人：'
            options={others.map((h) => `${h.name}（${h.total} 户）`)}
            value={to ? target : -1}
            onChange={(i) => setChosen(others[i]?._id ?? null)}
          />
          <Button size='small' type='primary' disabled={!picked.length} loading={busy} onClick={() => void move(false)}>
            移交所选 {picked.length} 户
          </Button>
          <Button size='small' type='warning' loading={busy} onClick={() => void move(true)}>
            全部移交（调离）
          </Button>
        </View>
      )}
    </Page>
  );
}
