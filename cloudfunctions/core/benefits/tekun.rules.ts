import { type BaseContext, chineseDay, type Check, DISABILITY_LABELS, fmt, judge, type Verdict } from './facts';
import { type InForce, param } from './params';
import { POLICY_LABELS } from '../../../types/policy';

/**
 * 特困人员供养: the elderly, minors and the severely disabled (一、二级残疾) with no labour capacity,
 * no income and no supporter able to support them (国发〔2016〕14号).
 */
function tekunChecks(ctx: BaseContext, i: number, params: InForce): Check[] {
  const member = ctx.family.members[i];
  const age = ctx.ages[i];
  const elderAge = param(params, 'elderAge');
  const childAge = param(params, 'childAge');
  const severe = member.disabilityLevel === 1 || member.disabilityLevel === 2;
  const category =
    age >= elderAge
      ? `年满 ${elderAge} 周岁（${age} 周岁）`
      : age < childAge
        ? `未满 ${childAge} 周岁（${age} 周岁）`
        : severe
          ? DISABILITY_LABELS[member.disabilityLevel]
          : null;
  return [
    {
      ok: category !== null,
      yes: `${category}，属于${POLICY_LABELS.tekun}的老年人、未成年人或重度残疾人`,
      no: `年龄 ${age} 周岁（已满 ${childAge} 周岁、未满 ${elderAge} 周岁），且无一、二级残疾`,
    },
    { ok: member.laborCapacity === 'none', yes: '无劳动能力', no: `有劳动能力（${POLICY_LABELS.tekun}要求无劳动能力）` },
    { ok: !member.hasIncome, yes: '无生活来源', no: '有收入来源' },
    {
      ok: !member.hasSupporter,
      yes: '无法定赡养、抚养、扶养义务人，或其无履行义务能力',
      no: '有能履行义务的法定赡养、抚养、扶养义务人',
    },
  ];
}

/** The predicate alone: dibao needs it to leave tekun members out of its headcount. */
export function isTekun(ctx: BaseContext, i: number, params: InForce): boolean {
  // The same conditions as tekunChecks without building their sentences (asked for every member).
  const member = ctx.family.members[i];
  const age = ctx.ages[i];
  const category = age >= param(params, 'elderAge') || age < param(params, 'childAge') || member.disabilityLevel === 1 || member.disabilityLevel === 2;
  return category && member.laborCapacity === 'none' && !member.hasIncome && !member.hasSupporter;
}

/** The amount and its sentence depend only on the values in force: built once per pair, not per member. */
const supplies = new WeakMap<InForce, { dibao: InForce; amount: number; note: string }>();

function supply(params: InForce, dibao: InForce): { amount: number; note: string } {
  const known = supplies.get(params);
  if (known && known.dibao === dibao) return known;
  const factor = param(params, 'factor');
  const standard = param(dibao, 'standard');
  const amount = Math.round(factor * standard);
  const note = `供养标准为 ${chineseDay(dibao.from)}起执行的低保标准 ${fmt(standard)} 元 × ${fmt(factor)} = ${fmt(amount)} 元/年`;
  supplies.set(params, { dibao, amount, note });
  return { amount, note };
}

export function tekun(ctx: BaseContext, i: number, params: InForce): Verdict {
  const { amount, note } = supply(params, ctx.inForce('dibao'));
  return judge(tekunChecks(ctx, i, params), amount, [note]);
}
