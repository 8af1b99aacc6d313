import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { RecordDisbursementInput, type HouseholdSummary, type Policy } from '@bangfu/types';
import { Button, Card, Cell, CellGroup, Field } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { chinaToday, chinaYear } from '@/utils/dates';

type Errors = Partial<Record<'household' | 'policy' | 'memberId' | 'period' | 'amount' | 'paidOn' | 'form', string>>;
type Picked = Pick<HouseholdSummary, '_id' | 'headName' | 'code'>;

/** Each schema problem beside its field (the server checks the same schema and the same household rules). */
function errorsOf(issues: { path: PropertyKey[]; message: string }[]): Errors {
  const errors: Errors = {};
  for (const i of issues) {
    const key = (i.path[0] === 'householdId' ? 'household' : String(i.path[0])) as keyof Errors;
    errors[key] ??= i.message;
  }
  return errors;
}

/**
 * 录入一条兑现: one household, one policy (and the member for a per-person policy), the period,
 * amount and day paid. It is the same write as a sheet row (benefits.recordDisbursement: same
 * checks, same record id), so entering it twice, or importing it later, stores it once.
 */
export default function RecordForm({ onRecorded }: { onRecorded: () => void }) {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [household, setHousehold] = useState<Picked | null>(null);
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [period, setPeriod] = useState(String(chinaYear()));
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(chinaToday());
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const policies = useRequest(() => api.benefits.listPolicies({}));
  const found = useRequest(() => (search ? api.households.list({ q: search, limit: 5 }) : Promise.resolve(null)), [search]);
  const detail = useRequest(() => (household ? api.households.get({ householdId: household._id }) : Promise.resolve(null)), [household?._id]);
  const service = policy?.unit === 'service';

  const pickHousehold = (h: Picked) => {
    setHousehold(h);
    setMemberId(null);
    setErrors({});
  };
  const submit = async () => {
    if (!household) return setErrors({ household: '请先查找并选择一户' });
    if (!policy) return setErrors({ policy: '请选择政策' });
    const parsed = RecordDisbursementInput.safeParse({
      householdId: household._id,
      memberId: policy.level === 'member' ? memberId : null,
      policy: policy.code,
      period: period.trim(),
      amount: service && !amount.trim() ? null : amount.trim() === '' ? undefined : Number(amount.replace(/,/g, '')),
      paidOn: paidOn.trim(),
    });
    // Every problem at once, each beside its field.
    const found: Errors = parsed.success ? {} : errorsOf(parsed.error.issues);
    if (!service && !amount.trim()) found.amount = `「${policy.label}」有发放金额，请填写金额（元）`;
    if (policy.level === 'member' && !memberId) found.memberId = `「${policy.label}」按人发放，请选择家庭成员`;
    if (!parsed.success || Object.keys(found).length) return setErrors(found);
    setBusy(true);
    setErrors({});
    try {
      const record = await api.benefits.recordDisbursement(parsed.data);
      void Taro.showToast({ title: record.created ? '已录入' : '该记录已录入过，没有重复记账', icon: 'none' });
      setAmount('');
      onRecorded();
    } catch (e) {
      setErrors({ form: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title='录入一条兑现'>
      <View className='rec__hint'>
        按户主姓名、成员姓名或户编号查找一户，选择政策后填写发放期间、金额和发放日期。与导入清单是同一条记账规则，重复录入不会重复记账。
      </View>
      <View className='rec__search'>
        <Field label='查找户' name='record-q' value={q} placeholder='户主姓名或户编号' maxlength={30} error={errors.household} onChange={setQ} />
        <Button
          size='small'
          round
          onClick={() => {
            setSearch(q.trim());
            setHousehold(null);
          }}
        >
          查找
        </Button>
      </View>
      {search &&
        !household &&
        found.data &&
        (found.data.items.length ? (
          <CellGroup inset>
            {found.data.items.map((h) => (
              <Cell key={h._id} title={`${h.headName} 户`} label={`${h.code} · ${h.villageName ?? ''}`} isLink onClick={() => pickHousehold(h)} />
            ))}
          </CellGroup>
        ) : (
          <View className='rec__row-error'>没有找到「{search}」，请换个姓名或户编号</View>
        ))}
      {household && (
        <View className='rec__picked'>
          已选：{household.headName} 户（{household.code}）
          <View className='rec__link' onClick={() => setHousehold(null)}>
            重新选择
          </View>
        </View>
      )}
      <View className='rec__label'>政策</View>
      <View className='rec__chips'>
        {(policies.data?.items ?? []).map((p) => (
          <View
            key={p.code}
            className={p.code === policy?.code ? 'rec__chip rec__chip--on' : 'rec__chip'}
            onClick={() => {
              setPolicy(p);
              setErrors({});
            }}
          >
            {p.label}
          </View>
        ))}
      </View>
      {errors.policy && <View className='rec__row-error'>{errors.policy}</View>}
      {policy?.level === 'member' && (
        <>
          <View className='rec__label'>家庭成员（「{policy.label}」按人发放）</View>
          <View className='rec__chips'>
            {(detail.data?.members ?? []).map((m) => (
              <View key={m.id} className={m.id === memberId ? 'rec__chip rec__chip--on' : 'rec__chip'} onClick={() => setMemberId(m.id)}>
                {m.name}
              </View>
            ))}
            {!household && <View className='rec__hint'>先选择一户</View>}
          </View>
          {errors.memberId && <View className='rec__row-error'>{errors.memberId}</View>}
        </>
      )}
      <Field label='发放期间' name='record-period' value={period} placeholder='2026 或 2026-03' maxlength={7} error={errors.period} onChange={setPeriod} />
      <Field
        label='金额（元）'
        name='record-amount'
        type='number'
        value={amount}
        placeholder={service ? '服务类，可不填' : '例如 1200'}
        maxlength={10}
        error={errors.amount}
        onChange={setAmount}
      />
      <Field label='发放日期' name='record-paid-on' value={paidOn} placeholder='例如 2026-11-20' maxlength={10} error={errors.paidOn} onChange={setPaidOn} />
      {errors.form && <View className='rec__row-error'>{errors.form}</View>}
      <View className='rec__actions'>
        <Button type='primary' round loading={busy} loadingText='正在录入…' onClick={() => void submit()}>
          录入
        </Button>
      </View>
    </Card>
  );
}
