import { ageCheck, type BaseContext, fmt, judge, registeredCheck, type Verdict } from './facts';
import { type InForce, param, perParams } from './params';
import { POLICY_LABELS } from '../../../types/policy';

/** 提前领取养老金: registered members a few years short of 60 may draw the basic pension early. */
export function earlyPension(ctx: BaseContext, i: number, params: InForce): Verdict {
  const age = ageCheck(ctx.ages[i], param(params, 'minAge'), param(params, 'maxAge'));
  return judge([registeredCheck(ctx), age], null, ['可申请提前领取城乡居民基本养老金']);
}

/** 城乡居民养老保险代缴: the minimum premium of working-age members not in school is paid for them. */
export function pensionPremium(ctx: BaseContext, i: number, params: InForce): Verdict {
  const amount = param(params, 'amount');
  const age = ageCheck(ctx.ages[i], param(params, 'minAge'), param(params, 'maxAge'));
  const notInSchool = {
    ok: ctx.family.members[i].schooling === 'none',
    yes: '非在校生',
    no: '在校学生，不参加城乡居民养老保险',
  };
  return judge(
    [registeredCheck(ctx), age, notInSchool],
    amount,
    perParams(params, 'note', () => [`财政代缴最低档养老保险费 ${fmt(amount)} 元/年`]),
  );
}

/** 经济困难老年人补贴: registered members of advanced age. */
export function elderlyAllowance(ctx: BaseContext, i: number, params: InForce): Verdict {
  const amount = param(params, 'amount');
  const age = ageCheck(ctx.ages[i], param(params, 'minAge'));
  return judge(
    [registeredCheck(ctx), age],
    amount,
    perParams(params, 'note', () => [`${POLICY_LABELS.elderly_allowance} ${fmt(amount)} 元/年`]),
  );
}
