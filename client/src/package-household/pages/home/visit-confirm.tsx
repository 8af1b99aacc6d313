import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import { DENIAL_REASONS } from '@bangfu/types/visit';
import { monthDay } from '@bangfu/types/format';
import { CONFIRM_DAYS, confirmOpen, lastConfirmDay } from '@bangfu/types/visit-dates';
import type { VisitView } from '@bangfu/types/api/visits';
import { Button, Loaded, Tag } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { tell } from '@/services/tell';
import { chinaDay, shortDate } from '@/utils/dates';
import './visit-confirm.scss';

const DAY_MS = 86_400_000;

/** One visit to answer for: "王某某 11月20日 来家走访", then 确认来过 / 没有来过 (a reason, choices first). */
function ConfirmCard({ visit, onChanged }: { visit: VisitView; onChanged: (v: VisitView) => void }) {
  const [denying, setDenying] = useState(false);
  const [reason, setReason] = useState('');
  const [changing, setChanging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState('');
  const open = confirmOpen(visit.visitedAt, new Date());
  const answer = visit.confirmation;

  const send = async (happened: boolean) => {
    setBusy(true);
    setAlert('');
    try {
      const updated = await api.visits.confirm({ visitId: visit._id, happened, ...(!happened && reason.trim() ? { reason: reason.trim() } : {}) });
      void tell(happened ? '已确认来过' : '已告诉村里');
      setDenying(false);
      setChanging(false);
      onChanged(updated);
    } catch (e) {
      setAlert(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const asking = open === 'open' && (!answer || changing);
  return (
    <View className='vc-card'>
      <View className='vc-card__title'>
        {visit.helperName ?? '帮扶人'} {shortDate(visit.visitedAt)} 来家走访
      </View>
      {answer && !changing && (
        <View className='vc-card__answer'>
          <Tag status={answer.happened ? 'done' : 'alert'} size='large'>
            {answer.happened ? '您已确认来过' : '您说没有来过'}
          </Tag>
          {answer.reason && <View className='vc-card__hint'>理由：{answer.reason}</View>}
          {open === 'open' && (
            <View className='vc-card__change' onClick={() => setChanging(true)}>
              选错了？重新选择
            </View>
          )}
        </View>
      )}
      {open === 'before' && <View className='vc-card__hint'>走访之后才能确认</View>}
      {asking && !denying && (
        <>
          <View className='vc-card__hint'>
            帮扶人真的来过您家吗？{CONFIRM_DAYS} 天内（到{monthDay(lastConfirmDay(visit.visitedAt))}）可以确认
          </View>
          <View className='vc-card__buttons'>
            {/* Outlined: home's one filled button is 联系帮扶人 (one primary action per screen). */}
            <Button type='success' size='large' block round plain loading={busy} onClick={() => void send(true)}>
              ✓ 确认来过
            </Button>
            <Button type='danger' size='large' block round plain onClick={() => setDenying(true)}>
              没有来过
            </Button>
          </View>
        </>
      )}
      {asking && denying && (
        <>
          <View className='vc-card__hint'>是什么情况？（可不选）</View>
          <View className='vc-card__reasons'>
            {DENIAL_REASONS.map((r) => (
              <View
                key={r}
                className={reason === r ? 'vc-card__reason vc-card__reason--on' : 'vc-card__reason'}
                onClick={() => setReason(reason === r ? '' : r)}
              >
                {r}
              </View>
            ))}
          </View>
          <Input
            className='vc-card__input'
            value={DENIAL_REASONS.includes(reason as never) ? '' : reason}
            maxlength={100}
            placeholder='或者写几个字（可不填）'
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className='vc-card__buttons'>
            <Button type='danger' size='large' block round loading={busy} onClick={() => void send(false)}>
              确定没有来过
            </Button>
            <Button
              size='large'
              block
              round
              plain
              onClick={() => {
                setDenying(false);
                setReason('');
              }}
            >
              返回
            </Button>
          </View>
        </>
      )}
      {alert && <View className='vc-card__alert'>{alert}</View>}
    </View>
  );
}

/**
 * 走访确认 on the household home: the visits of the last CONFIRM_DAYS days (and today), each with
 * two large buttons. Nothing shows when there is no visit to answer for.
 */
export default function VisitConfirm({ householdId }: { householdId: string }) {
  const from = chinaDay(Date.now() - CONFIRM_DAYS * DAY_MS);
  const list = useRequest(() => api.visits.listByHousehold({ householdId, from, limit: 10, offset: 0 }), [householdId, from]);
  const replace = (v: VisitView) => list.data && list.setData({ ...list.data, items: list.data.items.map((x) => (x._id === v._id ? v : x)) });
  return (
    <Loaded state={list} placeholder={<View />} isEmpty={(d) => d.items.length === 0} empty={<View />}>
      {(d) => (
        <View className='vc'>
          <View className='vc__title'>走访确认</View>
          {d.items.map((v) => (
            <ConfirmCard key={v._id} visit={v} onChanged={replace} />
          ))}
        </View>
      )}
    </Loaded>
  );
}
