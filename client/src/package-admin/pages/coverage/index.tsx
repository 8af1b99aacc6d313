import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { Month } from '@bangfu/types';
import type { Coverage } from '@bangfu/types/api/reports';
import { Button, Card, Empty, Loaded, Page, Tag } from '@/components/ui';
import ExportButton from '@/components/export-button';
import { CoverageBars, rate } from '@/components/reports/coverage-bars';
import { Stat } from '@/components/reports/stat';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { monthLabel, shiftMonth } from '@/utils/dates';
import { thousands } from '@/utils/format';
import './index.scss';

type Dimension = 'byTown' | 'byVillage' | 'byUnit' | 'byHelper';
const DIMENSIONS: Array<{ key: Dimension; label: string }> = [
  { key: 'byTown', label: '按乡镇' },
  { key: 'byVillage', label: '按村' },
  { key: 'byUnit', label: '按单位' },
  { key: 'byHelper', label: '按帮扶人' },
];
const SHOWN = 20;

/** 走访覆盖: a month's visit coverage by town, village, unit and helper, and who is overdue. */
export default function CoveragePage() {
  const router = useRouter();
  // No month asked: the server's current month (China time), which then bounds 下月.
  // A month in the link that is not one (a hand-edited URL) falls back to this month.
  const [month, setMonth] = useState<string | undefined>(Month.safeParse(router.params.month).success ? router.params.month : undefined);
  const [dimension, setDimension] = useState<Dimension>('byTown');
  const [shown, setShown] = useState(SHOWN);
  const report = useRequest(() => api.reports.coverage(month ? { month } : {}), [month]);
  const current = useRef<string>();
  if (!month && report.data) current.current ??= report.data.month;
  const data = !month || report.data?.month === month ? report.data : undefined;
  const shownMonth = month ?? data?.month;
  const latest = !shownMonth || !current.current || shownMonth >= current.current;
  const pick = (m: string) => { setMonth(m); setShown(SHOWN); };

  return (
    <Page wide>
      <View className='coverage__months'>
        <Button size='small' round disabled={!shownMonth} onClick={() => shownMonth && pick(shiftMonth(shownMonth, -1))}>上月</Button>
        <View className='coverage__month'>{shownMonth ? monthLabel(shownMonth) : '本月'}</View>
        <Button size='small' round disabled={latest} onClick={() => shownMonth && pick(shiftMonth(shownMonth, 1))}>下月</Button>
        <ExportButton file='走访覆盖' run={() => api.reports.exportCoverage(month ? { month } : {})} />
      </View>
      <Loaded state={{ ...report, data }} loadingText='正在统计辖区走访情况…'>
        {(data) => (
          <>
            <Summary data={data} />
            <View className='coverage__tabs'>
              {DIMENSIONS.map((d) => (
                <View key={d.key} className={d.key === dimension ? 'coverage__tab coverage__tab--on' : 'coverage__tab'} onClick={() => { setDimension(d.key); setShown(SHOWN); }}>
                  {d.label}
                </View>
              ))}
            </View>
            <Card title={`${DIMENSIONS.find((d) => d.key === dimension)!.label}（覆盖率低的在前）`} extra={`共 ${thousands(data[dimension].length)} 项`}>
              {data[dimension].length ? (
                <CoverageBars rows={data[dimension].slice(0, shown)} />
              ) : (
                <Empty description='这个月还没有结对的帮扶户' />
              )}
              {data[dimension].length > shown && (
                <View className='coverage__more'>
                  <Button size='small' round onClick={() => setShown(shown + SHOWN * 2)}>再显示 {Math.min(SHOWN * 2, data[dimension].length - shown)} 项</Button>
                </View>
              )}
            </Card>
            <Overdue data={data} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

function Summary({ data }: { data: Coverage }) {
  return (
    <View className='coverage__summary'>
      <Stat label='已走访 / 结对户' value={data.visited} unit={`/ ${thousands(data.paired)} 户`} note={`覆盖率 ${rate(data.visited, data.paired)}`} />
      <Stat label='逾期未走访' value={data.overdue.total} unit='户' note='本月和上月都没有走访' tone={data.overdue.total ? 'danger' : undefined} />
    </View>
  );
}

function Overdue({ data }: { data: Coverage }) {
  const open = (householdId: string) => void navigate('householdDetail', { id: householdId });
  const { total, items } = data.overdue;
  return (
    <Card title='逾期未走访的户' extra={total > items.length ? `共 ${thousands(total)} 户，先列出 ${items.length} 户` : `共 ${thousands(total)} 户`}>
      {items.length ? (
        items.map((o) => (
          <View key={o.householdId} className='coverage__overdue' onClick={() => open(o.householdId)}>
            <View className='coverage__overdue-main'>
              <View className='coverage__overdue-name'>{o.headName}户</View>
              <View className='coverage__overdue-village'>{o.villageName}</View>
            </View>
            <View className='coverage__overdue-side'>
              <Tag status='alert'>逾期</Tag>
              <View className='coverage__overdue-helper'>{o.helperName ? `主帮扶人 ${o.helperName}` : '尚无主帮扶人'}</View>
            </View>
          </View>
        ))
      ) : (
        <Empty description='没有逾期的户：每户在本月或上月都走访过' />
      )}
    </Card>
  );
}
