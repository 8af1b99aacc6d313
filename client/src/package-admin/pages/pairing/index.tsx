import { View } from '@tarojs/components';
import { useState } from 'react';
import { HELPER_KIND_LABELS, HOUSEHOLD_STATUS_LABELS } from '@bangfu/types';
import { Cell, CellGroup, Empty, Loaded, Page, Table, Tag } from '@/components/ui';
import Chips from '@/components/household/chips';
import { STATUS_TAG } from '@/components/household/labels';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import './index.scss';

type View_ = 'helpers' | 'idle' | 'unpaired';
const VIEWS: Record<View_, string> = { helpers: '帮扶责任人', idle: '无结对的人', unpaired: '无主帮扶人的户' };
/** More than this many households per helper is hard to visit monthly: shown in orange. */
const HEAVY = 15;

/** 结对管理: helpers with their load, helpers with no household, households with no primary helper. */
export default function PairingPage() {
  const [view, setView] = useState<View_>('helpers');
  return (
    <Page wide>
      <View className='pairing__title'>结对管理</View>
      <View className='pairing__chips'>
        <Chips
          all={false}
          label='查看'
          options={['helpers', 'idle', 'unpaired'] as const}
          labels={VIEWS}
          value={view}
          onChange={(v) => setView(v ?? 'helpers')}
        />
      </View>
      {view === 'unpaired' ? <Unpaired /> : <Helpers idle={view === 'idle'} />}
    </Page>
  );
}

function Helpers({ idle }: { idle: boolean }) {
  const list = useRequest(() => api.assignments.listHelpers({ idle }), [idle]);
  useReloadOnShow(list.reload);
  return (
    <Loaded state={list} empty={<Empty description={idle ? '每位帮扶责任人都有结对户。' : '辖区内还没有帮扶责任人。'} />}>
      {({ items }) => (
        <Table
          rows={items}
          rowKey={(h) => h._id}
          onOpen={(h) => void navigate('adminHelper', { id: h._id, name: h.name })}
          columns={[
            { title: '帮扶责任人', cell: (h) => h.name },
            { title: '类别', cell: (h) => (h.helperKind ? HELPER_KIND_LABELS[h.helperKind] : '') },
            { title: '单位', cell: (h) => h.unit ?? '' },
            { title: '结对户', cell: (h) => <LoadTag total={h.total} />, numeric: true },
            { title: '主帮扶', cell: (h) => h.primary, numeric: true },
            { title: '健康帮扶', cell: (h) => h.health, numeric: true },
            { title: '教育帮扶', cell: (h) => h.education, numeric: true },
          ]}
          phoneGroup={(rows) => <CellGroup inset>{rows}</CellGroup>}
          phoneRow={(h) => (
            <Cell
              title={h.name}
              label={[h.helperKind && HELPER_KIND_LABELS[h.helperKind], h.unit].filter(Boolean).join(' · ')}
              isLink
              center
              onClick={() => void navigate('adminHelper', { id: h._id, name: h.name })}
            >
              <View className='pairing__load'>
                <LoadTag total={h.total} />
                <View className='pairing__split'>
                  主{h.primary} · 健{h.health} · 教{h.education}
                </View>
              </View>
            </Cell>
          )}
        />
      )}
    </Loaded>
  );
}

/** A helper's load: orange when it needs attention (no households, or more than a helper can visit). */
function LoadTag({ total }: { total: number }) {
  return <Tag {...(total === 0 || total > HEAVY ? { status: 'due' as const } : { type: 'primary' as const })}>{total} 户</Tag>;
}

function Unpaired() {
  const list = useRequest(() => api.assignments.listUnpaired({ offset: 0, limit: 100 }));
  return (
    <Loaded state={list} empty={<Empty description='每户都有主帮扶人。' />}>
      {({ items, total }) => (
        <CellGroup inset title={`共 ${total} 户没有主帮扶人`}>
          {items.map((h) => (
            <Cell
              key={h._id}
              title={`${h.headName} 户`}
              label={`${h.code} · ${h.villageName ?? ''}`}
              isLink
              center
              onClick={() => void navigate('adminAssign', { householdId: h._id, role: 'primary' })}
            >
              <Tag {...STATUS_TAG[h.status]}>{HOUSEHOLD_STATUS_LABELS[h.status]}</Tag>
            </Cell>
          ))}
        </CellGroup>
      )}
    </Loaded>
  );
}
