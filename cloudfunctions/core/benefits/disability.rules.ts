import { type Check, DISABILITY_LABELS, type FamilyContext, fmt, judge, type Verdict } from './facts';
import { type InForce, param, perParams } from './params';
import { POLICY_LABELS } from '../../../types/policy';

function disabilityCheck(level: number, max: number): Check {
  const band = max === 2 ? '一、二级' : '一至四级';
  return {
    ok: level >= 1 && level <= max,
    yes: `持证${DISABILITY_LABELS[level]}，属于${band}残疾`,
    no: level === 0 ? '未登记残疾' : `${DISABILITY_LABELS[level]}，不属于${band}残疾`,
  };
}

/** 困难残疾人生活补贴: any certified disability in a household on dibao. */
export function disabilityLiving(ctx: FamilyContext, i: number, params: InForce): Verdict {
  const amount = param(params, 'amount');
  const onDibao = { ok: ctx.dibaoEntitled, yes: `家庭享受${POLICY_LABELS.dibao}`, no: `家庭不符合${POLICY_LABELS.dibao}条件` };
  const level = disabilityCheck(ctx.family.members[i].disabilityLevel, 4);
  return judge(
    [level, onDibao],
    amount,
    perParams(params, 'note', () => [`生活补贴 ${fmt(amount)} 元/年`]),
  );
}

/** 重度残疾人护理补贴: severe (level 1–2) disability, whatever the household's income. */
export function disabilityCare(ctx: FamilyContext, i: number, params: InForce): Verdict {
  const amount = param(params, 'amount');
  const level = disabilityCheck(ctx.family.members[i].disabilityLevel, 2);
  return judge(
    [level],
    amount,
    perParams(params, 'note', () => [`护理补贴 ${fmt(amount)} 元/年`]),
  );
}
