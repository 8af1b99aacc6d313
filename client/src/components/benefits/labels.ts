import type { PolicyCode } from '@bangfu/types';
import { yuan as yuanOf } from '@bangfu/types/format';

/** Short names people use for the catalogue of SPEC §3. */
export const POLICY_NAMES: Record<PolicyCode, string> = {
  dibao: '低保', tekun: '特困供养', medical_premium: '医保代缴', pay_after_care: '先诊疗后付费', chronic_outpatient: '慢性病门诊',
  education_waiver: '义务教育免费', yulu: '雨露计划', early_pension: '提前领取养老金', pension_premium: '养老保险代缴',
  disability_living: '困难残疾人生活补贴', disability_care: '重度残疾人护理补贴', housing_repair: '危房改造', public_job: '公益岗位',
  microcredit: '扶贫小额信贷贴息', temporary_aid: '临时救助', elderly_allowance: '高龄老人补贴',
};

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
  return kind === 'approval_missing'
    ? `还没有办理认定：请联系${who}，协助到乡镇卫生院办理`
    : `今年还没有到账：请联系${who}核实，帮您申请或补发`;
}
