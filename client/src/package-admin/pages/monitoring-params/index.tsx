import Taro from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { chineseDay, thousands, type MonitoringSettings } from '@bangfu/types';
import { Button, Card, Field, Loaded, Page } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { currentUser, knownUser } from '@/services/auth';
import { api } from '@/services/client';
import { isApiCallError, messageOf } from '@/services/errors';
import { chinaToday } from '@/utils/dates';
import './index.scss';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const inForce = (s: MonitoringSettings, day: string) => [...s.values].reverse().find((v) => v.from <= day) ?? s.values[0];
const show = (k: string, v: number) => (k.endsWith('Share') ? `${Math.round(v * 100)}%` : thousands(v));

/** What the county admin types: a day, any parameters to change, the holiday list (one day a line). */
function Editor({ settings, onSaved }: { settings: MonitoringSettings; onSaved: (s: MonitoringSettings) => void }) {
  const today = chinaToday();
  const [from, setFrom] = useState(today);
  const [values, setValues] = useState<Record<string, string>>({});
  const [holidays, setHolidays] = useState('');
  const [errors, setErrors] = useState<{ from?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const save = async (replace = false) => {
    if (!DAY.test(from)) return setErrors({ from: '请按 2026-12-01 的格式填写生效日期' });
    const params: Record<string, number> = {};
    for (const [k, v] of Object.entries(values)) if (v.trim()) params[k] = Number(v);
    const bad = Object.entries(params).find(([, v]) => !Number.isFinite(v));
    if (bad) return setErrors({ form: `${settings.labels[bad[0]]}应为数字` });
    const days = holidays.split(/\s+/).filter(Boolean);
    const wrong = days.find((d) => !DAY.test(d));
    if (wrong) return setErrors({ form: `节假日「${wrong}」格式不对，请每行一个日期，如 2027-01-01` });
    setBusy(true);
    setErrors({});
    try {
      onSaved(await api.monitoring.updateParams({ from, params, ...(days.length ? { holidays: days } : {}), replace }));
      setValues({});
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      if (isApiCallError(e) && e.code === 'CONFLICT') {
        const { confirm } = await Taro.showModal({ title: '替换待执行的参数', content: `${messageOf(e)}。确认替换吗？`, confirmText: '替换' });
        if (confirm) return void save(true);
      } else setErrors({ form: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title='从某日起调整'>
      <Field label='生效日期' name='from' value={from} maxlength={10} placeholder={`今天或以后，如 ${today}`} error={errors.from} onChange={setFrom} />
      {Object.entries(settings.labels).map(([k, label]) => (
        <Field
          key={k}
          label={label}
          name={k}
          type='number'
          value={values[k] ?? ''}
          placeholder={`现行 ${show(k, inForce(settings, from)?.params[k] ?? 0)}，不改请留空`}
          onChange={(v) => setValues({ ...values, [k]: v })}
        />
      ))}
      <View className='mparams__label'>节假日名单（每行一个日期；不改请留空）</View>
      <Textarea
        className='mparams__text'
        value={holidays}
        maxlength={1200}
        placeholder={'2027-01-01\n2027-02-16'}
        onInput={(e) => setHolidays(e.detail.value)}
      />
      {errors.form && <View className='mparams__error'>{errors.form}</View>}
      <Button type='primary' block round loading={busy} onClick={() => void save()}>
        保存
      </Button>
    </Card>
  );
}

/**
 * 监测参数 (SPEC §3b, county-editable and dated): the values in force today, every dated entry with
 * who set it, the holiday lists; county admins set new values from a date on (never the past).
 */
export default function MonitoringParams() {
  const settings = useRequest(() => api.monitoring.getParams());
  const [user, setUser] = useState(currentUser);
  useEffect(() => {
    if (!user) void knownUser().then(setUser, () => undefined);
  }, [user]);
  const today = chinaToday();
  return (
    <Page wide>
      <View className='mparams__title'>防返贫监测参数</View>
      <Loaded state={settings}>
        {(s) => (
          <>
            <Card title='现行参数' extra={`${chineseDay(inForce(s, today).from)}起执行`}>
              {Object.entries(s.labels).map(([k, label]) => (
                <View key={k} className='mparams__row'>
                  <View>{label}</View>
                  <View>{show(k, inForce(s, today).params[k] ?? 0)}</View>
                </View>
              ))}
            </Card>
            <Card title='调整记录'>
              {[...s.values].reverse().map((v) => (
                <View key={v.from} className='mparams__row'>
                  <View>{chineseDay(v.from)}起</View>
                  <View>{v.setBy ? `${v.setBy} 设置` : '默认'}</View>
                </View>
              ))}
              {s.holidays.map((h) => (
                <View key={`h${h.from}`} className='mparams__row'>
                  <View>
                    {chineseDay(h.from)}起节假日 {h.days.length} 天
                  </View>
                  <View>{h.setBy ?? ''}</View>
                </View>
              ))}
            </Card>
            {user?.scope?.level === 'county' ? (
              <Editor settings={s} onSaved={settings.setData} />
            ) : (
              <View className='mparams__hint'>监测参数由县扶贫办统一调整</View>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
