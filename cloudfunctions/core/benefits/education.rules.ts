import { SCHOOLING_LABELS, type Schooling } from '../../../types/household';
import { type BaseContext, type Check, fmt, judge, registeredCheck, type Verdict } from './facts';
import { type InForce, param, perParams } from './params';

function schoolingCheck(ctx: BaseContext, i: number, levels: readonly Schooling[], stage: string): Check {
  const schooling = ctx.family.members[i].schooling;
  const label = SCHOOLING_LABELS[schooling];
  return { ok: levels.includes(schooling), yes: `在读${label}，属于${stage}`, no: `在校情况为${label}，不属于${stage}` };
}

/** 学前至义务教育免费: fees waived from kindergarten to junior middle school. */
export function educationWaiver(ctx: BaseContext, i: number): Verdict {
  const check = schoolingCheck(ctx, i, ['preschool', 'primary', 'junior'], '学前至义务教育阶段');
  return judge([registeredCheck(ctx), check], null, ['免除保教费、学杂费，按规定享受生活补助']);
}

/** 雨露计划: a yearly grant for registered students in secondary or higher vocational school. */
export function yulu(ctx: BaseContext, i: number, params: InForce): Verdict {
  const amount = param(params, 'amount');
  const check = schoolingCheck(ctx, i, ['vocational', 'higher_vocational'], '中职或高职教育');
  return judge(
    [registeredCheck(ctx), check],
    amount,
    perParams(params, 'note', () => [`雨露计划补助 ${fmt(amount)} 元/年`]),
  );
}
