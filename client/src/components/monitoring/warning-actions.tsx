import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { MONITORING_TYPE_LABELS, WARNING_STAGE_LABELS, WARNING_STEP_LABELS, type WarningView } from '@bangfu/types';
import { Button } from '@/components/ui';
import { api } from '@/services/client';
import { isApiCallError, messageOf } from '@/services/errors';
import { noticeText } from './format';

type Open = keyof typeof WARNING_STEP_LABELS;
const NOTE_HINT: Record<Open, string> = {
  verify: '入户核实情况，例如：收入、医疗支出情况属实',
  village_review: '村民代表评议情况，公示有无异议',
  town_review: '乡镇审核意见',
  county_confirm: '县级确认意见（选填）',
};

/**
 * The steps the server says this caller may take (`warning.actions`): 推进 with a note, and at
 * verification 排除 with its reason. Both ask for confirmation first; what was typed stays when a
 * step fails, its message beside the field; a CONFLICT reloads the warning as it now is.
 */
export default function WarningActions({ warning: w, onChanged, onStale }: { warning: WarningView; onChanged: (w: WarningView) => void; onStale: () => void }) {
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'advance' | 'dismiss' | null>(null);
  const [errors, setErrors] = useState<{ advance?: string; dismiss?: string }>({});
  if (!w.actions.length || !(w.stage in WARNING_STEP_LABELS)) return null;
  const stage = w.stage as Open;

  const run = async (key: 'advance' | 'dismiss', title: string, content: string, done: string, send: () => Promise<WarningView>) => {
    const { confirm } = await Taro.showModal({ title, content, confirmText: '确认' });
    if (!confirm) return;
    setBusy(key);
    setErrors({});
    try {
      onChanged(await send());
      setNote('');
      setReason('');
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (e) {
      setErrors({ [key]: messageOf(e) });
      if (isApiCallError(e) && e.code === 'CONFLICT') onStale();
    } finally {
      setBusy(null);
    }
  };
  const advance = () => {
    const confirmText =
      stage === 'county_confirm'
        ? `确认后 ${w.headName} 户将纳入监测（${MONITORING_TYPE_LABELS[w.suggestedType ?? 'marginal']}），户状态改为监测户，不能撤回。`
        : `确认「${WARNING_STEP_LABELS[stage]}」吗？提交后由下一环节办理。`;
    void run('advance', WARNING_STEP_LABELS[stage], confirmText, '已提交', () =>
      api.monitoring.advance({ warningId: w._id, version: w.version, ...(note.trim() ? { note: note.trim() } : {}) }),
    );
  };
  const dismiss = () => {
    if (reason.trim().length < 2) return setErrors({ dismiss: '请填写排除原因（至少 2 个字）' });
    void run('dismiss', '核实后排除', `排除后这条预警将关闭，${w.headName} 户不纳入监测。确认排除吗？`, '已排除', () =>
      api.monitoring.dismiss({ warningId: w._id, version: w.version, reason: reason.trim() }),
    );
  };

  return (
    <View className='warning-actions'>
      {w.actions.includes('advance') && (
        <View className='warning-form'>
          <View className='warning-form__title'>办理{WARNING_STAGE_LABELS[stage]}</View>
          {stage === 'village_review' && <View className='warning-form__hint'>{noticeText(w)}</View>}
          <Textarea className='warning-form__text' value={note} maxlength={500} placeholder={NOTE_HINT[stage]} onInput={(e) => setNote(e.detail.value)} />
          {errors.advance && <View className='warning-form__error'>{errors.advance}</View>}
          <Button type='primary' block round loading={busy === 'advance'} disabled={!!busy} onClick={advance}>
            {WARNING_STEP_LABELS[stage]}
          </Button>
        </View>
      )}
      {w.actions.includes('dismiss') && (
        <View className='warning-form'>
          <View className='warning-form__title'>不符合条件的</View>
          <View className='warning-form__hint'>核实后不符合监测条件的，写明原因后排除</View>
          <Textarea
            className={errors.dismiss ? 'warning-form__text warning-form__text--error' : 'warning-form__text'}
            value={reason}
            maxlength={500}
            placeholder='排除原因，例如：外出务工收入未登记，实际收入高于监测范围'
            onInput={(e) => setReason(e.detail.value)}
          />
          {errors.dismiss && <View className='warning-form__error'>{errors.dismiss}</View>}
          <Button type='danger' plain block round loading={busy === 'dismiss'} disabled={!!busy} onClick={dismiss}>
            排除
          </Button>
        </View>
      )}
    </View>
  );
}
