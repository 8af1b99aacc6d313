import { NEED_ACTION_LABELS as ACTION_LABELS, NEED_STATUS_LABELS, NEED_TRANSITIONS as TRANSITIONS, NEED_TRANSITION_ONLY_FROM as ONLY_FROM, type NeedActor, type NeedStatus, type NeedTarget } from '../../../types/need';

export { availableTransitions, type NeedActor } from '../../../types/need';

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'INVALID_INPUT'; message: string };

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
