import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import type { FindingAction, FindingView } from '@bangfu/types';
import { Button } from '@/components/ui';
import PhotoPicker, { type PickedPhoto } from '@/components/photos/photo-picker';
import { api } from '@/services/client';
import { isApiCallError, messageOf } from '@/services/errors';
import { uploadLocalPhotos } from '@/services/photo-uploads';
import { openSheet } from '@/services/sheets';
import { conflictingFinding } from './format';

/** Which form a step belongs to, so its error shows beside it. */
type Form = 'plan' | 'evidence' | 'verify' | 'simple';

const SIMPLE: Array<{ action: FindingAction; label: string; done: string; primary?: boolean }> = [
  { action: 'acknowledge', label: '确认收到通知单', done: '已确认收到', primary: true },
  { action: 'claim', label: '认领', done: '已认领', primary: true },
  { action: 'requestClose', label: '申请销号', done: '已申请销号', primary: true },
  { action: 'notice', label: '下发通知单', done: '通知单已下发' },
];

function TextBox({ value, onInput, placeholder, error }: { value: string; onInput: (v: string) => void; placeholder: string; error?: string }) {
  return (
    <>
      <Textarea
        className={error ? 'finding-form__text finding-form__text--error' : 'finding-form__text'}
        value={value}
        maxlength={2000}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
      {error && <View className='finding-form__error'>{error}</View>}
    </>
  );
}

/**
 * Exactly the steps the server says this caller may take now (`view.actions`), each with the form
 * it needs. What was typed is kept when a step fails; a CONFLICT shows the latest finding at once.
 */
export default function FindingActions({ finding: f, isAdmin, onChanged }: { finding: FindingView; isAdmin: boolean; onChanged: (f: FindingView) => void }) {
  const [measures, setMeasures] = useState(f.measures.join('\n'));
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Form, string>>>({});
  const [alert, setAlert] = useState('');
  const can = (a: FindingAction) => f.actions.includes(a);

  const run = async (key: string, form: Form, done: string, send: () => Promise<FindingView>) => {
    setBusy(key);
    setErrors({});
    setAlert('');
    try {
      const updated = await send();
      void Taro.showToast({ title: done, icon: 'success' });
      onChanged(updated);
      return true;
    } catch (e) {
      const current = conflictingFinding(e);
      if (current) {
        setAlert(messageOf(e));
        onChanged(current);
      } else setErrors({ [form]: !isApiCallError(e) && e instanceof Error ? e.message : messageOf(e) });
      return false;
    } finally {
      setBusy(null);
    }
  };
  const step = { findingId: f._id, version: f.version };

  const plan = () => {
    const lines = measures
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!lines.length) return setErrors({ plan: '请至少填写一条整改措施，每行一条' });
    void run('plan', 'plan', '措施已保存', () => api.findings.planMeasures({ ...step, measures: lines }));
  };
  const evidence = async () => {
    if (!note.trim()) return setErrors({ evidence: '请填写整改情况' });
    // Each uploaded id replaces its local file at once, so a retry after a failure never uploads twice.
    const ok = await run('evidence', 'evidence', '佐证已提交', async () => {
      const ids = await uploadLocalPhotos(
        photos.map((p) => p.path),
        (done) => setPhotos(photos.map((p, i) => ({ ...p, path: done[i] }))),
      );
      return api.findings.submitEvidence({ ...step, note: note.trim(), photos: ids });
    });
    if (ok) {
      setNote('');
      setPhotos([]);
    }
  };
  const verify = async (passed: boolean) => {
    if (!passed && !reason.trim()) return setErrors({ verify: '退回整改请写明理由' });
    if (passed) {
      const { confirm } = await Taro.showModal({ title: '确认销号', content: `验收通过后 ${f.code} 将销号，不能撤回。确认通过吗？`, confirmText: '通过销号' });
      if (!confirm) return;
    }
    const ok = await run(passed ? 'pass' : 'return', 'verify', passed ? '已销号' : '已退回整改', () =>
      api.findings.verify({ ...step, passed, ...(reason.trim() ? { note: reason.trim() } : {}) }),
    );
    if (ok) setReason('');
  };
  const exportNotice = async () => {
    setBusy('export');
    try {
      const { url } = await api.findings.exportNotice({ findingId: f._id });
      await openSheet(url, `限期整改通知单-${f.code}.xlsx`);
      void Taro.showToast({ title: '通知单已导出', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  const simple = SIMPLE.filter((s) => can(s.action));
  const waiting = !f.actions.length && f.status === 'close_requested';
  return (
    <View className='finding-actions'>
      {alert && <View className='finding-alert'>{alert}</View>}
      {waiting && <View className='finding-form finding-form__hint'>已申请销号，等待扶贫办验收（回头看）</View>}
      {can('planMeasures') && (
        <View className='finding-form'>
          <View className='finding-form__title'>整改措施</View>
          <View className='finding-form__hint'>每行写一条措施</View>
          <TextBox value={measures} onInput={setMeasures} placeholder={'例如：\n入户核实情况\n按政策补办并留存佐证'} error={errors.plan} />
          <View className='finding-form__buttons'>
            <Button type={can('submitEvidence') ? 'default' : 'primary'} block round loading={busy === 'plan'} disabled={!!busy} onClick={plan}>
              保存整改措施
            </Button>
          </View>
        </View>
      )}
      {can('submitEvidence') && (
        <View className='finding-form'>
          <View className='finding-form__title'>提交整改佐证</View>
          <TextBox value={note} onInput={setNote} placeholder='整改情况：做了什么、结果如何' error={errors.evidence} />
          <PhotoPicker block='finding-photos' addLabel='＋ 佐证照片' photos={photos} onChange={setPhotos} />
          <View className='finding-form__buttons'>
            <Button type='primary' block round loading={busy === 'evidence'} disabled={!!busy} onClick={() => void evidence()}>
              提交整改佐证
            </Button>
          </View>
        </View>
      )}
      {can('verify') && (
        <View className='finding-form'>
          <View className='finding-form__title'>验收（回头看）</View>
          <TextBox value={reason} onInput={setReason} placeholder='验收意见；退回整改时必须写明理由' error={errors.verify} />
          <View className='finding-form__buttons'>
            <Button type='primary' block round loading={busy === 'pass'} disabled={!!busy} onClick={() => void verify(true)}>
              通过销号
            </Button>
            <Button type='danger' plain block round loading={busy === 'return'} disabled={!!busy} onClick={() => void verify(false)}>
              退回整改
            </Button>
          </View>
        </View>
      )}
      {(simple.length > 0 || (isAdmin && f.notice)) && (
        <View className='finding-form'>
          {errors.simple && <View className='finding-form__error'>{errors.simple}</View>}
          <View className='finding-form__buttons'>
            {simple.map((s) => (
              <Button
                key={s.action}
                type={s.primary ? 'primary' : 'default'}
                block
                round
                loading={busy === s.action}
                disabled={!!busy}
                onClick={() => void run(s.action, 'simple', s.done, () => api.findings[s.action as 'claim'](step))}
              >
                {s.label}
              </Button>
            ))}
            {isAdmin && f.notice && (
              <Button block round plain type='primary' loading={busy === 'export'} disabled={!!busy} onClick={() => void exportNotice()}>
                导出通知单
              </Button>
            )}
          </View>
        </View>
      )}
    </View>
  );
}
