import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { availableTransitions, NEED_ACTION_LABELS, NEED_TRANSITIONS, notePlaceholder, type NeedActor, type NeedTarget, type NeedView } from '@bangfu/types';
import { Button } from '@/components/ui';
import { api } from '@/services/client';
import { isApiCallError, messageOf } from '@/services/errors';
import { conflictingNeed } from '@/services/needs';
import { uploadLocalPhotos } from '@/services/photo-uploads';
import PhotoPicker, { type PickedPhoto } from '@/components/photos/photo-picker';

export interface NeedActionsProps {
  need: NeedView;
  actor: NeedActor;
  /** The need after a step, or the fresher copy a CONFLICT carried. */
  onChanged: (need: NeedView) => void;
  /** Targets this page does not offer here (the household's confirm goes with a rating). */
  exclude?: NeedTarget[];
}

const BUTTON_TYPE: Record<NeedTarget, 'primary' | 'danger' | 'default'> = {
  accepted: 'primary',
  in_progress: 'default',
  resolved: 'primary',
  confirmed: 'primary',
  reopened: 'default',
  rejected: 'danger',
};

/**
 * The steps the viewer may take now, with one note box for the ones that need a note. The note is
 * kept when a step fails; a CONFLICT (someone else acted first) shows the current need at once.
 */
export default function NeedActions({ need, actor, onChanged, exclude = [] }: NeedActionsProps) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<NeedTarget | null>(null);
  const [alert, setAlert] = useState('');
  const [evidence, setEvidence] = useState<PickedPhoto[]>([]);
  const targets = availableTransitions(need.status, actor).filter((t) => !exclude.includes(t));
  if (!targets.length) return null;
  const needsNote = targets.some((t) => NEED_TRANSITIONS[t].noteRequired);

  const run = async (to: NeedTarget) => {
    const required = NEED_TRANSITIONS[to].noteRequired;
    if (required && !note.trim()) return setAlert(required);
    setBusy(to);
    setAlert('');
    try {
      // Evidence goes with a resolution only, uploaded right before the step (which needs the network anyway);
      // each uploaded id replaces its local file at once, so a retry after a failure never uploads twice.
      const withPaths = (paths: string[]) => evidence.map((p, i) => ({ ...p, path: paths[i] }));
      const photos =
        to === 'resolved'
          ? await uploadLocalPhotos(
              evidence.map((p) => p.path),
              (done) => setEvidence(withPaths(done)),
            )
          : [];
      const updated = await api.needs.transition({
        needId: need._id,
        to,
        version: need.version,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(photos.length ? { photos } : {}),
      });
      setNote('');
      setEvidence([]);
      void Taro.showToast({ title: `已${NEED_ACTION_LABELS[to]}`, icon: 'success' });
      onChanged(updated);
    } catch (e) {
      const current = conflictingNeed(e);
      setAlert(!isApiCallError(e) && e instanceof Error ? e.message : messageOf(e));
      if (current) onChanged(current);
    } finally {
      setBusy(null);
    }
  };

  return (
    <View>
      {alert && <View className='need-alert'>{alert}</View>}
      {needsNote && (
        <Textarea className='need-note' value={note} maxlength={1000} placeholder={notePlaceholder(targets)} onInput={(e) => setNote(e.detail.value)} />
      )}
      {targets.includes('resolved') && (
        <View className='need-evidence'>
          <PhotoPicker block='need-photos' addLabel='＋ 佐证照片' photos={evidence} onChange={setEvidence} />
        </View>
      )}
      <View className='need-actions'>
        {targets.map((to) => (
          <Button
            key={to}
            type={BUTTON_TYPE[to]}
            plain={to === 'rejected' || to === 'reopened'}
            block
            round
            loading={busy === to}
            disabled={!!busy}
            onClick={() => void run(to)}
          >
            {NEED_ACTION_LABELS[to]}
          </Button>
        ))}
      </View>
    </View>
  );
}
