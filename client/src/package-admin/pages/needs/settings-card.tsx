import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { NeedSettings } from '@bangfu/types';
import { Button, Card, CellGroup, Field } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { currentUser } from '@/services/auth';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';

const FIELDS: Array<[keyof NeedSettings, string]> = [
  ['emergencyAcceptHours', '急难受理（小时）'],
  ['emergencyResolveHours', '急难办结（小时）'],
  ['acceptWorkingDays', '受理（工作日）'],
  ['resolveWorkingDays', '办结（工作日）'],
];

/** 时限设置: county admins edit the deadlines; they apply to needs reported afterwards. */
export default function SettingsCard() {
  const settings = useRequest(() => api.needs.getSettings());
  const [form, setForm] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const county = currentUser()?.scope?.level === 'county';
  useEffect(() => {
    if (settings.data) setForm(Object.fromEntries(FIELDS.map(([k]) => [k, String(settings.data![k])])));
  }, [settings.data]);
  if (!settings.data) return null;

  const save = async () => {
    const parsed = NeedSettings.safeParse(Object.fromEntries(FIELDS.map(([k]) => [k, Number(form[k])])));
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    setSaving(true);
    setError('');
    try {
      await api.needs.updateSettings(parsed.data);
      void Taro.showToast({ title: '时限已保存', icon: 'success' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title='办理时限' extra={county ? '新上报的需求按新时限计算' : '由县扶贫办统一设置'}>
      {county ? (
        <CellGroup>
          {FIELDS.map(([key, label]) => (
            <Field key={key} label={label} name={key} type='number' value={form[key] ?? ''} onChange={(v) => setForm((f) => ({ ...f, [key]: v }))} />
          ))}
        </CellGroup>
      ) : (
        FIELDS.map(([key, label]) => (
          <View key={key} className='need-summary__row'>
            {label}：{settings.data![key]}
          </View>
        ))
      )}
      {error && <View className='need-alert'>{error}</View>}
      {county && (
        <View className='need-actions'>
          <Button type='primary' round loading={saving} onClick={() => void save()}>
            保存时限
          </Button>
        </View>
      )}
    </Card>
  );
}
