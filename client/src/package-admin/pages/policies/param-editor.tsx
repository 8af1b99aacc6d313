import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PARAM_LABELS, type Policy } from '@bangfu/types';
import type { GapRefresh } from '@bangfu/types/api/benefits';
import { Button, Field } from '@/components/ui';
import { api } from '@/services/client';
import { isApiCallError, messageOf } from '@/services/errors';
import { chineseDate } from '@/utils/dates';
import { describe } from './describe';
import RefreshProgress from './refresh-progress';

const confirmReplace = async (content: string): Promise<boolean> =>
  (await Taro.showModal({ title: '替换待执行的参数？', content, confirmText: '替换', cancelText: '不替换' })).confirm;

/** 调整参数: new values from a date on; the server refuses past dates and keeps the history. */
export default function ParamEditor({ policy, onSaved }: { policy: Policy; onSaved: (p: Policy) => void }) {
  const latest = policy.values[policy.values.length - 1]?.params ?? {};
  const [from, setFrom] = useState('');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(latest).map(([k, v]) => [k, String(v)])));
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const [refresh, setRefresh] = useState<GapRefresh | null>(null);
  const pending = policy.values.find((v) => v.from === from.trim());
  if (!Object.keys(latest).length) return <View className='pol__note'>服务类政策，没有可调整的参数。</View>;

  const save = async () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from.trim())) return setError('请填写生效日期，格式如 2027-01-01');
    const params: Record<string, number> = {};
    for (const [k, v] of Object.entries(values)) {
      const n = Number(v.trim());
      if (v.trim() === '' || !Number.isFinite(n)) return setError(`请填写数字：${PARAM_LABELS[k] ?? k}`);
      params[k] = n;
    }
    const day = from.trim();
    const send = (replace: boolean) => api.benefits.updatePolicyParams({ code: policy.code, from: day, params, ...(replace ? { replace } : {}) });
    // Saving a date that already has values replaces them: the admin sees what is there and agrees first.
    const known = policy.values.find((v) => v.from === day);
    if (known && !(await confirmReplace(`自${chineseDate(day)}起已设置：${describe(known.params)}。替换为新填写的参数吗？`))) return;
    setSaving(true);
    try {
      let saved;
      try {
        saved = await send(!!known);
      } catch (e) {
        // Someone else set this date meanwhile: the server names what it holds.
        if (!isApiCallError(e) || e.code !== 'CONFLICT' || known) throw e;
        if (!(await confirmReplace(e.message))) return;
        saved = await send(true);
      }
      const { refresh: progress, ...policyOnly } = saved;
      onSaved(policyOnly);
      setRefresh(progress);
      setError('');
      void Taro.showToast({ title: '已保存，自生效日起执行', icon: 'none' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='pol__editor'>
      <View className='pol__sub'>调整参数（自生效日期起执行，之前的标准保留不变）</View>
      <Field
        label='生效日期'
        name={`from-${policy.code}`}
        value={from}
        placeholder='例如 2027-01-01'
        maxlength={10}
        onChange={(v) => {
          setFrom(v);
          setError('');
        }}
      />
      {Object.keys(latest).map((k) => (
        <Field
          key={k}
          label={PARAM_LABELS[k] ?? k}
          name={`param-${policy.code}-${k}`}
          type='number'
          value={values[k] ?? ''}
          onChange={(v) => {
            setValues((s) => ({ ...s, [k]: v }));
            setError('');
          }}
        />
      ))}
      {pending && <View className='pol__replace'>该日期已有待执行的参数：{describe(pending.params)}。保存将替换它，保存前会请您确认。</View>}
      {error && <View className='pol__error'>{error}</View>}
      {refresh && <RefreshProgress start={refresh} />}
      <View className='pol__save'>
        <Button type='primary' round loading={saving} loadingText='正在保存…' onClick={save}>
          保存新参数
        </Button>
      </View>
    </View>
  );
}
