import { LABOR_CAPACITY_LABELS, SCHOOLING_LABELS } from '../../../types/household';
import { ageCheck, type BaseContext, fmt, judge, registeredCheck, type Verdict } from './facts';
import { type InForce, param, perParams } from './params';

/** 危房改造: a one-off grant by the grade of the house (C: local repair, D: rebuild). */
export function housingRepair(ctx: BaseContext, params: InForce): Verdict {
  const grade = ctx.family.housingGrade;
  const unsafe = grade === 'C' || grade === 'D';
  const house = { ok: unsafe, yes: `住房鉴定为 ${grade} 级危房`, no: `住房安全等级为 ${grade} 级，不属于 C、D 级危房` };
  const amount = unsafe ? param(params, grade === 'C' ? 'gradeC' : 'gradeD') : null;
  const notes = perParams(params, `note-${grade}`, () => [`${grade === 'D' ? '拆除重建' : '加固维修'}补助 ${fmt(amount ?? 0)} 元（一次性）`]);
  return judge([registeredCheck(ctx), house], amount, notes);
}

/** 公益岗位: working-age members able to work but without a job or schooling. */
export function publicJob(ctx: BaseContext, i: number, params: InForce): Verdict {
  const member = ctx.family.members[i];
  const age = ageCheck(ctx.ages[i], param(params, 'minAge'), param(params, 'maxAge'));
  const labor = LABOR_CAPACITY_LABELS[member.laborCapacity];
  const checks = [
    registeredCheck(ctx),
    age,
    { ok: member.laborCapacity !== 'none', yes: labor, no: `${labor}，无法上岗` },
    { ok: !member.employed, yes: '目前未就业', no: '已就业' },
    { ok: member.schooling === 'none', yes: '非在校生', no: `在读${SCHOOLING_LABELS[member.schooling]}` },
  ];
  const pay = perParams(params, 'note', () => [
    `可安排公益岗位，岗位补贴 ${fmt(param(params, 'monthlyMin'))}–${fmt(param(params, 'monthlyMax'))} 元/月（按岗位而定）`,
  ]);
  return judge(checks, null, pay);
}

/**
 * 扶贫小额信贷贴息: a registered household with at least one full labourer of working age can borrow.
 * When it cannot, the reason says which condition failed: a member who 能干轻活 (`partial`) has
 * labour capacity, only not the full capacity the loan asks for, so "没有劳动能力" would be wrong.
 */
export function microcredit(ctx: BaseContext, params: InForce): Verdict {
  const minAge = param(params, 'minAge');
  const maxAge = param(params, 'maxAge');
  const range = `${minAge}–${maxAge} 周岁`;
  const members = ctx.family.members.map((m, i) => ({ labor: m.laborCapacity, inAge: ctx.ages[i] >= minAge && ctx.ages[i] <= maxAge }));
  const workers = members.filter((m) => m.labor === 'full' && m.inAge).length;
  const whyNot = () => {
    if (members.some((m) => m.inAge && m.labor === 'partial'))
      return `家中 ${range}的成员只能干轻活（弱劳动力），小额信贷要求至少有一名 ${range}、能正常干活（有劳动力）的成员`;
    if (members.some((m) => m.labor === 'full')) return `家中能正常干活（有劳动力）的成员不在 ${range}`;
    if (!members.some((m) => m.inAge)) return `家中没有 ${range}的成员`;
    return `家中 ${range}的成员没有劳动能力`;
  };
  const labor = { ok: workers > 0, yes: `有 ${workers} 名 ${range}的劳动力`, no: workers > 0 ? '' : whyNot() };
  const notes = perParams(params, 'note', () => [`可申请 ${fmt(param(params, 'loanCap'))} 元以下免抵押、免担保贷款，财政贴息`]);
  return judge([registeredCheck(ctx), labor], null, notes);
}

/** 临时救助: any family hit by an emergency recently, registered or not. The 90-day window is in the facts. */
export function temporaryAid(ctx: BaseContext, params: InForce): Verdict {
  const emergency = {
    ok: ctx.family.emergencyInLast90Days,
    yes: '近 90 天内遭遇急难情况',
    no: '近 90 天内没有急难情况',
  };
  return judge(
    [emergency],
    null,
    perParams(params, 'note', () => [`可申请临时救助，每次最高 ${fmt(param(params, 'capPerEvent'))} 元`]),
  );
}
