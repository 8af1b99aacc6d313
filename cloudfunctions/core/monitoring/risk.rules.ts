import { HIGH_RULES, type Assessment, type AssessHousehold, type MonitoringType, type RiskFinding, type RiskLevel } from '../../../types/monitoring';
import type { DatedValues } from '../../../types/policy';
import { addDays, chineseDay, thousands } from '../../../types/format';
import { SCHOOLING_LABELS } from '../../../types/household';
import { ageOn } from '../time';

/**
 * The eight SPEC §3b rules as small pure functions over a family's facts on a date, each with its
 * reasons in plain Chinese and the figures used. Unit-tested as sentences on every boundary in
 * test/core/monitoring/risk.rules.test.ts.
 */
export interface MonitoringParams {
  from: string;
  line: number;
  medicalThreshold: number;
  medicalIncomeShare: number;
  dropShare: number;
}

/** The parameters in force on `date` (the latest entry from on or before it); null before the first. */
export function monitoringParamsAt(values: DatedValues[], date: string): MonitoringParams | null {
  let chosen: DatedValues | undefined;
  for (const v of values) if (v.from <= date && (!chosen || v.from >= chosen.from)) chosen = v;
  if (!chosen) return null;
  const p = chosen.params;
  return { from: chosen.from, line: p.line, medicalThreshold: p.medicalThreshold, medicalIncomeShare: p.medicalIncomeShare, dropShare: p.dropShare };
}

const yuan = (n: number) => `${thousands(Math.round(n))} 元`;
const share = (x: number) => `${Math.round(x * 100)}%`;

interface Facts {
  h: AssessHousehold;
  date: string;
  p: MonitoringParams;
  /** The income record with the greatest year not after the date's year, and the one for the year before it. */
  latest: { year: number; amount: number } | null;
  previous: { year: number; amount: number } | null;
  perCapita: (amount: number) => number;
}

function factsOf(h: AssessHousehold, date: string, p: MonitoringParams): Facts {
  const year = Number(date.slice(0, 4));
  const usable = h.incomes.filter((i) => i.year <= year);
  // A later duplicate of a year wins, as a corrected record would.
  const byYear = new Map(usable.map((i) => [i.year, i]));
  const latestYear = Math.max(-Infinity, ...byYear.keys());
  const latest = Number.isFinite(latestYear) ? byYear.get(latestYear)! : null;
  const previous = latest ? (byYear.get(latest.year - 1) ?? null) : null;
  return { h, date, p, latest, previous, perCapita: (amount) => amount / h.members.length };
}

const finding = (rule: RiskFinding['rule'], triggered: boolean, reasons: string[], member: number | null = null): RiskFinding => ({
  rule,
  member,
  triggered,
  reasons,
});

function incomeBelowLine(f: Facts): RiskFinding {
  const line = `${chineseDay(f.p.from)}起的监测范围 ${yuan(f.p.line)}`;
  if (!f.latest) return finding('income_below_line', false, [`没有 ${f.date.slice(0, 4)} 年及以前的家庭收入记录，无法判断`]);
  const pc = f.perCapita(f.latest.amount);
  return pc < f.p.line
    ? finding('income_below_line', true, [`${f.latest.year} 年家庭人均纯收入 ${yuan(pc)}，低于${line}`])
    : finding('income_below_line', false, [`${f.latest.year} 年家庭人均纯收入 ${yuan(pc)}，不低于${line}`]);
}

function incomeDrop(f: Facts): RiskFinding {
  if (!f.latest || !f.previous) {
    const missing = f.latest ? `${f.latest.year - 1} 年` : `${f.date.slice(0, 4)} 年及以前`;
    return finding('income_drop', false, [`缺少${missing}的收入记录，无法比较`]);
  }
  const before = f.perCapita(f.previous.amount);
  const now = f.perCapita(f.latest.amount);
  if (before <= 0) return finding('income_drop', false, [`${f.previous.year} 年人均纯收入为 0，无法比较`]);
  const fell = (before - now) / before;
  const text = `${f.previous.year} 年人均纯收入 ${yuan(before)}，${f.latest.year} 年 ${yuan(now)}`;
  return before - now >= f.p.dropShare * before
    ? finding('income_drop', true, [`${text}，下降 ${share(fell)}，达到 ${share(f.p.dropShare)}`])
    : finding('income_drop', false, [`${text}，${fell > 0 ? `下降 ${share(fell)}，未达到 ${share(f.p.dropShare)}` : '没有下降'}`]);
}

function medicalBurden(f: Facts): RiskFinding {
  // Dated later than 365 days before the date, and not after it: days compare as ISO strings.
  const since = addDays(f.date, -364);
  const total = f.h.medicalExpenses.filter((e) => e.date >= since && e.date <= f.date).reduce((s, e) => s + e.outOfPocket, 0);
  const spent = `${chineseDay(since)}至${chineseDay(f.date)}自付医疗费用 ${yuan(total)}`;
  if (total >= f.p.medicalThreshold) return finding('medical_burden', true, [`${spent}，达到大额医疗支出线 ${yuan(f.p.medicalThreshold)}`]);
  const income = f.latest?.amount ?? 0;
  if (income > 0 && total >= f.p.medicalIncomeShare * income) {
    return finding('medical_burden', true, [`${spent}，达到 ${f.latest!.year} 年家庭纯收入 ${yuan(income)}的 ${share(f.p.medicalIncomeShare)}`]);
  }
  const incomePart = income > 0 ? `，也不到 ${f.latest!.year} 年家庭纯收入的 ${share(f.p.medicalIncomeShare)}` : '';
  return finding('medical_burden', false, [`${spent}，低于 ${yuan(f.p.medicalThreshold)}${incomePart}`]);
}

const suddenHardship = (f: Facts) =>
  f.h.emergencyInLast90Days ? finding('sudden_hardship', true, ['近 90 天内报告过急难情况']) : finding('sudden_hardship', false, ['近 90 天内没有急难情况']);

const housingUnsafe = (f: Facts) =>
  f.h.housingGrade === 'C' || f.h.housingGrade === 'D'
    ? finding('housing_unsafe', true, [`住房鉴定为 ${f.h.housingGrade} 级危房`])
    : finding('housing_unsafe', false, [`住房安全等级为 ${f.h.housingGrade} 级`]);

const waterUnsafe = (f: Facts) => (f.h.safeWater ? finding('water_unsafe', false, ['饮水安全有保障']) : finding('water_unsafe', true, ['饮水安全没有保障']));

function dropoutRisk(f: Facts): RiskFinding[] {
  return f.h.members.map((m, i) => {
    const age = ageOn(m.birthDate, f.date);
    if (age < 6 || age > 15) return finding('dropout_risk', false, [`${age} 周岁，不在义务教育年龄（6–15 周岁）`], i);
    return m.schooling === 'none'
      ? finding('dropout_risk', true, [`${age} 周岁，处于义务教育年龄，目前未在校`], i)
      : finding('dropout_risk', false, [`${age} 周岁，在读${SCHOOLING_LABELS[m.schooling]}`], i);
  });
}

function noSupport(f: Facts): RiskFinding {
  const noneCanWork = f.h.members.every((m) => m.laborCapacity === 'none');
  if (!noneCanWork) return finding('no_support', false, ['家中有成员具备劳动能力']);
  return f.h.members.some((m) => m.hasSupporter)
    ? finding('no_support', false, ['家中成员都没有劳动能力，但有赡养（扶养）人'])
    : finding('no_support', true, ['家中成员都没有劳动能力，也没有有能力的赡养（扶养）人']);
}

/** Every rule on the household (and each member for member rules), the level and the suggested monitoring type. */
export function assessFamily(h: AssessHousehold, date: string, p: MonitoringParams): Assessment {
  const f = factsOf(h, date, p);
  const risks = [incomeBelowLine(f), incomeDrop(f), medicalBurden(f), suddenHardship(f), housingUnsafe(f), waterUnsafe(f), ...dropoutRisk(f), noSupport(f)];
  const triggered = new Set(risks.filter((r) => r.triggered).map((r) => r.rule));
  const level: RiskLevel = HIGH_RULES.some((r) => triggered.has(r)) ? 'high' : triggered.size ? 'medium' : 'none';
  let suggestedType: MonitoringType | null = null;
  if (level !== 'none' && h.status !== 'monitored') {
    if (triggered.has('medical_burden') || triggered.has('sudden_hardship')) suggestedType = 'sudden_hardship';
    else if (h.status === 'poor' || h.status === 'exited_enjoying' || h.status === 'exited_not_enjoying') suggestedType = 'unstable';
    else suggestedType = 'marginal';
  }
  return { risks, level, suggestedType };
}
