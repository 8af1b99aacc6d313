import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { availableSteps, NEED_STEP_LABELS, NEED_STEPS, type NeedActor, type NeedAssigneeOption, type NeedStep, type NeedView } from '@bangfu/types';
import { Button } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { conflictingNeed } from '@/services/needs';

export interface NeedStepsProps {
  need: NeedView;
  actor: NeedActor;
  onChanged: (need: NeedView) => void;
}

const PLACEHOLDER: Record<NeedStep, string> = {
  reassign: '转派说明（选填）：为什么交给这位帮扶人',
  urge: '督办说明（选填）：会发送给办理人',
  escalate: '写明遇到了什么困难、需要谁来协调',
};

/** Helpers paired with the household, as choices (no typing): the reassignment's target. */
function AssigneeChoice({ options, value, onChange }: { options: NeedAssigneeOption[]; value: string; onChange: (id: string) => void }) {
  const others = options.filter((o) => !o.current);
  if (!others.length) return <View className='need-step__hint'>该户没有其他结对帮扶人，请先在“结对”中为该户增加帮扶人。</View>;
  return (
    <View className='need-step__choices'>
      {others.map((o) => (
        <View
          key={o.helperId}
          className={value === o.helperId ? 'need-step__choice need-step__choice--on' : 'need-step__choice'}
          onClick={() => onChange(o.helperId)}
        >
          {o.name}（{o.role}）
        </View>
      ))}
    </View>
  );
}

/**
 * 转派 / 督办 for admins, 提请协调 for the assignee: each asks for confirmation, keeps what was typed
 * when it fails, and says what is wrong next to the field it concerns.
 */
export default function NeedSteps({ need, actor, onChanged }: NeedStepsProps) {
  const steps = availableSteps(need.status, actor).filter((s) => s !== 'escalate' || !need.escalated);
  const [open, setOpen] = useState<NeedStep | null>(null);
  const [note, setNote] = useState('');
  const [helperId, setHelperId] = useState('');
  const [errors, setErrors] = useState<{ note?: string; helperId?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const options = useRequest(
    () => (steps.includes('reassign') ? api.needs.assigneeOptions({ needId: need._id }) : Promise.resolve([])),
    [need._id, need.version],
  );
  if (!steps.length) return null;

  const run = async (step: NeedStep) => {
    const required = NEED_STEPS[step].noteRequired;
    if (required && !note.trim()) return setErrors({ note: required });
    if (step === 'reassign' && !helperId) return setErrors({ helperId: '请选择转派给哪位帮扶人' });
    const name = options.data?.find((o) => o.helperId === helperId)?.name ?? '';
    const content =
      step === 'reassign'
        ? `确定将这条需求转派给 ${name}？`
        : step === 'urge'
          ? `确定督办？将向 ${need.assigneeName ?? '办理人'} 发送提醒。`
          : '确定提请协调？村扶贫干部将收到您的说明。';
    if (!(await Taro.showModal({ title: NEED_STEP_LABELS[step], content, confirmText: '确定', cancelText: '取消' })).confirm) return;
    setBusy(true);
    setErrors({});
    try {
      const base = { needId: need._id, version: need.version };
      const text = note.trim();
      const updated =
        step === 'reassign'
          ? await api.needs.reassign({ ...base, helperId, ...(text ? { note: text } : {}) })
          : step === 'urge'
            ? await api.needs.urge({ ...base, ...(text ? { note: text } : {}) })
            : await api.needs.escalate({ ...base, reason: text });
      setNote('');
      setHelperId('');
      setOpen(null);
      void Taro.showToast({ title: `已${NEED_STEP_LABELS[step]}`, icon: 'success' });
      onChanged(updated);
    } catch (e) {
      const message = messageOf(e);
      setErrors(step === 'reassign' && /帮扶人/.test(message) ? { helperId: message } : { form: message });
      const current = conflictingNeed(e);
      if (current) onChanged(current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='need-steps'>
      {!open && (
        <View className='need-actions'>
          {steps.map((s) => (
            <Button
              key={s}
              plain
              block
              round
              onClick={() => {
                setOpen(s);
                setErrors({});
              }}
            >
              {NEED_STEP_LABELS[s]}
            </Button>
          ))}
        </View>
      )}
      {open && (
        <View className='need-step'>
          <View className='need-section'>{NEED_STEP_LABELS[open]}</View>
          {open === 'reassign' && options.data && (
            <AssigneeChoice
              options={options.data}
              value={helperId}
              onChange={(id) => {
                setHelperId(id);
                setErrors({});
              }}
            />
          )}
          {errors.helperId && <View className='need-alert need-step__error'>{errors.helperId}</View>}
          <Textarea className='need-note' value={note} maxlength={500} placeholder={PLACEHOLDER[open]} onInput={(e) => setNote(e.detail.value)} />
          {errors.note && <View className='need-alert need-step__error'>{errors.note}</View>}
          {errors.form && <View className='need-alert'>{errors.form}</View>}
          <View className='need-actions'>
            <Button type='primary' block round loading={busy} disabled={busy} onClick={() => void run(open)}>
              确认{NEED_STEP_LABELS[open]}
            </Button>
            <Button plain block round disabled={busy} onClick={() => setOpen(null)}>
              取消
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
