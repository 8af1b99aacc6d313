import { View } from '@tarojs/components';
import { OCCASION_LABELS, type PolicyCode } from '@bangfu/types';
import type { VisitView } from '@bangfu/types/api/visits';
import { confirmOpen } from '@bangfu/types/visit-dates';
import { Empty, Loaded, Tag } from '@/components/ui';
import PhotoStrip from '@/components/needs/photo-strip';
import { POLICY_NAMES } from '@/components/benefits/labels';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { chineseDate } from '@/utils/dates';
import '@/components/needs/needs.scss';
import './household-sections.scss';

const PAGE = 20;

/** A policy explained, by its catalogue name; visits stored before codes hold the name itself. */
const policyName = (code: string) => POLICY_NAMES[code as PolicyCode] ?? code;

/** 走访确认 as the household answered: 户已确认 / 户称未来 (with its reason) / 待户确认 within the window, else 户未确认. */
function ConfirmationTag({ v }: { v: VisitView }) {
  const c = v.confirmation;
  if (c) return <Tag status={c.happened ? 'done' : 'alert'}>{c.happened ? '户已确认' : `户称未来${c.reason ? `：${c.reason}` : ''}`}</Tag>;
  return confirmOpen(v.visitedAt, new Date()) === 'closed' ? <Tag status='none'>户未确认</Tag> : <Tag status='due'>待户确认</Tag>;
}

/** One visit as it was recorded: who came, what was done and said, the photos and the fix's accuracy. */
function VisitItem({ v }: { v: VisitView }) {
  return (
    <View className='hh-section__item hh-visit'>
      <View className='hh-section__line'>
        <View className='hh-section__name'>
          {chineseDate(v.visitedAt)} · {OCCASION_LABELS[v.occasion]}
        </View>
        {v.location && (
          <Tag type='primary' plain>
            已定位 · 约 {v.location.accuracy} 米
          </Tag>
        )}
      </View>
      <View className='hh-section__line'>
        <ConfirmationTag v={v} />
      </View>
      <View className='hh-section__detail'>走访人：{v.helperName ?? '—'}</View>
      {v.notes && <View className='hh-visit__notes'>{v.notes}</View>}
      {v.measures.length > 0 && <View className='hh-section__detail'>帮扶措施：{v.measures.join('、')}</View>}
      {v.policiesExplained.length > 0 && <View className='hh-section__detail'>宣讲政策：{v.policiesExplained.map(policyName).join('、')}</View>}
      {v.checklist.length > 0 && <View className='hh-section__detail'>服务清单：{v.checklist.join('、')}</View>}
      <PhotoStrip photos={v.photos} />
    </View>
  );
}

/** 走访记录: every visit of this household with what was recorded, newest first. */
export default function VisitsSection({ householdId }: { householdId: string }) {
  const list = useRequest(() => api.visits.listByHousehold({ householdId, limit: PAGE, offset: 0 }), [householdId]);
  return (
    <View className='hh-section'>
      <View className='hh-section__title'>走访记录{list.data ? ` · 共 ${list.data.total} 次` : ''}</View>
      <Loaded state={list} empty={<Empty description='还没有走访记录' />} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <>
            {d.items.map((v) => (
              <VisitItem key={v._id} v={v} />
            ))}
            {d.total > d.items.length && <View className='hh-section__detail'>显示最近 {d.items.length} 次</View>}
          </>
        )}
      </Loaded>
    </View>
  );
}
