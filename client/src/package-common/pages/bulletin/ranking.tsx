import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Bulletin, BulletinBand, BulletinRow } from '@bangfu/types/api/reports';
import { Card, Empty, Loaded, Table, Tag } from '@/components/ui';
import type { StatusMeaning } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { pct, signed } from '@/utils/format';

const BAND: Record<BulletinBand, { label: string; status: StatusMeaning }> = {
  green: { label: '绿', status: 'done' },
  yellow: { label: '黄', status: 'due' },
  red: { label: '红', status: 'alert' },
};

type Dimension = 'byTown' | 'byUnit' | 'byVillage' | 'byHelper';
const DIMENSIONS: Array<{ key: Dimension; label: string }> = [
  { key: 'byTown', label: '乡镇' },
  { key: 'byUnit', label: '单位' },
  { key: 'byVillage', label: '村' },
  { key: 'byHelper', label: '帮扶人' },
];

/** The ranking by town, unit, village or helper with its bands; drill-down town → villages → households not visited (admins). */
export default function Ranking({ b, drill }: { b: Bulletin; drill: boolean }) {
  const [dimension, setDimension] = useState<Dimension>('byTown');
  const [town, setTown] = useState<BulletinRow | null>(null);
  const [village, setVillage] = useState<BulletinRow | null>(null);
  const rows = dimension === 'byVillage' && town ? b.byVillage.filter((v) => v.note === town.name) : b[dimension];
  const open = (r: BulletinRow) => {
    if (dimension === 'byTown') {
      setTown(r);
      setDimension('byVillage');
      setVillage(null);
    } else if (dimension === 'byVillage' && drill) setVillage(r);
  };
  const title = dimension === 'byVillage' && town ? `${town.name}各村排名` : `${DIMENSIONS.find((d) => d.key === dimension)!.label}排名`;
  return (
    <>
      <View className='bulletin__tabs'>
        {DIMENSIONS.map((d) => (
          <View
            key={d.key}
            className={d.key === dimension ? 'bulletin__tab bulletin__tab--on' : 'bulletin__tab'}
            onClick={() => {
              setDimension(d.key);
              setTown(null);
              setVillage(null);
            }}
          >
            {d.label}
          </View>
        ))}
      </View>
      <Card title={title} extra={dimension === 'byTown' ? '点乡镇看各村' : dimension === 'byVillage' && drill ? '点村看未走访户' : `共 ${rows.length} 项`}>
        {town && dimension === 'byVillage' && (
          <View
            className='bulletin__crumb'
            onClick={() => {
              setTown(null);
              setDimension('byTown');
              setVillage(null);
            }}
          >
            ‹ 返回乡镇排名
          </View>
        )}
        {rows.length ? (
          <Table
            rows={rows}
            rowKey={(r) => r.id}
            caption={title}
            onOpen={dimension === 'byTown' || (dimension === 'byVillage' && drill) ? open : undefined}
            columns={[
              { title: '排名', cell: (r) => r.rank, numeric: true },
              { title: '名称', cell: (r) => (r.note && dimension !== 'byVillage' ? `${r.name}（${r.note}）` : r.name) },
              { title: '等级', cell: (r) => <Band r={r} /> },
              { title: '得分', cell: (r) => r.score.toFixed(1), numeric: true },
              { title: '较上月', cell: (r) => (r.prev ? signed(r.score - r.prev.score) : '—'), numeric: true },
              { title: '走访覆盖', cell: (r) => `${r.visited}/${r.paired}（${pct(r.coverage)}）`, numeric: true },
              { title: '需求按时', cell: (r) => `${r.needsInTime}/${r.needsReported}`, numeric: true },
              { title: '逾期需求', cell: (r) => r.needsOverdue, numeric: true },
              { title: '应享未享', cell: (r) => r.gapsOpen, numeric: true },
              { title: '整改逾期', cell: (r) => r.findingsOverdue, numeric: true },
            ]}
            phoneRow={(r) => (
              <View className='bulletin__row' onClick={() => open(r)}>
                <View className='bulletin__row-rank'>{r.rank}</View>
                <View className='bulletin__row-main'>
                  <View className='bulletin__row-name'>
                    {r.name}
                    {r.note && dimension !== 'byVillage' ? <View className='bulletin__row-note'>{r.note}</View> : null}
                  </View>
                  <View className='bulletin__row-figures'>
                    覆盖 {pct(r.coverage)} · 逾期需求 {r.needsOverdue} · 应享未享 {r.gapsOpen} · 整改逾期 {r.findingsOverdue}
                  </View>
                </View>
                <View className='bulletin__row-side'>
                  <View className='bulletin__row-score'>{r.score.toFixed(1)}</View>
                  <Band r={r} />
                </View>
              </View>
            )}
          />
        ) : (
          <Empty description='没有可排名的项' />
        )}
      </Card>
      {village && <Unvisited month={b.month} village={village} onBack={() => setVillage(null)} />}
    </>
  );
}

function Band({ r }: { r: BulletinRow }) {
  return (
    <View className='bulletin__band'>
      <Tag status={BAND[r.band].status}>{BAND[r.band].label}</Tag>
      {r.lastTwice && (
        <Tag status='alert' plain>
          连续两月末位
        </Tag>
      )}
    </View>
  );
}

/** The drill-down's last step: the village's households not visited that month; each opens its detail. */
function Unvisited({ month, village, onBack }: { month: string; village: BulletinRow; onBack: () => void }) {
  const list = useRequest(() => api.reports.bulletinHouseholds({ month, villageId: village.id }), [month, village.id]);
  return (
    <Card title={`${village.name}当月未走访的户`} extra='按当前数据，点户看详情'>
      <View className='bulletin__crumb' onClick={onBack}>
        ‹ 收起，返回{village.note ?? ''}各村排名
      </View>
      <Loaded
        state={list}
        loadingText='正在查找未走访的户…'
        isEmpty={(d) => d.items.length === 0}
        empty={<Empty description='这个村月末结对的户当月都走访过' />}
      >
        {(data) =>
          data.items.map((h) => (
            <View key={h.householdId} className='bulletin__household' onClick={() => void navigate('householdDetail', { id: h.householdId })}>
              <View className='bulletin__household-name'>{h.headName}户</View>
              <View className='bulletin__household-helper'>{h.helperName ? `主帮扶人 ${h.helperName}` : '未结对主帮扶人'} ›</View>
            </View>
          ))
        }
      </Loaded>
    </Card>
  );
}
