import { POLICY_LABELS, type PolicyCode } from '@bangfu/types';
import { yuan as yuanOf } from '@bangfu/types/format';

/** Each policy's one name (types/policy.ts POLICY_LABELS): the same words as the catalogue, the reasons and the sheets. */
export const POLICY_NAMES: Record<PolicyCode, string> = POLICY_LABELS;

/** `12345` → `12,345 元`; null (a service) → `—`. */
export function yuan(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return yuanOf(Math.round(amount));
}

/**
 * What to do about a gap: the household is told whom to ask (`who`, from contactWho: its helper,
 * else its 村干部), helpers and admins what to get done.
 */
export function gapTodo(kind: 'unpaid' | 'short' | 'approval_missing', audience: 'household' | 'staff' = 'household', who = '帮扶人'): string {
  if (kind === 'short') {
    return audience === 'staff' ? '今年少享：核实标准后补发差额，补发后录入兑现记录' : `今年到账的比应享的少：请联系${who}核实，帮您申请补发差额`;
  }
  if (audience === 'staff') {
    return kind === 'approval_missing' ? '尚未办理慢病认定：协助到乡镇卫生院办理认定' : '今年尚未兑现：核实后申请发放，发放后录入兑现记录';
  }
  return kind === 'approval_missing' ? `还没有办理认定：请联系${who}，协助到乡镇卫生院办理` : `今年还没有到账：请联系${who}核实，帮您申请或补发`;
}
