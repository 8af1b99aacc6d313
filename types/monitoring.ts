import { z } from './z';
import { boundedRecord, Id, IsoDate, IsoDateTime, Paging, Uuid } from './common';
import { CalculatorMember } from './benefit';
import { HouseholdStatus, HousingGrade, MonitoringType } from './household';
import type { DatedValues } from './policy';

/**
 * 防返贫监测预警 (SPEC §3b): the eight risk rules, their dated parameters and the public `assess`
 * contract, shared by the self-check page and the server.
 */
export const RiskRule = z.enum([
  'income_below_line',
  'income_drop',
  'medical_burden',
  'sudden_hardship',
  'housing_unsafe',
  'water_unsafe',
  'dropout_risk',
  'no_support',
]);
export type RiskRule = z.infer<typeof RiskRule>;
export const RISK_RULE_LABELS: Record<RiskRule, string> = {
  income_below_line: '收入低于监测范围',
  income_drop: '收入大幅下降',
  medical_burden: '大额医疗支出',
  sudden_hardship: '突发严重困难',
  housing_unsafe: '住房安全无保障',
  water_unsafe: '饮水安全无保障',
  dropout_risk: '义务教育辍学风险',
  no_support: '无劳动能力且无赡养',
};
/** Rules judged once per member; the others once per household. */
export const MEMBER_RULES: readonly RiskRule[] = ['dropout_risk'];
/** A triggered one of these makes the level high. */
export const HIGH_RULES: readonly RiskRule[] = ['income_below_line', 'medical_burden', 'sudden_hardship'];

export { MonitoringType } from './household';
export const MONITORING_TYPE_LABELS: Record<MonitoringType, string> = { unstable: '脱贫不稳定户', marginal: '边缘易致贫户', sudden_hardship: '突发严重困难户' };
export const RiskLevel = z.enum(['high', 'medium', 'none']);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** SPEC §3b parameters, dated: each entry holds every parameter from its date on. */
export const MONITORING_PARAM_LABELS: Record<string, string> = {
  line: '监测范围（元/人/年）',
  medicalThreshold: '大额医疗支出线（元/年）',
  medicalIncomeShare: '医疗支出占家庭年收入比例',
  dropShare: '收入下降比例',
};
const same = { medicalThreshold: 10_000, medicalIncomeShare: 0.5, dropShare: 0.3 };
export const DEFAULT_MONITORING_VALUES: DatedValues[] = [
  { from: '2021-01-01', params: { line: 6_000, ...same } },
  { from: '2022-01-01', params: { line: 7_000, ...same } },
  { from: '2023-01-01', params: { line: 7_500, ...same } },
  { from: '2024-01-01', params: { line: 8_000, ...same } },
  { from: '2025-01-01', params: { line: 8_500, ...same } },
];

const Year = z.number({ error: '年份应为数字' }).int({ error: '年份应为整数' }).min(2000, { error: '年份应在 2000 年以后' }).max(2100, { error: '年份不合理' });
const Yuan = (what: string) =>
  z
    .number({ error: `${what}应为数字（元）` })
    .min(0, { error: `${what}不能为负数` })
    .max(100_000_000, { error: `${what}过大，请核对` });

export const AssessMember = CalculatorMember.extend({ hasSupporter: z.boolean().default(false) });
export const AssessHousehold = z.object({
  status: HouseholdStatus,
  housingGrade: HousingGrade.default('A'),
  safeWater: z.boolean({ error: '饮水是否安全应为 true 或 false' }).default(true),
  emergencyInLast90Days: z.boolean().default(false),
  incomes: z
    .array(z.object({ year: Year, amount: Yuan('家庭年纯收入') }), { error: '收入应为列表' })
    .max(30, { error: '收入记录最多 30 年' })
    .default([]),
  medicalExpenses: z
    .array(z.object({ date: IsoDate, outOfPocket: Yuan('自付医疗费用') }), { error: '医疗支出应为列表' })
    .max(500, { error: '医疗支出最多 500 条' })
    .default([]),
  members: z.array(AssessMember).min(1, { error: '请至少填写一位家庭成员' }).max(30, { error: '家庭成员最多 30 人' }),
});
export type AssessHousehold = z.infer<typeof AssessHousehold>;
export const AssessInput = z.object({ date: IsoDate.optional(), household: AssessHousehold });
export type AssessInput = z.infer<typeof AssessInput>;

export const RiskFinding = z.object({ rule: RiskRule, member: z.number().int().nullable(), triggered: z.boolean(), reasons: z.array(z.string()) });
export type RiskFinding = z.infer<typeof RiskFinding>;
export const Assessment = z.object({ risks: z.array(RiskFinding), level: RiskLevel, suggestedType: MonitoringType.nullable() });
export type Assessment = z.infer<typeof Assessment>;

/** 自付医疗费用: one out-of-pocket cost of a member, entered by staff or imported from the 医保 bureau's sheet. */
export const MedicalExpense = z.object({
  _id: Id,
  householdId: Id,
  memberId: Id,
  countyId: Id,
  townId: Id,
  villageId: Id,
  date: IsoDate,
  outOfPocket: z.number().min(0),
  source: z.enum(['manual', 'import']),
  createdBy: Id,
  createdAt: IsoDateTime,
});
export type MedicalExpense = z.infer<typeof MedicalExpense>;
export const AddMedicalExpenseInput = z.object({
  /** Client-generated, so a re-send is stored once. */
  id: Uuid,
  householdId: Id,
  memberId: Id,
  date: IsoDate,
  outOfPocket: Yuan('自付医疗费用'),
});
export type AddMedicalExpenseInput = z.infer<typeof AddMedicalExpenseInput>;
export const HouseholdAssessment = Assessment.extend({ householdId: Id, date: IsoDate, memberNames: z.array(z.string()) });
export type HouseholdAssessment = z.infer<typeof HouseholdAssessment>;

/** 识别纳入 stages (SPEC §3b): verify at home → village review (with 公示) → town review → county confirmation. */
export const WarningStage = z.enum(['verify', 'village_review', 'town_review', 'county_confirm', 'confirmed', 'dismissed'], {
  error: '预警环节应为 verify、village_review、town_review、county_confirm、confirmed 或 dismissed',
});
export type WarningStage = z.infer<typeof WarningStage>;
export const WARNING_STAGE_LABELS: Record<WarningStage, string> = {
  verify: '入户核实',
  village_review: '村级评议',
  town_review: '乡镇审核',
  county_confirm: '县级确认',
  confirmed: '已纳入监测',
  dismissed: '已排除',
};
/** What the step of each open stage is called on its button and in history. */
export const WARNING_STEP_LABELS: Record<'verify' | 'village_review' | 'town_review' | 'county_confirm', string> = {
  verify: '核实属实，提交村级评议',
  village_review: '评议通过，提交乡镇审核',
  town_review: '审核通过，提交县级确认',
  county_confirm: '确认纳入监测',
};
export const OPEN_WARNING_STAGES: readonly WarningStage[] = ['verify', 'village_review', 'town_review', 'county_confirm'];
export const WarningSource = z.enum(['assessment', 'self_report', 'department']);
export type WarningSource = z.infer<typeof WarningSource>;

/** One step of a warning's workflow, as its history keeps it. */
export const WarningStep = z.object({
  action: z.enum(['open', 'advance', 'dismiss']),
  /** The stage the step left (for `open`, the stage it opened at) and the one it led to. */
  from: WarningStage,
  to: WarningStage,
  by: z.string(),
  byName: z.string(),
  at: IsoDateTime,
  note: z.string().optional(),
});
export type WarningStep = z.infer<typeof WarningStep>;

/** 预警: a household found at risk, handed to its primary helper (the village admin when there is none). */
export const Warning = z.object({
  _id: Id,
  householdId: Id,
  headName: z.string(),
  countyId: Id,
  townId: Id,
  villageId: Id,
  stage: WarningStage,
  open: z.boolean(),
  version: z.number().int(),
  source: WarningSource,
  risks: z.array(RiskFinding),
  level: RiskLevel,
  suggestedType: MonitoringType.nullable(),
  assigneeId: Id.nullable(),
  /** The China day the current stage began and the working day it is due by. */
  stageStartedOn: IsoDate,
  dueOn: IsoDate,
  createdAt: IsoDateTime,
  /** 公示: the first day of the village's public notice (the day village review began) and the first day it has run its days. */
  noticeFrom: IsoDate.optional(),
  noticeUntil: IsoDate.optional(),
  /** Why it was dismissed at verification (核实后排除). */
  dismissReason: z.string().optional(),
  /** Every step: who, when, what, with their note. */
  history: z.array(WarningStep).default([]),
});
export type Warning = z.infer<typeof Warning>;
/** How a step stands against its deadline: orange when due by the next working day, red past it; closed warnings are `closed`. */
export const WarningDeadline = z.enum(['ok', 'due', 'overdue', 'closed']);
export type WarningDeadline = z.infer<typeof WarningDeadline>;
export const WarningView = Warning.extend({
  overdue: z.boolean(),
  deadline: WarningDeadline,
  villageName: z.string().optional(),
  townName: z.string().optional(),
  /** The steps this caller may take now (the server decides; the page offers exactly these). */
  actions: z.array(z.enum(['advance', 'dismiss'])).default([]),
});
export type WarningView = z.infer<typeof WarningView>;
export const ListWarningsInput = Paging.extend({
  stage: WarningStage.optional(),
  overdue: z.boolean({ error: '是否逾期应为 true 或 false' }).optional(),
  /** Narrow an admin's region (never widen it). */
  townId: Id.optional(),
  villageId: Id.optional(),
  /** One household's (its detail page). */
  householdId: Id.optional(),
  /** Only open warnings (the default board) or every one. */
  open: z.boolean({ error: '是否在办应为 true 或 false' }).optional(),
});
export type ListWarningsInput = z.infer<typeof ListWarningsInput>;
export const SweepResult = z.object({ assessed: z.number().int(), atRisk: z.number().int(), opened: z.number().int() });
export type SweepResult = z.infer<typeof SweepResult>;
/** Working days each stage has (SPEC §3b defaults). */
export const STAGE_WORKING_DAYS: Record<'verify' | 'village_review' | 'town_review' | 'county_confirm', number> = {
  verify: 5,
  village_review: 7,
  town_review: 3,
  county_confirm: 3,
};

const Note = z.string({ error: '意见应为文字' }).trim().max(500, { error: '意见最多 500 字' });
export const GetWarningInput = z.object({ warningId: Id });
export type GetWarningInput = z.infer<typeof GetWarningInput>;
/** 推进: the step of the current stage is done (核实属实 / 评议通过 / 审核通过 / 确认纳入). */
export const AdvanceWarningInput = z.object({
  warningId: Id,
  version: z.number({ error: '缺少版本号，请刷新后再试' }).int(),
  note: Note.optional(),
  /** At county confirmation: the type to monitor under, when not the suggested one. */
  monitoringType: MonitoringType.optional(),
});
export type AdvanceWarningInput = z.infer<typeof AdvanceWarningInput>;
/** 核实后排除: only at verification, with the reason. */
export const DismissWarningInput = z.object({
  warningId: Id,
  version: z.number({ error: '缺少版本号，请刷新后再试' }).int(),
  reason: z.string({ error: '请填写排除原因' }).trim().min(2, { error: '请填写排除原因（至少 2 个字）' }).max(500, { error: '排除原因最多 500 字' }),
});
export type DismissWarningInput = z.infer<typeof DismissWarningInput>;

/** Working days of each stage and the notice's calendar days, editable with the risk parameters (SPEC §3b defaults). */
export const DEFAULT_DEADLINE_PARAMS = { verifyDays: 5, villageReviewDays: 7, townReviewDays: 3, countyConfirmDays: 3, noticeDays: 5 };
export const DEADLINE_PARAM_LABELS: Record<keyof typeof DEFAULT_DEADLINE_PARAMS, string> = {
  verifyDays: '入户核实期限（工作日）',
  villageReviewDays: '村级评议及公示期限（工作日）',
  townReviewDays: '乡镇审核期限（工作日）',
  countyConfirmDays: '县级确认期限（工作日）',
  noticeDays: '公示天数（天）',
};
/** The county's holidays (法定节假日), a dated list: the list in force on a day is the latest from on or before it. */
export const HolidayList = z.object({ from: IsoDate, days: z.array(IsoDate).max(60), setBy: z.string().optional(), setAt: IsoDateTime.optional() });
export type HolidayList = z.infer<typeof HolidayList>;
/** What an admin sees and edits: every dated entry (defaults merged under stored ones) and the holiday lists. */
export const MonitoringSettings = z.object({
  values: z.array(z.object({ from: IsoDate, params: z.record(z.string(), z.number()), setBy: z.string().optional(), setAt: IsoDateTime.optional() })),
  holidays: z.array(HolidayList),
  labels: z.record(z.string(), z.string()),
});
export type MonitoringSettings = z.infer<typeof MonitoringSettings>;
const ParamValue = z.number({ error: '参数应为数字' }).min(0, { error: '参数不能为负数' }).max(1_000_000, { error: '参数过大，请核对' });
export const UpdateMonitoringParamsInput = z.object({
  from: IsoDate,
  /** Any of the parameters; those left out keep the values in force on `from`. */
  params: boundedRecord(z.string().max(40, { error: '参数名最多 40 个字符' }), ParamValue, 20, '监测参数最多 20 项').default({}),
  /** The holiday list from `from` on; left out, the list in force stays. */
  holidays: z.array(IsoDate, { error: '节假日应为日期列表' }).max(60, { error: '节假日最多 60 天' }).optional(),
  replace: z.boolean().default(false),
});
export type UpdateMonitoringParamsInput = z.infer<typeof UpdateMonitoringParamsInput>;

/** 风险消除 readiness (SPEC §3b): ready, or what is missing. */
export const RemovalReadiness = z.object({ householdId: Id, ready: z.boolean(), missing: z.array(z.string()), monitoredSince: IsoDate.nullable() });
export type RemovalReadiness = z.infer<typeof RemovalReadiness>;

/**
 * 公示名单: one row per household in its village's notice, as a village posts it: the head's name,
 * the village and the proposed type. No ID number, no income, no health or risk details (PIPL:
 * the minimum a notice needs).
 */
export const NoticeRow = z.object({
  warningId: Id,
  householdId: Id,
  headName: z.string(),
  villageId: Id,
  villageName: z.string(),
  townName: z.string(),
  suggestedType: MonitoringType.nullable(),
  noticeFrom: IsoDate,
  noticeUntil: IsoDate,
});
export const NoticeListInput = z.object({ townId: Id.optional(), villageId: Id.optional() });
export type NoticeListInput = z.infer<typeof NoticeListInput>;
export type NoticeRow = z.infer<typeof NoticeRow>;
