import { View } from '@tarojs/components';
import { useState } from 'react';
import type { LedgerKind, LedgerRow } from '@bangfu/types/api/reports';
import { Card, Empty, Loaded, Table } from '@/components/ui';
import ExportButton from '@/components/export-button';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { monthLabel } from '@/utils/dates';
import './index.scss';

const LEDGERS: Array<{ kind: LedgerKind; label: string; who: string; members: string }> = [
  { kind: 'unit', label: '区直单位台账', who: '单位', members: '' },
  { kind: 'health', label: '卫生台账', who: '家庭医生', members: '患病或残疾成员' },
  { kind: 'education', label: '教育台账', who: '帮扶教师', members: '在校学生' },
];

/** 三个帮扶台账 of the month: per unit, per doctor, per teacher; each exportable. */
export default function Ledgers({ month }: { month: string }) {
  const [kind, setKind] = useState<LedgerKind>('unit');
  const meta = LEDGERS.find((l) => l.kind === kind)!;
  const ledger = useRequest(() => api.reports.ledger({ kind, month }), [kind, month]);
  const columns =
    kind === 'unit'
      ? [
          { title: '单位', cell: (r: LedgerRow) => r.name },
          { title: '帮扶人', cell: (r: LedgerRow) => r.helpers, numeric: true },
          { title: '结对户', cell: (r: LedgerRow) => r.households, numeric: true },
          { title: '已走访户', cell: (r: LedgerRow) => r.visited, numeric: true },
          { title: '记录措施', cell: (r: LedgerRow) => r.measures, numeric: true },
          { title: '办结需求', cell: (r: LedgerRow) => r.needsHandled, numeric: true },
        ]
      : [
          { title: meta.who, cell: (r: LedgerRow) => `${r.name}（${r.note ?? ''}）` },
          { title: '结对户', cell: (r: LedgerRow) => r.households, numeric: true },
          { title: meta.members, cell: (r: LedgerRow) => r.members, numeric: true },
          { title: '走访次数', cell: (r: LedgerRow) => r.visits, numeric: true },
          { title: '服务清单', cell: (r: LedgerRow) => `${r.checklistDone}/${r.checklistTotal}`, numeric: true },
          { title: '当月未见', cell: (r: LedgerRow) => r.notSeen, numeric: true },
        ];
  return (
    <>
      <View className='bulletin__tabs'>
        {LEDGERS.map((l) => (
          <View key={l.kind} className={l.kind === kind ? 'bulletin__tab bulletin__tab--on' : 'bulletin__tab'} onClick={() => setKind(l.kind)}>
            {l.label}
          </View>
        ))}
        <ExportButton file={`${meta.label}-${month}`} run={() => api.reports.exportLedger({ kind, month })} />
      </View>
      <Card title={`${monthLabel(month)}${meta.label}`}>
        <Loaded state={ledger} loadingText='正在整理台账…' isEmpty={(d) => d.rows.length === 0} empty={<Empty description='这个月没有这类结对' />}>
          {(d) => (
            <Table
              rows={d.rows}
              rowKey={(r) => r.id}
              caption={`${meta.label}（共 ${d.rows.length} 行）`}
              columns={columns}
              phoneRow={(r) => (
                <View className='bulletin__row'>
                  <View className='bulletin__row-main'>
                    <View className='bulletin__row-name'>
                      {r.name}
                      {r.note ? <View className='bulletin__row-note'>{r.note}</View> : null}
                    </View>
                    <View className='bulletin__row-figures'>
                      {kind === 'unit'
                        ? `帮扶人 ${r.helpers} · 结对 ${r.households} 户 · 已走访 ${r.visited} 户 · 措施 ${r.measures} · 办结需求 ${r.needsHandled}`
                        : `结对 ${r.households} 户 · ${meta.members} ${r.members} · 走访 ${r.visits} 次 · 清单 ${r.checklistDone}/${r.checklistTotal} · 未见 ${r.notSeen}`}
                    </View>
                  </View>
                </View>
              )}
            />
          )}
        </Loaded>
      </Card>
    </>
  );
}
