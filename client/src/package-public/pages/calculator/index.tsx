import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Button, Card, CellGroup, Field, Page } from '@/components/ui';
import DecisionItem from '@/components/benefits/decision-item';
import type { Decision } from '@bangfu/types';
import { api } from '@/services/client';
import { fieldErrorsOf, messageOf } from '@/services/errors';
import Choice, { YES_NO } from './choice';
import { type FamilyForm, type FormErrors, HOUSING_OPTIONS, newFamily, newMember, STATUS_OPTIONS, toInput } from './form';
import MemberCard from './member-card';
import './index.scss';

/** Results: entitled first, then what does not apply and why. */
function Results({ decisions }: { decisions: Decision[] }) {
  const subject = (m: number | null) => (m === null ? '全家' : `成员 ${m + 1}`);
  const yes = decisions.filter((d) => d.entitled);
  const no = decisions.filter((d) => !d.entitled);
  return (
    <View className='calc-results'>
      <View className='calc-result-title'>测算结果：可能享受 {new Set(yes.map((d) => d.policy)).size} 项政策</View>
      <Card title='可能享受的政策'>
        {yes.length ? (
          yes.map((d) => <DecisionItem key={`${d.policy}-${d.member}`} decision={d} subject={subject(d.member)} />)
        ) : (
          <View className='bf-fold'>按所填情况，暂无可享受的政策</View>
        )}
      </Card>
      <Card title='不适用的政策及原因'>
        {no.map((d) => (
          <DecisionItem key={`${d.policy}-${d.member}`} decision={d} subject={subject(d.member)} />
        ))}
      </Card>
    </View>
  );
}

/**
 * 政策计算器 (SPEC §3): anyone, bound or not, describes a family and sees which policies likely
 * apply and why. Nothing is stored; the answer is an estimate, the 扶贫办 decides.
 */
export default function Calculator() {
  const [form, setForm] = useState<FamilyForm>(newFamily);
  const [decisions, setDecisions] = useState<Decision[] | null>(null);
  const [error, setError] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof FamilyForm>(key: K) =>
    (value: FamilyForm[K]) => {
      setForm((f) => ({ ...f, [key]: value }));
      setError('');
      setErrors({});
    };
  // The answer is below the form: take the person to it rather than leave them wondering whether anything happened.
  useEffect(() => {
    if (decisions) void Taro.pageScrollTo({ selector: '.calc-results', duration: 300 });
  }, [decisions]);

  const submit = async () => {
    const { input, errors: found } = toInput(form);
    setErrors(found);
    if (!input) return setError('请先改正标红的内容');
    setBusy(true);
    try {
      setDecisions((await api.benefits.calculate(input)).decisions);
      setError('');
    } catch (e) {
      setDecisions(null);
      const byField = fieldErrorsOf(e);
      setErrors(byField);
      setError(Object.keys(byField).length ? '请先改正标红的内容' : messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const memberErrors = (i: number) =>
    Object.fromEntries(
      Object.entries(errors)
        .filter(([k]) => k.startsWith(`household.members.${i}.`))
        .map(([k, m]) => [k.split('.').pop()!, m]),
    );

  return (
    <Page>
      <View className='calc-intro'>
        <View className='calc-intro__title'>政策计算器</View>
        <View className='calc-intro__note'>
          回答几个关于家庭的问题，看看可能享受哪些帮扶政策、为什么。不需要登录，填写内容不会保存，结果仅供参考，以扶贫办认定为准。
        </View>
      </View>
      <CellGroup title='家庭情况' inset>
        <Choice label='户的类别' value={form.status} options={STATUS_OPTIONS} onChange={set('status')} />
        <Field
          label='家庭年纯收入（元）'
          name='income'
          type='number'
          value={form.income}
          placeholder='全家一年的纯收入，例如 9000'
          onChange={set('income')}
          error={errors['household.annualNetIncome']}
        />
        <Choice label='住房安全等级' value={form.housingGrade} options={HOUSING_OPTIONS} onChange={set('housingGrade')} />
        <Choice label='近 90 天遇到过急难事吗' value={form.emergency} options={YES_NO} onChange={set('emergency')} />
        <Field
          label='测算日期（可不填）'
          name='date'
          value={form.date}
          placeholder='不填即按今天，例如 2021年3月1日'
          onChange={set('date')}
          maxlength={16}
          error={errors.date}
        />
      </CellGroup>
      {form.members.map((m, i) => (
        <MemberCard
          key={i}
          index={i}
          member={m}
          errors={memberErrors(i)}
          onChange={(member) => set('members')(form.members.map((old, j) => (j === i ? member : old)))}
          onRemove={form.members.length > 1 ? () => set('members')(form.members.filter((_, j) => j !== i)) : undefined}
        />
      ))}
      {error && <View className='calc-error'>{error}</View>}
      <View className='calc-actions'>
        <Button block round onClick={() => set('members')([...form.members, newMember()])}>
          添加一位家庭成员
        </Button>
        <Button type='primary' size='large' block round loading={busy} loadingText='正在测算…' onClick={submit}>
          开始测算
        </Button>
      </View>
      {decisions && <Results decisions={decisions} />}
    </Page>
  );
}
