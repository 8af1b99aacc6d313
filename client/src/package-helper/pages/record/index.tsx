import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Picker, Textarea, View } from '@tarojs/components';
import { OCCASION_LABELS, Occasion, SERVICE_CHECKLISTS, visitDateRange, type PolicyCode } from '@bangfu/types';
import { Button, Field, Page } from '@/components/ui';
import PhotoPicker from '@/components/photos/photo-picker';
import { POLICY_NAMES } from '@/components/benefits/labels';
import { useRequest } from '@/hooks/use-request';
import { useRestoreRefused } from '@/hooks/use-stored-draft';
import { currentUser, whoami } from '@/services/auth';
import { api } from '@/services/client';
import { currentFix } from '@/services/location';
import { recordVisit } from '@/services/visits';
import { chineseDate } from '@/utils/dates';
import Chips from './chips';
import { blankVisit, useVisitDraft } from './use-draft';
import { draftFromInput, toInput } from './visit-input';
import './index.scss';

/** The policies a helper most often explains on a visit (宣讲政策), as catalogue codes. */
const POLICIES: PolicyCode[] = ['dibao', 'medical_premium', 'education_waiver', 'pension_premium', 'temporary_aid', 'disability_living', 'microcredit', 'yulu'];

/** Route params arrive percent-encoded on H5 (and may on weapp); decoding plain text is harmless. */
function decoded(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}

const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/**
 * 记录走访: under a minute in a courtyard; saved on the phone first, so a bad signal loses nothing.
 * `?fix=<id>` opens a visit the server refused, to be corrected and sent again.
 */
export default function RecordVisit() {
  const params = useRouter().params;
  const householdId = decoded(params.householdId);
  const name = decoded(params.name);
  const { draft, update, replace, clear, refused } = useVisitDraft(householdId);
  useRestoreRefused(params.fix, (payload) => draftFromInput(payload, blankVisit()), replace);
  const [saving, setSaving] = useState(false);
  const range = visitDateRange(new Date());
  const year = Number(draft.date.slice(0, 4));
  const me = useRequest(async () => currentUser() ?? whoami());
  const planRequest = useRequest(() => api.visits.getPlan({ householdId, year }), [householdId, year]);
  // The plan of the visit's year only: while another year's loads, the last one is still on screen.
  const plan = planRequest.data?.year === year ? planRequest.data : undefined;
  const kind = me.data?.helperKind;
  const checklist = kind === 'doctor' || kind === 'teacher' ? SERVICE_CHECKLISTS[kind] : null;
  const titles = Object.fromEntries((plan?.measures ?? []).map((m) => [m.id, m.title]));

  const [locating, setLocating] = useState(false);
  const locate = async () => {
    if (locating) return;
    setLocating(true);
    try {
      update({ location: await currentFix() });
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '未能获取位置，可不填', icon: 'none', duration: 3000 });
    } finally {
      setLocating(false);
    }
  };

  const submit = async () => {
    setSaving(true);
    try {
      const outcome = await recordVisit(toInput(householdId, draft, plan, new Date()));
      if (outcome.status === 'failed') {
        refused(outcome.error);
        void Taro.showModal({ title: '没有保存', content: outcome.error.message, showCancel: false });
        return;
      }
      clear();
      await Taro.showToast({
        title: outcome.status === 'sent' ? '走访已保存' : '已存在手机上，联网后自动同步',
        icon: outcome.status === 'sent' ? 'success' : 'none',
        duration: 1500,
      });
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
      <Picker mode='date' value={draft.date} start={range.start} end={range.end} onChange={(e) => update({ date: e.detail.value })}>
        <View className='record__date'>
          走访日期：{chineseDate(draft.date)} <View className='record__hint'>（可补录 60 天内）</View>
        </View>
      </Picker>
      <View className='record__section'>走访情况</View>
      <Textarea
        className='record__notes'
        value={draft.notes}
        maxlength={2000}
        placeholder='家里近况、反映的困难、下一步打算……'
        onInput={(e) => update({ notes: e.detail.value })}
      />
      <View className='record__section'>现场照片</View>
      <PhotoPicker photos={draft.photos} onChange={(photos) => update({ photos })} />
      <View className='record__section'>帮扶措施</View>
      {plan && plan.measures.length > 0 && (
        <Chips
          options={plan.measures.map((m) => m.id)}
          labels={titles}
          selected={draft.measureIds}
          onToggle={(id) => update({ measureIds: toggle(draft.measureIds, id) })}
        />
      )}
      {plan?.measures
        .filter((m) => draft.measureIds.includes(m.id))
        .map((m) => (
          <Field
            key={m.id}
            label={`${m.title} 进度%`}
            type='number'
            maxlength={3}
            value={draft.progress[m.id] ?? ''}
            placeholder={`目前 ${m.progress}%`}
            onChange={(v) => update({ progress: { ...draft.progress, [m.id]: v } })}
          />
        ))}
      <Field label='其他措施' value={draft.otherMeasure} maxlength={100} placeholder='计划外的措施（可不填）' onChange={(v) => update({ otherMeasure: v })} />
      <View className='record__section'>宣讲政策</View>
      <Chips options={POLICIES} labels={POLICY_NAMES} selected={draft.policyCodes} onToggle={(p) => update({ policyCodes: toggle(draft.policyCodes, p) })} />
      {checklist && (
        <View className='record__checklist'>
          <View className='record__section'>{kind === 'doctor' ? '家庭医生每月服务清单' : '帮扶教师每月服务清单'}</View>
          <Chips options={checklist} selected={draft.checklist} onToggle={(c) => update({ checklist: toggle(draft.checklist, c) })} />
        </View>
      )}
      <View className='record__location' onClick={() => void locate()}>
        {locating ? '正在定位…' : draft.location ? `已记录位置（精度约 ${Math.round(draft.location.accuracy)} 米），点此重新定位` : '记录走访位置（可选）'}
      </View>
      <View className='record__submit'>
        <Button type='primary' block round loading={saving} loadingText='正在保存…' disabled={!householdId} onClick={() => void submit()}>
          保存走访
        </Button>
      </View>
    </Page>
  );
}
