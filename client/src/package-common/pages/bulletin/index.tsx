import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Month } from '@bangfu/types';
import type { Bulletin } from '@bangfu/types/api/reports';
import { Button, Card, Empty, Loaded, Page, Tag } from '@/components/ui';
import ExportButton from '@/components/export-button';
import { CoverageBars } from '@/components/reports/coverage-bars';
import { ShareLine } from '@/components/reports/share-line';
import { Stat } from '@/components/reports/stat';
import { useRequest } from '@/hooks/use-request';
import { knownUser } from '@/services/auth';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { chinaToday, fullTime, monthLabel, shiftMonth } from '@/utils/dates';
import { signed, thousands } from '@/utils/format';
import Ledgers from './ledgers';
import Ranking from './ranking';
import './index.scss';

/**
 * 月度通报 (SPEC §6): an admin's month (live until published, then frozen), or a published
 * bulletin opened from its notice (`id`). Coverage by town as bars, six months of coverage as a
 * line, the ranking with its bands, 亮点/短板; drill-down town → villages → households not visited.
 */
export default function BulletinPage() {
  const router = useRouter();
  const id = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const lastMonth = shiftMonth(chinaToday().slice(0, 7), -1);
  const [month, setMonth] = useState(Month.safeParse(router.params.month).success ? router.params.month! : lastMonth);
  const [version, setVersion] = useState(0);
  const me = useRequest(knownUser);
  const report = useRequest(() => (id ? api.reports.publishedBulletin({ id }) : api.reports.monthlyBulletin({ month })), [id, month, version]);
  const admin = me.data?.role === 'admin' && !id;
  const current = chinaToday().slice(0, 7);

  return (
    <Page wide>
      {!id && (
        <View className='bulletin__months'>
          <Button size='small' round onClick={() => setMonth(shiftMonth(month, -1))}>
            上月
          </Button>
          <View className='bulletin__month'>{monthLabel(month)}</View>
          <Button size='small' round disabled={month >= current} onClick={() => setMonth(shiftMonth(month, 1))}>
            下月
          </Button>
        </View>
      )}
      <Loaded state={report} loadingText='正在汇总本月帮扶成效…'>
        {(b) => (
          <>
            <Header b={b} />
            {admin && <Actions b={b} onPublished={() => setVersion(version + 1)} />}
            <Summary b={b} />
            <Card title='各乡镇走访覆盖率' extra='月末结对户中当月走访过的'>
              {b.byTown.length ? (
                <CoverageBars rows={[...b.byTown].sort((x, y) => x.coverage - y.coverage)} />
              ) : (
                <Empty description='这个月还没有结对的帮扶户' />
              )}
            </Card>
            <Trend b={b} />
            <Sentences b={b} />
            <Ranking b={b} drill={admin} />
            {admin && <Ledgers month={b.month} />}
          </>
        )}
      </Loaded>
    </Page>
  );
}

function Header({ b }: { b: Bulletin }) {
  return (
    <View className='bulletin__head'>
      <View className='bulletin__title'>
        {b.regionName} {monthLabel(b.month)}帮扶工作月度通报
      </View>
      {b.frozen ? <Tag status='done'>已发布 · {fullTime(b.frozenAt!)} 定稿</Tag> : <Tag status='due'>实时数据 · 发布后定稿</Tag>}
      <View className='bulletin__rule'>只统计帮扶成效（走访、需求、应享未享、整改、满意度），不以登录、在线时长、通知阅读或照片数量排名。</View>
    </View>
  );
}

function Actions({ b, onPublished }: { b: Bulletin; onPublished: () => void }) {
  const [roles, setRoles] = useState<Array<'helper' | 'admin'>>(['helper', 'admin']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const toggle = (r: 'helper' | 'admin') => setRoles(roles.includes(r) ? roles.filter((x) => x !== r) : [...roles, r]);
  const publish = async () => {
    const who = roles.map((r) => (r === 'helper' ? '帮扶干部' : '各级管理员')).join('、');
    const { confirm } = await Taro.showModal({
      title: '发布月度通报',
      content: `发布后${monthLabel(b.month)}的数据将定稿，之后补录的走访等不再改变这期通报，且不能重复发布。将通知${who}，通知只含链接，不附名单。确认发布吗？`,
      confirmText: '发布',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    setError('');
    try {
      await api.reports.publishBulletin({ month: b.month, audience: { roles } });
      void Taro.showToast({ title: '已发布并通知', icon: 'success' });
      onPublished();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='bulletin__actions'>
      <ExportButton file={`月度通报-${b.month}`} run={() => api.reports.exportBulletin({ month: b.month })} />
      {!b.frozen && (
        <View className='bulletin__publish'>
          <View className='bulletin__audience'>
            通知：
            {(['helper', 'admin'] as const).map((r) => (
              <View key={r} className={roles.includes(r) ? 'bulletin__chip bulletin__chip--on' : 'bulletin__chip'} onClick={() => toggle(r)}>
                {r === 'helper' ? '帮扶干部' : '各级管理员'}
              </View>
            ))}
          </View>
          <Button type='primary' size='small' round loading={busy} disabled={busy || !roles.length} onClick={publish}>
            {busy ? '正在定稿发布…' : '发布通报'}
          </Button>
        </View>
      )}
      {error && <View className='bulletin__error'>{error}</View>}
    </View>
  );
}

function Summary({ b }: { b: Bulletin }) {
  const t = b.totals;
  const p = b.prevTotals;
  return (
    <View className='bulletin__summary'>
      <Stat
        label='走访覆盖率'
        value={Math.round(t.coverage * 1000) / 10}
        unit='%'
        note={`${thousands(t.visited)}/${thousands(t.paired)} 户，较上月 ${signed((t.coverage - p.coverage) * 100)} 个百分点`}
      />
      <Stat label='综合得分' value={t.score} unit='分' note={`上月 ${p.score.toFixed(1)}（${signed(t.score - p.score)}）`} />
      <Stat
        label='需求按时受理'
        value={t.needsInTime}
        unit={`/ ${t.needsReported} 件`}
        note={`月末逾期未办 ${t.needsOverdue} 件（上月 ${p.needsOverdue}）`}
        tone={t.needsOverdue ? 'danger' : undefined}
      />
      <Stat
        label='应享未享未解决'
        value={t.gapsOpen}
        unit='项'
        note={`当月解决 ${t.gapsClosed} 项（上月末 ${p.gapsOpen} 项）`}
        tone={t.gapsOpen ? 'danger' : undefined}
      />
      <Stat
        label='整改按期销号'
        value={t.findingsOnTime}
        unit={`/ ${t.findingsClosed} 个`}
        note={`新发现 ${t.findingsOpened} 个，逾期 ${t.findingsOverdue} 个`}
        tone={t.findingsOverdue ? 'danger' : undefined}
      />
      <Stat
        label='满意度评价（需求办结后）'
        value={t.ratingCount}
        unit='条'
        note={t.ratingMean !== null ? `平均 ${t.ratingMean.toFixed(2)} 分（满分 5 分）` : '本月暂无评价'}
      />
    </View>
  );
}

/** Six months of coverage as a line; a month already published shows its frozen figures and says so. */
function Trend({ b }: { b: Bulletin }) {
  const shown = b.trend.filter((t) => t.paired > 0);
  return (
    <Card title='近 6 个月走访覆盖率' extra='已发布的月份按发布时的数据'>
      {shown.length ? (
        <ShareLine
          caption='近 6 个月走访覆盖率'
          points={b.trend.map((t) => ({
            label: `${Number(t.month.slice(5))}月`,
            value: t.paired > 0 ? t.coverage : null,
            note: t.frozen ? '已发布' : undefined,
          }))}
        />
      ) : (
        <Empty description='近 6 个月还没有结对的帮扶户' />
      )}
    </Card>
  );
}

function Sentences({ b }: { b: Bulletin }) {
  return (
    <Card title='亮点与短板'>
      {b.highlights.map((s) => (
        <View key={s} className='bulletin__sentence bulletin__sentence--good'>
          {s}
        </View>
      ))}
      {b.weaknesses.map((s) => (
        <View key={s} className='bulletin__sentence bulletin__sentence--weak'>
          {s}
        </View>
      ))}
      {!b.highlights.length && !b.weaknesses.length && <Empty description='本月没有可排名的乡镇或单位' />}
    </Card>
  );
}
