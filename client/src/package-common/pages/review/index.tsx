import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ReviewItemView, ReviewRoundView } from '@bangfu/types';
import { REVIEW_OUTCOME_LABELS } from '@bangfu/types';
import { Button, Card, Empty, Field, Loaded, Page, Tag } from '@/components/ui';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { knownUser } from '@/services/auth';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { navigate } from '@/services/routes';
import { chineseDate } from '@/utils/dates';
import { thousands } from '@/utils/format';
import { markWorked } from './mark';
import './index.scss';

const PAGE = 50;

/**
 * 回头看: without an id, the rounds of the caller's region (admins draw a new one here); with one,
 * the round's households in the caller's part of it, to re-check by a visit or a finding.
 */
export default function ReviewPage() {
  const id = useRouter().params.id;
  return <Page wide>{id ? <Round roundId={id} /> : <Rounds />}</Page>;
}

function Rounds() {
  const me = useRequest(knownUser);
  const rounds = useRequest(() => api.findings.rounds({ limit: 50 }));
  useReloadOnShow(rounds.reload);
  const admin = me.data?.role === 'admin';
  return (
    <>
      <View className='review__title'>回头看</View>
      {admin && <DrawForm onDrawn={(r) => void navigate('review', { id: r._id })} />}
      <Loaded state={rounds} empty={<Empty description={admin ? '还没有抽取过回头看。填好每村户数后点「抽取」。' : '辖区还没有回头看任务。'} />}>
        {({ items }) => (
          <Card title='抽取轮次' extra={`共 ${items.length} 轮`}>
            {items.map((r) => (
              <RoundRow key={r._id} round={r} />
            ))}
          </Card>
        )}
      </Loaded>
    </>
  );
}

function RoundRow({ round }: { round: ReviewRoundView }) {
  return (
    <View className='review__round' onClick={() => void navigate('review', { id: round._id })}>
      <View className='review__round-name'>{round.title}</View>
      <View className='review__round-meta'>
        {chineseDate(round.createdAt)} · {round.createdByName} 抽取 · {thousands(round.villages)} 个村 {thousands(round.households)} 户 · 已复核{' '}
        {thousands(round.done)} 户
      </View>
    </View>
  );
}

/** 抽取: per village, how many registered and non-registered households. */
function DrawForm({ onDrawn }: { onDrawn: (round: ReviewRoundView) => void }) {
  const [perVillage, setPerVillage] = useState('20');
  const [nonRegistered, setNonRegistered] = useState('5');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const draw = async () => {
    const per = Number(perVillage);
    const non = Number(nonRegistered);
    const problems: Record<string, string> = {};
    if (!Number.isInteger(per) || per < 1 || per > 100) problems.perVillage = '请填写 1–100 的整数';
    if (!Number.isInteger(non) || non < 0 || non > 20) problems.nonRegistered = '请填写 0–20 的整数';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const ok = await Taro.showModal({
      title: '抽取回头看',
      content: `每村随机抽取 ${per} 户建档立卡户和 ${non} 户非建档立卡户，已抽过的户本轮不再重复。确定抽取吗？`,
    });
    if (!ok.confirm) return;
    setBusy(true);
    try {
      const round = await api.findings.sample({ perVillage: per, nonRegistered: non });
      void Taro.showToast({ title: `已抽取 ${round.households} 户`, icon: 'success' });
      onDrawn(round);
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title='抽取新一轮'>
      <Field label='每村建档立卡户' type='number' value={perVillage} onChange={setPerVillage} error={errors.perVillage} name='perVillage' />
      <Field label='每村非建档立卡户' type='number' value={nonRegistered} onChange={setNonRegistered} error={errors.nonRegistered} name='nonRegistered' />
      <View className='review__hint'>每村随机抽取；以前各轮抽过的户，要等全村都抽过一遍后才会再被抽到。</View>
      <Button type='primary' block loading={busy} onClick={() => void draw()}>
        抽取
      </Button>
    </Card>
  );
}

function Round({ roundId }: { roundId: string }) {
  const [pending, setPending] = useState(false);
  const [offset, setOffset] = useState(0);
  const me = useRequest(knownUser);
  const list = useRequest(() => api.findings.roundItems({ roundId, pending, limit: PAGE, offset }), [roundId, pending, offset]);
  useReloadOnShow(list.reload);
  return (
    <Loaded state={list}>
      {({ round, items, total }) => (
        <>
          <View className='review__title'>{round.title}</View>
          <View className='review__meta'>
            {chineseDate(round.createdAt)} {round.createdByName} 抽取 · {thousands(round.villages)} 个村 {thousands(round.households)} 户 · 已复核{' '}
            {thousands(round.done)} 户
          </View>
          <View className='review__chips'>
            <View
              className={pending ? 'review__chip' : 'review__chip review__chip--on'}
              onClick={() => {
                setPending(false);
                setOffset(0);
              }}
            >
              全部
            </View>
            <View
              className={pending ? 'review__chip review__chip--on' : 'review__chip'}
              onClick={() => {
                setPending(true);
                setOffset(0);
              }}
            >
              未复核
            </View>
          </View>
          {items.length === 0 ? (
            <Empty description={pending ? '本轮您负责的户都已复核。' : '本轮没有您负责的户。'} />
          ) : (
            <Card title={`需复核的户（共 ${thousands(total)} 户）`}>
              {items.map((item) => (
                <ItemRow key={item._id} item={item} round={round} admin={me.data?.role === 'admin'} onDone={list.reload} />
              ))}
            </Card>
          )}
          {total > PAGE && (
            <View className='review__pages'>
              <Button size='small' disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                上一页
              </Button>
              <View>
                {offset / PAGE + 1} / {Math.ceil(total / PAGE)}
              </View>
              <Button size='small' disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
                下一页
              </Button>
            </View>
          )}
        </>
      )}
    </Loaded>
  );
}

function ItemRow({ item, round, admin, onDone }: { item: ReviewItemView; round: ReviewRoundView; admin: boolean; onDone: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const mark = async () => {
    setBusy(true);
    try {
      const outcome = await markWorked(round, item);
      void Taro.showToast({ title: outcome ? REVIEW_OUTCOME_LABELS[outcome] : '请先记录复核走访或登记问题', icon: outcome ? 'success' : 'none' });
      if (outcome) await onDone();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='review__item'>
      <View className='review__item-main' onClick={() => void navigate('householdDetail', { id: item.householdId })}>
        <View className='review__item-name'>
          {item.headName}户 · {item.villageName}
        </View>
        <View className='review__item-meta'>
          {item.householdCode} · {item.registered ? '建档立卡户' : '非建档立卡户'}
        </View>
      </View>
      {item.outcome ? (
        <Tag status='done'>{REVIEW_OUTCOME_LABELS[item.outcome]}</Tag>
      ) : (
        <View className='review__item-actions'>
          <Tag status='due'>待复核</Tag>
          {admin ? (
            <Button size='small' onClick={() => void navigate('adminFindingNew', { householdId: item.householdId })}>
              登记问题
            </Button>
          ) : (
            <Button size='small' onClick={() => void navigate('recordVisit', { householdId: item.householdId })}>
              记录走访
            </Button>
          )}
          <Button size='small' type='primary' loading={busy} onClick={() => void mark()}>
            标记已复核
          </Button>
        </View>
      )}
    </View>
  );
}
