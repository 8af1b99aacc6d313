import { POLICY_LABELS, type Policy, type PolicyCode } from '../../../types/policy';

/**
 * The seeded policy catalogue (SPEC §3), in the order decisions are listed. Parameters are dated
 * data: a value holds from its `from` until the next entry, so raising a standard appends an
 * entry instead of editing history. Ages are bounds in whole years, both ends inclusive.
 */
const SINCE = '2018-01-01';

type Entry = Omit<Policy, '_id' | 'reference' | 'label'> & { reference: string };

const ENTRIES: Entry[] = [
  {
    code: 'dibao',
    level: 'household',
    unit: 'CNY/person/year',
    reference: '市民政局关于提高城乡低保标准的通知',
    values: [
      { from: SINCE, params: { standard: 3600 } },
      { from: '2020-01-01', params: { standard: 5160 } },
    ],
  },
  {
    code: 'tekun',
    level: 'member',
    unit: 'CNY/person/year',
    reference: '国务院关于进一步健全特困人员救助供养制度的意见',
    values: [{ from: SINCE, params: { elderAge: 60, childAge: 16, factor: 1.3 } }],
  },
  {
    code: 'medical_premium',
    level: 'member',
    unit: 'CNY/person/year',
    reference: '医疗保障扶贫三年行动实施方案（2018—2020年）',
    values: [{ from: SINCE, params: { amount: 100 } }],
  },
  {
    code: 'pay_after_care',
    level: 'household',
    unit: 'service',
    reference: '农村贫困住院患者县域内先诊疗后付费工作方案',
    values: [{ from: SINCE, params: {} }],
  },
  {
    code: 'chronic_outpatient',
    level: 'member',
    unit: 'service',
    reference: '健康扶贫三年攻坚行动实施方案',
    values: [{ from: SINCE, params: {} }],
  },
  {
    code: 'education_waiver',
    level: 'member',
    unit: 'service',
    reference: '县建档立卡家庭学生学前至义务教育阶段资助实施办法',
    values: [{ from: SINCE, params: {} }],
  },
  {
    code: 'yulu',
    level: 'member',
    unit: 'CNY/person/year',
    reference: '关于加强雨露计划支持农村贫困家庭新成长劳动力接受职业教育的意见',
    values: [{ from: SINCE, params: { amount: 1500 } }],
  },
  {
    code: 'early_pension',
    level: 'member',
    unit: 'service',
    reference: '关于切实做好社会保险扶贫工作的意见',
    values: [{ from: SINCE, params: { minAge: 55, maxAge: 59 } }],
  },
  {
    code: 'pension_premium',
    level: 'member',
    unit: 'CNY/person/year',
    reference: '关于切实做好社会保险扶贫工作的意见',
    values: [{ from: SINCE, params: { minAge: 16, maxAge: 54, amount: 100 } }],
  },
  {
    code: 'disability_living',
    level: 'member',
    unit: 'CNY/person/year',
    reference: '国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见',
    values: [{ from: SINCE, params: { amount: 1200 } }],
  },
  {
    code: 'disability_care',
    level: 'member',
    unit: 'CNY/person/year',
    reference: '国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见',
    values: [{ from: SINCE, params: { amount: 1200 } }],
  },
  {
    code: 'housing_repair',
    level: 'household',
    unit: 'CNY/household/once',
    reference: '关于决战决胜脱贫攻坚进一步做好农村危房改造工作的通知',
    values: [{ from: SINCE, params: { gradeC: 15000, gradeD: 30000 } }],
  },
  {
    code: 'public_job',
    level: 'member',
    unit: 'service',
    reference: '关于做好公益性岗位开发管理有关工作的通知',
    values: [{ from: SINCE, params: { minAge: 18, maxAge: 65, monthlyMin: 500, monthlyMax: 900 } }],
  },
  {
    code: 'microcredit',
    level: 'household',
    unit: 'service',
    reference: '关于创新发展扶贫小额信贷的指导意见',
    values: [{ from: SINCE, params: { minAge: 18, maxAge: 65, loanCap: 50000 } }],
  },
  {
    code: 'temporary_aid',
    level: 'household',
    unit: 'service',
    reference: '国务院关于全面建立临时救助制度的通知',
    values: [{ from: SINCE, params: { capPerEvent: 5000 } }],
  },
  {
    code: 'elderly_allowance',
    level: 'member',
    unit: 'CNY/person/year',
    reference: '关于建立健全经济困难的高龄、失能等老年人补贴制度的通知',
    values: [{ from: SINCE, params: { minAge: 80, amount: 1200 } }],
  },
];

export const DEFAULT_POLICIES: Policy[] = ENTRIES.map(({ reference, ...entry }) => ({
  _id: entry.code,
  ...entry,
  label: POLICY_LABELS[entry.code],
  reference: [{ title: reference }],
}));

export const POLICY_ORDER: readonly PolicyCode[] = DEFAULT_POLICIES.map((p) => p.code);

/** A plausible range for one parameter, both ends inclusive, with the unit a message names. */
export interface ParamRange {
  min: number;
  max: number;
  unit: string;
}

const AGE = (min: number, max: number): ParamRange => ({ min, max, unit: '周岁' });
const YUAN = (min: number, max: number, unit = '元/人·年'): ParamRange => ({ min, max, unit });

/**
 * What an admin may set, per policy and parameter: wide enough for any county's standard, narrow
 * enough to catch a slipped digit (a 低保标准 of 0 or 540,000). Amounts follow the orders of
 * magnitude in the notices cited above.
 */
export const PARAM_RANGES: Partial<Record<PolicyCode, Record<string, ParamRange>>> = {
  dibao: { standard: YUAN(1000, 20000) },
  tekun: { elderAge: AGE(50, 80), childAge: AGE(14, 18), factor: { min: 1, max: 3, unit: '倍' } },
  medical_premium: { amount: YUAN(10, 2000) },
  yulu: { amount: YUAN(500, 10000) },
  early_pension: { minAge: AGE(45, 60), maxAge: AGE(50, 65) },
  pension_premium: { minAge: AGE(16, 30), maxAge: AGE(40, 60), amount: YUAN(10, 2000) },
  disability_living: { amount: YUAN(100, 10000) },
  disability_care: { amount: YUAN(100, 10000) },
  housing_repair: { gradeC: YUAN(1000, 100000, '元/户'), gradeD: YUAN(1000, 200000, '元/户') },
  public_job: { minAge: AGE(16, 30), maxAge: AGE(50, 70), monthlyMin: YUAN(100, 5000, '元/月'), monthlyMax: YUAN(100, 10000, '元/月') },
  microcredit: { minAge: AGE(16, 30), maxAge: AGE(50, 70), loanCap: YUAN(10000, 500000, '元') },
  temporary_aid: { capPerEvent: YUAN(500, 50000, '元/次') },
  elderly_allowance: { minAge: AGE(60, 100), amount: YUAN(100, 10000) },
};

/** Pairs of parameters where the first must not exceed the second. */
export const PARAM_ORDER: ReadonlyArray<readonly [string, string]> = [
  ['minAge', 'maxAge'],
  ['monthlyMin', 'monthlyMax'],
  ['gradeC', 'gradeD'],
];
