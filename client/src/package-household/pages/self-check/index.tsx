import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Assessment } from '@bangfu/types/monitoring';
import type { MyWarning } from '@bangfu/types/monitoring-channels';
import { Button, Loaded, Page } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { whoami } from '@/services/auth';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { chinaToday } from '@/utils/dates';
import ApplicationStatus from './application-status';
import { formFrom, toAnswers, type CheckForm } from './form';
import Questions from './questions';
import RiskResults from './risk-results';
import './index.scss';

/** The household, its registered facts (the first answers) and any application already made. */
async function load() {
  const me = await whoami();
  if (!me.household) throw new Error('还没有绑定家庭，请先在首页绑定');
  const [household, mine] = await Promise.all([api.households.get({ householdId: me.household.id }), api.monitoring.myWarning({})]);
  return { household, warning: mine.warning };
}

/**
 * 风险自查 (SPEC §3b, 农户自主申报): the family answers a few questions by tapping, sees what the
 * county's own rules find — each risk with its reason and figures — and can apply for help; the
 * application's progress is shown here from then on. Large text and 60 px targets throughout.
 */
export default function SelfCheck() {
  const state = useRequest(load);
  return (
    <Page>
      <View className='sc-intro'>
        <View className='sc-intro__title'>风险自查</View>
        <View className='sc-intro__note'>点选几个问题，看看家里有没有返贫风险。答案已按登记的情况先填好，不对的请点选改正。</View>
      </View>
      <Loaded state={state} loadingText='正在读取您家的情况…'>
        {(d) => <Check initial={formFrom(d.household, Number(chinaToday().slice(0, 4)))} existing={d.warning} />}
      </Loaded>
    </Page>
  );
}

function Check({ initial, existing }: { initial: CheckForm; existing: MyWarning | null }) {
  const [form, setForm] = useState(initial);
  const [result, setResult] = useState<Assessment | null>(null);
  const [warning, setWarning] = useState<MyWarning | null>(existing);
  const [applied, setApplied] = useState<'new' | 'again' | null>(null);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [error, setError] = useState('');
  const open = warning?.open ? warning : null;
  useEffect(() => {
    if (result) void Taro.pageScrollTo({ selector: '.sc-results', duration: 300 });
  }, [result]);
  useEffect(() => {
    if (applied) void Taro.pageScrollTo({ selector: '.sc-applied', duration: 300 });
  }, [applied]);

  const change = (next: CheckForm) => {
    setForm(next);
    setResult(null);
    setError('');
  };
  const check = async () => {
    setBusy('check');
    setError('');
    try {
      setResult(await api.monitoring.assess({ household: toAnswers(form, chinaToday()) }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const apply = async () => {
    setBusy('apply');
    setError('');
    try {
      const r = await api.monitoring.selfReport({ answers: toAnswers(form, chinaToday()) });
      setWarning(r.warning);
      setApplied(r.opened ? 'new' : 'again');
    } catch (e) {
      setError(`${messageOf(e)}（您的回答还在，可以再点一次）`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <View>
      {open && !applied && <ApplicationStatus warning={open} />}
      <Questions form={form} onChange={change} />
      {error && (
        <View className='sc-error' role='alert'>
          {error}
        </View>
      )}
      <View className='sc-actions'>
        <Button type={result ? 'default' : 'primary'} size='large' block round loading={busy === 'check'} loadingText='正在查看…' onClick={() => void check()}>
          看看有没有风险
        </Button>
      </View>
      {result && <RiskResults assessment={result} names={form.members.map((m) => m.name)} />}
      {result && !applied && (
        <View className='sc-actions'>
          {open ? (
            <View className='sc-note'>您已经申请过，正在办理中，不用再申请。</View>
          ) : (
            <>
              <View className='sc-note'>
                {result.level === 'none' ? '觉得家里确实有困难，也可以申请，帮扶人会上门了解。' : '申请后，帮扶人会上门核实情况，村里评议后报乡镇和县里。'}
              </View>
              <Button type='primary' size='large' block round loading={busy === 'apply'} loadingText='正在提交…' onClick={() => void apply()}>
                申请帮扶
              </Button>
            </>
          )}
        </View>
      )}
      {applied && warning && (
        <View className='sc-applied'>
          <View className='sc-done'>{applied === 'new' ? '申请已提交' : '您已经申请过了，这是办理进度'}</View>
          <ApplicationStatus warning={warning} />
        </View>
      )}
    </View>
  );
}
