import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Picker, Textarea, View } from '@tarojs/components';
import { OCCASION_LABELS, Occasion, SERVICE_CHECKLISTS } from '@bangfu/types';
import { Button, Field, Page } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { currentUser, whoami } from '@/services/auth';
import { getPlan, queueProgress, recordVisit, type Plan } from '@/services/visits';
import { uuid } from '@/services/request-id';
import Chips from './chips';
import PhotoPicker from './photo-picker';
import { useDraft, type VisitDraft } from './use-draft';
import './index.scss';

const POLICIES = ['低保', '医疗保障', '教育资助', '养老保险', '临时救助', '残疾人补贴', '产业奖补', '雨露计划'];
const pad = (n: number) => String(n).padStart(2, '0');
const dayString = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Today's visit carries the current time; a late entry (补录) the chosen day at 10:00 China time. */
function visitedAtOf(date: string, now: Date): string {
  return date === dayString(now) ? now.toISOString() : `${date}T10:00:00+08:00`;
}

function toInput(householdId: string, d: VisitDraft, now: Date) {
  const measures = [...d.measures, ...(d.otherMeasure.trim() ? [d.otherMeasure.trim()] : [])];
  return {
    id: uuid(), householdId, visitedAt: visitedAtOf(d.date, now), occasion: d.occasion, notes: d.notes.trim(),
    photos: d.photos.map((p) => p.path), measures, policiesExplained: d.policies, checklist: d.checklist,
    ...(d.location ? { location: d.location } : {}),
  };
}

/** Typed progress for the picked plan measures; blanks and non-numbers are left out. */
function progressOf(d: VisitDraft, plan: Plan | undefined) {
  return (plan?.measures ?? [])
    .filter((m) => d.measures.includes(m.title) && /^\d{1,3}$/.test(d.progress[m.id] ?? ''))
    .map((m) => ({ measureId: m.id, progress: Math.min(100, Number(d.progress[m.id])) }));
}

/** Route params arrive percent-encoded on H5 (and may on weapp); decoding plain text is harmless. */
function decoded(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}

const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** 记录走访: under a minute in a courtyard; saved on the phone first, so a bad signal loses nothing. */
export default function RecordVisit() {
  const params = useRouter().params;
  const householdId = decoded(params.householdId);
  const name = decoded(params.name);
  const now = new Date();
  const { draft, update, clear } = useDraft(householdId, dayString(now));
  const [saving, setSaving] = useState(false);
  const me = useRequest(async () => currentUser() ?? whoami());
  const plan = useRequest(() => getPlan(householdId), [householdId]);
  const kind = me.data?.helperKind;
  const checklist = kind === 'doctor' || kind === 'teacher' ? SERVICE_CHECKLISTS[kind] : null;
  const planMeasures = plan.data?.measures.map((m) => m.title) ?? [];

  const locate = async () => {
    try {
      const res = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true });
      update({ location: { latitude: res.latitude, longitude: res.longitude, accuracy: res.accuracy ?? 0 } });
    } catch {
      void Taro.showToast({ title: '未能获取位置，可不填', icon: 'none' });
    }
  };

  const submit = async () => {
    setSaving(true);
    try {
      const input = toInput(householdId, draft, new Date());
      const outcome = await recordVisit(input);
      if (outcome.status !== 'failed') queueProgress(input.id, householdId, progressOf(draft, plan.data));
      if (outcome.status === 'failed') {
        void Taro.showModal({ title: '没有保存', content: outcome.error.message, showCancel: false });
        return;
      }
      clear();
      await Taro.showToast({ title: outcome.status === 'sent' ? '走访已保存' : '已存在手机上，联网后自动同步', icon: outcome.status === 'sent' ? 'success' : 'none', duration: 1500 });
      setTimeout(() => void Taro.navigateBack().catch(() => undefined), 800);
    } catch (e) {
      void Taro.showModal({ title: '没有保存', content: e instanceof Error ? e.message : '请稍后重试', showCancel: false });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page>
      <View className='record__head'>{name ? `${name} 户` : '记录走访'}</View>
      <View className='record__section'>走访类型</View>
      <Chips options={Occasion.options} selected={[draft.occasion]} labels={OCCASION_LABELS} onToggle={(o) => update({ occasion: o })} />
      <Picker mode='date' value={draft.date} start={dayString(new Date(now.getTime() - 59 * 86_400_000))} end={dayString(now)} onChange={(e) => update({ date: e.detail.value })}>
        <View className='record__date'>走访日期：{draft.date} <View className='record__hint'>（可补录 60 天内）</View></View>
      </Picker>
      <View className='record__section'>走访情况</View>
      <Textarea className='record__notes' value={draft.notes} maxlength={2000} placeholder='家里近况、反映的困难、下一步打算……' onInput={(e) => update({ notes: e.detail.value })} />
      <View className='record__section'>现场照片</View>
      <PhotoPicker photos={draft.photos} onChange={(photos) => update({ photos })} />
      <View className='record__section'>帮扶措施</View>
      {planMeasures.length > 0 && <Chips options={planMeasures} selected={draft.measures} onToggle={(m) => update({ measures: toggle(draft.measures, m) })} />}
      {plan.data?.measures.filter((m) => draft.measures.includes(m.title)).map((m) => (
        <Field key={m.id} label={`${m.title} 进度%`} type='number' maxlength={3} value={draft.progress[m.id] ?? ''} placeholder={`目前 ${m.progress}%`} onChange={(v) => update({ progress: { ...draft.progress, [m.id]: v } })} />
      ))}
      <Field label='其他措施' value={draft.otherMeasure} maxlength={100} placeholder='计划外的措施（可不填）' onChange={(v) => update({ otherMeasure: v })} />
      <View className='record__section'>宣讲政策</View>
      <Chips options={POLICIES} selected={draft.policies} onToggle={(p) => update({ policies: toggle(draft.policies, p) })} />
      {checklist && (
        <View className='record__checklist'>
          <View className='record__section'>{kind === 'doctor' ? '家庭医生每月服务清单' : '帮扶教师每月服务清单'}</View>
          <Chips options={checklist} selected={draft.checklist} onToggle={(c) => update({ checklist: toggle(draft.checklist, c) })} />
        </View>
      )}
      <View className='record__location' onClick={() => void locate()}>
        {draft.location ? `已记录位置（精度约 ${Math.round(draft.location.accuracy)} 米）` : '记录走访位置（可选）'}
      </View>
      <View className='record__submit'>
        <Button type='primary' block round loading={saving} loadingText='正在保存…' disabled={!householdId} onClick={() => void submit()}>保存走访</Button>
      </View>
    </Page>
  );
}
