import {
  NEED_STEP_LABELS,
  NEED_STEPS,
  type NeedStep,
  NEED_ACTION_LABELS as ACTION_LABELS,
  NEED_STATUS_LABELS,
  NEED_TRANSITIONS as TRANSITIONS,
  NEED_TRANSITION_ONLY_FROM as ONLY_FROM,
  type NeedActor,
  type NeedStatus,
  type NeedTarget,
} from '../../../types/need';

export { availableSteps, availableTransitions, type NeedActor, type NeedStep } from '../../../types/need';

export type TransitionCheck = { ok: true } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'INVALID_INPUT'; message: string };

/** Whether `actor` may move a need from `from` to `to` with this note; the answer says why not in Chinese. */
export function checkTransition(from: NeedStatus, to: NeedTarget, actor: NeedActor, note: string | undefined): TransitionCheck {
  const rule = TRANSITIONS[to];
  if (!rule.by.includes(actor)) return { ok: false, code: 'FORBIDDEN', message: `您不能对这条需求进行「${ACTION_LABELS[to]}」操作` };
  const allowedFrom = ONLY_FROM[actor]?.[to] ?? rule.from;
  if (!allowedFrom.includes(from)) {
    return { ok: false, code: 'CONFLICT', message: `这条需求当前为「${NEED_STATUS_LABELS[from]}」，不能再「${ACTION_LABELS[to]}」` };
  }
  if (rule.noteRequired && !note?.trim()) return { ok: false, code: 'INVALID_INPUT', message: rule.noteRequired };
  return { ok: true };
}

/**
 * Whether `actor` may take a step that changes no status (转派, 督办, 提请协调) on a need in `from`.
 * `escalated` says whether the need already waits for coordination: asking twice is refused.
 */
export function checkStep(step: NeedStep, from: NeedStatus, actor: NeedActor, note: string | undefined, escalated = false): TransitionCheck {
  const rule = NEED_STEPS[step];
  const label = NEED_STEP_LABELS[step];
  if (!rule.by.includes(actor)) return { ok: false, code: 'FORBIDDEN', message: `您不能对这条需求进行「${label}」操作` };
  if (!rule.from.includes(from)) return { ok: false, code: 'CONFLICT', message: `这条需求当前为「${NEED_STATUS_LABELS[from]}」，不能再「${label}」` };
  if (step === 'escalate' && escalated) return { ok: false, code: 'CONFLICT', message: '这条需求已经提请协调，请等待扶贫办处理' };
  if (rule.noteRequired && !note?.trim()) return { ok: false, code: 'INVALID_INPUT', message: rule.noteRequired };
  return { ok: true };
}
