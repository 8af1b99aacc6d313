import { z } from './z';
import { IsoDate, IsoDateTime } from './common';

/** The policy catalogue of SPEC §3. */
export const PolicyCode = z.enum(
  [
    'dibao',
    'tekun',
    'medical_premium',
    'pay_after_care',
    'chronic_outpatient',
    'education_waiver',
    'yulu',
    'early_pension',
    'pension_premium',
    'disability_living',
    'disability_care',
    'housing_repair',
    'public_job',
    'microcredit',
    'temporary_aid',
    'elderly_allowance',
  ],
  { error: '政策代码不在政策目录中' },
);
export type PolicyCode = z.infer<typeof PolicyCode>;

/**
 * The one name of each policy, everywhere: the catalogue, rule reasons, sheets, and every screen
 * (a household told 高龄老人补贴 on one page and 经济困难老年人补贴 on another asks which it gets).
 */
export const POLICY_LABELS: Record<PolicyCode, string> = {
  dibao: '农村最低生活保障',
  tekun: '特困人员供养',
  medical_premium: '城乡居民医保代缴',
  pay_after_care: '先诊疗后付费 · 一站式结算',
  chronic_outpatient: '慢性病门诊',
  education_waiver: '学前至义务教育免费',
  yulu: '雨露计划',
  early_pension: '提前领取养老金',
  pension_premium: '城乡居民养老保险代缴',
  disability_living: '困难残疾人生活补贴',
  disability_care: '重度残疾人护理补贴',
  housing_repair: '危房改造',
  public_job: '公益岗位',
  microcredit: '扶贫小额信贷贴息',
  temporary_aid: '临时救助',
  elderly_allowance: '经济困难老年人补贴',
};

/** Parameter values that hold from `from` until the next entry's date. */
export const DatedValues = z.object({
  from: IsoDate,
  params: z.record(z.string(), z.number()),
  /** Who set these values and when (absent on the seeded defaults): the history an inspector asks for. */
  setBy: z.string().optional(),
  setAt: IsoDateTime.optional(),
});
export type DatedValues = z.infer<typeof DatedValues>;

/** 政策: one entry of the catalogue, with its effective-dated parameters. */
export const Policy = z.object({
  _id: PolicyCode,
  code: PolicyCode,
  label: z.string(),
  level: z.enum(['household', 'member']),
  unit: z.string(),
  reference: z.array(z.object({ title: z.string() })).default([]),
  values: z.array(DatedValues),
});
export type Policy = z.infer<typeof Policy>;

/** Human names of the parameters, for the admin catalogue and reasons. */
export const PARAM_LABELS: Record<string, string> = {
  standard: '低保标准（元/人/年）',
  elderAge: '老年年龄线（周岁）',
  childAge: '未成年年龄线（周岁）',
  factor: '供养标准系数（× 低保标准）',
  amount: '金额（元/年）',
  minAge: '最低年龄（周岁）',
  maxAge: '最高年龄（周岁）',
  gradeC: 'C 级危房补助（元，一次性）',
  gradeD: 'D 级危房补助（元，一次性）',
  monthlyMin: '岗位补贴下限（元/月）',
  monthlyMax: '岗位补贴上限（元/月）',
  loanCap: '贴息贷款上限（元）',
  capPerEvent: '单次救助上限（元）',
};
