import { chineseDay, type BaseContext, fmt, type Verdict } from './facts';
import { type InForce, param } from './params';

/**
 * 农村最低生活保障: the household is topped up to the standard for each member, except members
 * already supported as 特困 (they are not counted twice). Income equal to the standard is not "below" it.
 */
export function dibao(ctx: BaseContext & { tekun: boolean[] }, params: InForce): Verdict {
  const standard = param(params, 'standard');
  const size = ctx.family.members.length;
  const tekunCount = ctx.tekun.filter(Boolean).length;
  const counted = size - tekunCount;
  const below = ctx.perCapita < standard;
  const reasons = [
    below
      ? `家庭年人均收入 ${fmt(ctx.perCapita)} 元，低于 ${chineseDay(params.from)}起执行的低保标准 ${fmt(standard)} 元`
      : // SPEC §3 phrasing of the not-entitled case, word for word.
        `家庭年人均收入 ${fmt(ctx.perCapita)} 元，不低于低保标准 ${fmt(standard)} 元`,
  ];
  if (counted === 0) {
    reasons.push(`全部 ${size} 名成员均享受特困人员供养，不再纳入低保`);
    return { entitled: false, amount: null, reasons };
  }
  if (!below) return { entitled: false, amount: null, reasons };
  const amount = Math.round((standard - ctx.perCapita) * counted);
  if (tekunCount > 0) reasons.push(`其中 ${tekunCount} 名成员享受特困人员供养，不计入低保人数`);
  reasons.push(`补差 (${fmt(standard)} − ${fmt(ctx.perCapita)}) 元 × ${counted} 人 = ${fmt(amount)} 元/年`);
  return { entitled: true, amount, reasons };
}
