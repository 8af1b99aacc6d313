import { View } from '@tarojs/components';
import { useState } from 'react';
import { Card } from '@/components/ui';
import type { HouseholdBenefits } from '@bangfu/types/api/benefits';
import DecisionItem from './decision-item';
import GapItem from './gap-item';
import { POLICY_NAMES, yuan } from './labels';
import SummaryCard from './summary-card';
import { countOf, countText, subjectOf, summarize } from './summary';
import { chineseDate } from '@/utils/dates';
import './benefits.scss';

/** Received records grouped by year, newest first (plain views: no vant registration needed on host pages). */
function ReceivedByYear({ b }: { b: HouseholdBenefits }) {
  const years = [...new Set(b.received.map((r) => r.period.slice(0, 4)))].sort().reverse();
  if (!years.length)
    return (
      <Card title='兑现记录'>
        <View className='bf-fold'>还没有兑现记录</View>
      </Card>
    );
  const memberName = (id: string | null) => (id ? (b.members.find((m) => m.id === id)?.name ?? '') : '全家');
  return (
    <>
      {years.map((y) => (
        <Card key={y} title={`${y} 年兑现记录`}>
          {b.received
            .filter((r) => r.period.startsWith(y))
            .map((r) => (
              <View key={r._id} className='bf-record'>
                <View className='bf-record__main'>
                  <View className='bf-record__title'>
                    {POLICY_NAMES[r.policy]} · {memberName(r.memberId)}
                  </View>
                  <View className='bf-record__date'>{chineseDate(r.paidOn)} 发放</View>
                </View>
                <View className='bf-record__amount'>{yuan(r.amount)}</View>
              </View>
            ))}
        </Card>
      ))}
    </>
  );
}

/**
 * A household's benefits, top to bottom as UX.md describes 我的政策: summary, gaps in red with
 * what to do, entitled policies with reasons, what was received by year, and the policies that
 * do not apply folded away with why.
 */
export default function HouseholdBenefitsView({ b, who = '您家', callable = false }: { b: HouseholdBenefits; who?: string; callable?: boolean }) {
  const [showNa, setShowNa] = useState(false);
  const entitled = b.decisions.filter((d) => d.entitled);
  // 不适用的政策: the policies no one in the household gets; a member left out of a policy others
  // get is listed apart, so the two counts add up to the catalogue.
  const entitledPolicies = new Set(entitled.map((d) => d.policy));
  const notApplicable = b.decisions.filter((d) => !d.entitled && !entitledPolicies.has(d.policy));
  const leftOut = b.decisions.filter((d) => !d.entitled && entitledPolicies.has(d.policy));
  const gapKeys = new Set(b.gaps.map((g) => `${g.policy}|${g.memberId ?? ''}`));
  const memberId = (i: number | null) => (i === null ? '' : (b.members[i]?.id ?? ''));
  return (
    <View className='bf-benefits'>
      <SummaryCard summary={summarize(b)} who={who} />
      {b.gaps.length > 0 && (
        <Card title={`待落实（${countText(countOf(b.gaps))}）`}>
          {b.gaps.map((g, i) => (
            <GapItem key={`${g.policy}-${g.memberId}`} gap={g} plain={i > 0} {...(callable ? { contact: b.contact } : {})} />
          ))}
        </Card>
      )}
      <Card title={`可享受的政策（${countText(countOf(entitled))}）`}>
        {entitled.map((d) => (
          <DecisionItem
            key={`${d.policy}-${d.member}`}
            decision={d}
            subject={subjectOf(b, d.member)}
            status={gapKeys.has(`${d.policy}|${memberId(d.member)}`) ? 'gap' : 'received'}
          />
        ))}
      </Card>
      <ReceivedByYear b={b} />
      <Card title={`不适用的政策（${countText(countOf(notApplicable))}）`}>
        {showNa ? (
          notApplicable.map((d) => <DecisionItem key={`${d.policy}-${d.member}`} decision={d} subject={subjectOf(b, d.member)} />)
        ) : (
          <View className='bf-fold' onClick={() => setShowNa(true)}>
            点击展开，查看每项不适用的原因
          </View>
        )}
        {showNa && leftOut.length > 0 && <View className='bf-fold'>可享受的政策中，以下 {leftOut.length} 人次不适用：</View>}
        {showNa && leftOut.map((d) => <DecisionItem key={`${d.policy}-${d.member}`} decision={d} subject={subjectOf(b, d.member)} />)}
      </Card>
    </View>
  );
}
