import { type BaseContext, fmt, judge, registeredCheck, type Verdict } from './facts';
import { type InForce, param, perParams } from './params';

/** 城乡居民医保代缴: the individual premium of every registered member is paid by the state. */
export function medicalPremium(ctx: BaseContext, _i: number, params: InForce): Verdict {
  const amount = param(params, 'amount');
  return judge(
    [registeredCheck(ctx)],
    amount,
    perParams(params, 'note', () => [`财政代缴城乡居民医保个人缴费 ${fmt(amount)} 元/年`]),
  );
}

/** 先诊疗后付费: registered households are admitted in the county without a deposit. */
export function payAfterCare(ctx: BaseContext): Verdict {
  return judge([registeredCheck(ctx)], null, ['县域内住院免交押金，出院时一站式结算']);
}

/**
 * 慢性病门诊: entitled on the illness; the 慢病认定 is an administrative step the helper must get
 * done, so a missing approval is said in the reasons (a gap to act on), not a refusal.
 */
export function chronicOutpatient(ctx: BaseContext, i: number): Verdict {
  const member = ctx.family.members[i];
  const illness = { ok: member.chronicIllness, yes: '患有慢性病', no: '未登记患有慢性病' };
  const approval = member.chronicApproved
    ? '已办理慢病认定，门诊费用按慢性病门诊政策报销'
    : '尚未办理慢病认定：请协助到乡镇卫生院申请认定，认定后方可按慢性病门诊报销';
  return judge([registeredCheck(ctx), illness], null, [approval]);
}
