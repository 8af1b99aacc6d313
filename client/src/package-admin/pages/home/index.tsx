import { View } from '@tarojs/components';
import { HOUSEHOLD_STATUS_LABELS, POVERTY_CAUSE_LABELS } from '@bangfu/types';
import type { Coverage, Dashboard } from '@bangfu/types/api/reports';
import { Button, Card, Empty, Loaded, Page } from '@/components/ui';
import { CoverageBars, rate } from '@/components/reports/coverage-bars';
import { Stat } from '@/components/reports/stat';
import { useRequest } from '@/hooks/use-request';
import { currentUser } from '@/services/auth';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { monthLabel } from '@/utils/dates';
import { thousands } from '@/utils/format';
import FindingsEntry from './findings-entry';
import MonitoringEntry from './monitoring-entry';
import './index.scss';

/** 工作台: the admin's region at a glance, from `reports.dashboard`. */
export default function AdminHome() {
  const board = useRequest(() => api.reports.dashboard());
  const data = board.data;
  const regionName = data?.regionName ?? currentUser()?.scope?.regionName;

  return (
    <Page tabBar={{ role: 'admin', active: 'home' }} wide>
      <View className='admin__head'>
        <View className='admin__title'>工作台</View>
        {regionName && <View className='admin__region'>{regionName}</View>}
      </View>
      <FindingsEntry />
      <MonitoringEntry />
      {currentUser()?.scope?.level === 'county' && (
        // 意见建议 go to the county office only (a complaint may be about a town or village).
        <Card title='意见建议' extra='群众和帮扶人写给县扶贫办'>
          <Button size='small' round onClick={() => void navigate('adminFeedback')}>
            查看并答复
          </Button>
        </Card>
      )}
      <Loaded state={board}>{(data) => <DashboardView data={data} />}</Loaded>
    </Page>
  );
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

function DashboardView({ data }: { data: Dashboard }) {
  // The server's month (China time), not the browser's clock.
  const month = monthLabel(data.coverage.month);
  const statuses = data.byStatus.filter((s) => s.count > 0).sort((a, b) => b.count - a.count);
  const max = Math.max(1, ...statuses.map((s) => s.count));
  return (
    <>
      <View className='admin__stats'>
        <Stat label='建档户数' value={data.households} unit='户' />
        <Stat label='建档人口' value={data.people} unit='人' />
        <Stat label='帮扶责任人' value={data.helpers} unit='人' />
        <Stat label={`${month}已走访`} value={data.visitedThisMonth} unit='户' note={`占全部户的 ${percent(data.visitedThisMonth, data.households)}`} />
        <Stat
          label='待处理需求'
          value={data.openNeeds}
          unit='件'
          tone={data.openNeeds > 0 ? 'warning' : undefined}
          note={data.openNeeds > 0 ? '请及时处理' : '暂无待处理'}
        />
      </View>
      <View className='admin__coverage-more'>
        <Button size='small' type='primary' round onClick={() => void navigate('bulletin')}>
          月度通报（上月排名与短板）
        </Button>
        <Button size='small' round onClick={() => void navigate('adminFindings')}>
          督查整改
        </Button>
        <Button size='small' round onClick={() => void navigate('adminWarnings')}>
          监测预警
        </Button>
      </View>
      <CoverageCard coverage={data.coverage} />
      <Card title='按户状态' extra={`共 ${thousands(data.households)} 户`}>
        {statuses.length === 0 ? (
          <Empty description='辖区内还没有登记的家庭。' />
        ) : (
          statuses.map((s) => (
            <View key={s.status} className='admin__bar'>
              <View className='admin__bar-line'>
                <View className='admin__bar-label'>{HOUSEHOLD_STATUS_LABELS[s.status]}</View>
                <View className='admin__bar-value'>
                  {thousands(s.count)} 户<View className='admin__bar-pct'>{percent(s.count, data.households)}</View>
                </View>
              </View>
              <View className='admin__bar-track'>
                <View className='admin__bar-fill' style={{ width: `${(s.count / max) * 100}%` }} />
              </View>
            </View>
          ))
        )}
      </Card>
      <Counts
        title='按致贫原因'
        extra='一户多因时各计一次'
        rows={data.byCause.map((c) => ({ key: c.cause, label: POVERTY_CAUSE_LABELS[c.cause], count: c.count }))}
        total={data.households}
      />
      {data.byVillage.length > 1 && (
        <Counts
          title='按村'
          extra={`${data.byVillage.length} 个村`}
          rows={[...data.byVillage]
            .sort((a, b) => b.count - a.count)
            .slice(0, 12)
            .map((v) => ({ key: v.id, label: `${v.name}（${v.townName}）`, count: v.count }))}
          total={data.households}
        />
      )}
    </>
  );
}

/** Households per group as bars (the status card's look). */
function Counts({ title, extra, rows, total }: { title: string; extra: string; rows: Array<{ key: string; label: string; count: number }>; total: number }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Card title={title} extra={extra}>
      {rows.length === 0 ? (
        <Empty description='辖区内还没有登记的家庭。' />
      ) : (
        rows.map((r) => (
          <View key={r.key} className='admin__bar'>
            <View className='admin__bar-line'>
              <View className='admin__bar-label'>{r.label}</View>
              <View className='admin__bar-value'>
                {thousands(r.count)} 户<View className='admin__bar-pct'>{percent(r.count, total)}</View>
              </View>
            </View>
            <View className='admin__bar-track'>
              <View className='admin__bar-fill' style={{ width: `${(r.count / max) * 100}%` }} />
            </View>
          </View>
        ))
      )}
    </Card>
  );
}

const COVERAGE_ROWS = 8;

/** This month's 走访覆盖: the region's rate, who is overdue, and its towns (or villages, or helpers) lowest first. */
function CoverageCard({ coverage }: { coverage: Coverage }) {
  const [label, rows] =
    coverage.byTown.length > 1 ? ['各乡镇', coverage.byTown] : coverage.byVillage.length > 1 ? ['各村', coverage.byVillage] : ['各帮扶人', coverage.byHelper];
  return (
    <Card title='本月走访覆盖' extra={`覆盖率 ${rate(coverage.visited, coverage.paired)}`}>
      <View className='admin__coverage-line'>
        已走访 {thousands(coverage.visited)} / {thousands(coverage.paired)} 户
        {coverage.overdue.total > 0 ? (
          <View className='admin__coverage-overdue'>逾期未走访 {thousands(coverage.overdue.total)} 户</View>
        ) : (
          <View className='admin__coverage-ok'>没有逾期户</View>
        )}
      </View>
      {rows.length > 0 && <View className='admin__coverage-sub'>{label}（覆盖率低的在前）</View>}
      <CoverageBars rows={rows.slice(0, COVERAGE_ROWS)} />
      <View className='admin__coverage-more'>
        <Button size='small' round onClick={() => void navigate('visitCoverage')}>
          按村、单位、帮扶人查看与逾期名单
        </Button>
      </View>
    </Card>
  );
}
