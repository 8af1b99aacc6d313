import { View } from '@tarojs/components';
import { useState } from 'react';
import type { ConfirmationIssue, ConfirmationRateRow, ConfirmationReport } from '@bangfu/types/api/visits';
import { Button, Card, Empty, Loaded, Page, Table, Tag } from '@/components/ui';
import { Stat } from '@/components/reports/stat';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { chinaToday, chineseDate, monthLabel, shiftMonth } from '@/utils/dates';
import { thousands } from '@/utils/format';
import './index.scss';

type Dimension = 'byTown' | 'byUnit' | 'byHelper';
const DIMENSIONS: Array<{ key: Dimension; label: string }> = [
  { key: 'byTown', label: '按乡镇' },
  { key: 'byUnit', label: '按单位' },
  { key: 'byHelper', label: '按帮扶人' },
];

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

const RATE_COLUMNS = [
  { title: '名称', cell: (r: ConfirmationRateRow) => r.name },
  { title: '走访', cell: (r: ConfirmationRateRow) => thousands(r.visits), numeric: true },
  { title: '户已确认', cell: (r: ConfirmationRateRow) => thousands(r.confirmed), numeric: true },
  { title: '户称未来', cell: (r: ConfirmationRateRow) => thousands(r.denied), numeric: true },
  { title: '逾期未确认', cell: (r: ConfirmationRateRow) => thousands(r.unconfirmed), numeric: true },
  { title: '待确认', cell: (r: ConfirmationRateRow) => thousands(r.pending), numeric: true },
  { title: '确认率', cell: (r: ConfirmationRateRow) => percent(r.rate), numeric: true },
];

const STATE_TAG = { denied: <Tag status='alert'>户称未来</Tag>, unconfirmed: <Tag status='none'>逾期未确认</Tag> };

const ISSUE_COLUMNS = [
  { title: '走访日期', cell: (i: ConfirmationIssue) => chineseDate(i.visitedAt) },
  { title: '户主', cell: (i: ConfirmationIssue) => i.headName },
  { title: '走访人', cell: (i: ConfirmationIssue) => i.helperName },
  { title: '情况', cell: (i: ConfirmationIssue) => STATE_TAG[i.state] },
  { title: '户的理由', cell: (i: ConfirmationIssue) => i.reason || '—' },
];

function RateRow({ r }: { r: ConfirmationRateRow }) {
  return (
    <View className='vconf__row'>
      <View className='vconf__row-main'>
        <View className='vconf__row-name'>{r.name}</View>
        <View className='vconf__row-detail'>
          走访 {thousands(r.visits)} 次 · 已确认 {thousands(r.confirmed)} · 称未来 {thousands(r.denied)} · 逾期未确认 {thousands(r.unconfirmed)} · 待确认{' '}
          {thousands(r.pending)}
        </View>
      </View>
      <View className='vconf__row-name'>{percent(r.rate)}</View>
    </View>
  );
}

function IssueRow({ i }: { i: ConfirmationIssue }) {
  return (
    <View className='vconf__row'>
      <View className='vconf__row-main'>
        <View className='vconf__row-name'>
          {i.headName}户 · {chineseDate(i.visitedAt)}
        </View>
        <View className='vconf__row-detail'>
          走访人：{i.helperName}
          {i.reason ? ` · 理由：${i.reason}` : ''}
        </View>
      </View>
      {STATE_TAG[i.state]}
    </View>
  );
}

function Summary({ data }: { data: ConfirmationReport }) {
  const t = data.total;
  return (
    <View className='vconf__summary'>
      <Stat label='走访确认率' value={t.rate === null ? 0 : Math.round(t.rate * 100)} unit='%' note={`已确认 ${thousands(t.confirmed)} 次`} />
      <Stat label='户称没有来过' value={t.denied} unit='次' tone={t.denied ? 'danger' : undefined} />
      <Stat label='逾期未确认' value={t.unconfirmed} unit='次' note='3 天内户未作答' />
      <Stat label='待确认' value={t.pending} unit='次' tone={t.pending ? 'warning' : undefined} note='还在 3 天内' />
    </View>
  );
}

/**
 * 走访确认: how the households answered for a month's visits in the admin's region — the rate by
 * town, unit and helper, and the visits denied or left unanswered, to look into (not a ranking:
 * rows go by name, the list by date).
 */
export default function VisitConfirmationsPage() {
  const [month, setMonth] = useState(chinaToday().slice(0, 7));
  const [dimension, setDimension] = useState<Dimension>('byTown');
  const report = useRequest(() => api.visits.confirmations({ month }), [month]);
  const dim = DIMENSIONS.find((d) => d.key === dimension)!;
  return (
    <Page wide>
      <View className='vconf__months'>
        <Button size='small' round onClick={() => setMonth(shiftMonth(month, -1))}>
          上月
        </Button>
        <View className='vconf__month'>{monthLabel(month)}</View>
        <Button size='small' round disabled={month >= chinaToday().slice(0, 7)} onClick={() => setMonth(shiftMonth(month, 1))}>
          下月
        </Button>
      </View>
      <View className='vconf__note'>
        帮扶户在走访后 3 天内确认“来过”或“没有来过”。确认率 = 户已确认 ÷（已作答 + 逾期未确认），还在 3 天内的不计入。用于核查，不作排名。
      </View>
      <Loaded state={report} loadingText='正在统计走访确认情况…'>
        {(data) =>
          data.total.visits === 0 ? (
            <Empty description={`${monthLabel(data.month)}辖区内还没有走访记录`} />
          ) : (
            <>
              <Summary data={data} />
              <View className='vconf__tabs'>
                {DIMENSIONS.map((d) => (
                  <View key={d.key} className={d.key === dimension ? 'vconf__tab vconf__tab--on' : 'vconf__tab'} onClick={() => setDimension(d.key)}>
                    {d.label}
                  </View>
                ))}
              </View>
              <Card title={`确认率${dim.label}`} extra={`共 ${thousands(data[dimension].length)} 项`}>
                <Table rows={data[dimension]} rowKey={(r) => r.id} columns={RATE_COLUMNS} phoneRow={(r) => <RateRow r={r} />} />
              </Card>
              <Card
                title='户称没有来过、逾期未确认的走访'
                extra={`共 ${thousands(data.issuesTotal)} 次${data.issuesTotal > data.issues.length ? `，显示前 ${data.issues.length} 次` : ''}`}
              >
                {data.issues.length ? (
                  <Table
                    rows={data.issues}
                    rowKey={(i) => i.visitId}
                    columns={ISSUE_COLUMNS}
                    phoneRow={(i) => <IssueRow i={i} />}
                    onOpen={(i) => void navigate('householdDetail', { id: i.householdId })}
                  />
                ) : (
                  <Empty description='没有户称没有来过或逾期未确认的走访' />
                )}
              </Card>
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
