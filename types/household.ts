import { z } from './z';
import { FileId, Id, IdNumber, IsoDate, IsoDateTime, Mobile, PersonName } from './common';

/**
 * 户 — a registered household (建档立卡户 / 监测户) and its members.
 * "Registered" (SPEC §3) means status poor, exited_enjoying or monitored.
 */
export const HouseholdStatus = z.enum(['poor', 'exited_enjoying', 'exited_not_enjoying', 'monitored', 'none'], {
  error: '户状态应为 poor（脱贫户/贫困户）、exited_enjoying（脱贫享受政策）、exited_not_enjoying（脱贫不享受政策）、monitored（监测户）或 none',
});
export type HouseholdStatus = z.infer<typeof HouseholdStatus>;
export const REGISTERED_STATUSES: readonly HouseholdStatus[] = ['poor', 'exited_enjoying', 'monitored'];
export const isRegistered = (status: HouseholdStatus) => REGISTERED_STATUSES.includes(status);

export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, string> = {
  poor: '贫困户',
  exited_enjoying: '脱贫户（享受政策）',
  exited_not_enjoying: '脱贫户（不享受政策）',
  monitored: '监测户',
  none: '一般农户',
};

/** 致贫/返贫风险原因. */
export const PovertyCause = z.enum(
  [
    'illness',
    'disability',
    'education',
    'disaster',
    'lack_land',
    'lack_water',
    'lack_skills',
    'lack_labor',
    'lack_funds',
    'traffic',
    'low_motivation',
    'other',
  ],
  { error: '致贫原因不在可选范围内' },
);
export type PovertyCause = z.infer<typeof PovertyCause>;
export const POVERTY_CAUSE_LABELS: Record<PovertyCause, string> = {
  illness: '因病',
  disability: '因残',
  education: '因学',
  disaster: '因灾',
  lack_land: '缺土地',
  lack_water: '缺水',
  lack_skills: '缺技术',
  lack_labor: '缺劳力',
  lack_funds: '缺资金',
  traffic: '交通条件落后',
  low_motivation: '自身发展动力不足',
  other: '其他',
};

export const Schooling = z.enum(['none', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'higher_vocational', 'university'], {
  error: '在校情况应为 none、preschool、primary、junior、senior、vocational、higher_vocational 或 university',
});
export type Schooling = z.infer<typeof Schooling>;
export const SCHOOLING_LABELS: Record<Schooling, string> = {
  none: '非在校生',
  preschool: '学前教育',
  primary: '小学',
  junior: '初中',
  senior: '普通高中',
  vocational: '中职',
  higher_vocational: '高职',
  university: '大学',
};

export const LaborCapacity = z.enum(['full', 'partial', 'none'], { error: '劳动能力应为 full（有劳动力）、partial（弱劳动力）或 none（无劳动力）' });
export type LaborCapacity = z.infer<typeof LaborCapacity>;
export const LABOR_CAPACITY_LABELS: Record<LaborCapacity, string> = { full: '有劳动力', partial: '弱劳动力', none: '无劳动能力' };

export const Health = z.enum(['healthy', 'chronic', 'serious'], { error: '健康状况应为 healthy、chronic 或 serious' });
export type Health = z.infer<typeof Health>;
export const HEALTH_LABELS: Record<Health, string> = { healthy: '健康', chronic: '慢性病', serious: '大病' };

export const Relation = z.enum(['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'daughter_in_law', 'other'], {
  error: '与户主关系不在可选范围内',
});
export type Relation = z.infer<typeof Relation>;
export const RELATION_LABELS: Record<Relation, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  sibling: '兄弟姐妹',
  daughter_in_law: '儿媳',
  other: '其他',
};

export const HousingGrade = z.enum(['A', 'B', 'C', 'D'], { error: '住房安全等级应为 A、B、C 或 D' });
export type HousingGrade = z.infer<typeof HousingGrade>;

export const DisabilityLevel = z
  .number({ error: '残疾等级应为 0 到 4 的整数' })
  .int({ error: '残疾等级应为整数' })
  .min(0, { error: '残疾等级最小为 0（无残疾）' })
  .max(4, { error: '残疾等级最大为 4' });

/** A member as stored. Birth date and sex are derived from the ID number, never typed twice. */
export const Member = z.object({
  id: Id,
  name: PersonName,
  relation: Relation,
  idNumber: IdNumber,
  birthDate: IsoDate,
  sex: z.enum(['male', 'female']),
  phone: Mobile.optional(),
  health: Health,
  /** 慢性病门诊 approval on record. */
  chronicApproved: z.boolean().default(false),
  disabilityLevel: DisabilityLevel,
  schooling: Schooling,
  laborCapacity: LaborCapacity,
  employed: z.boolean(),
  hasIncome: z.boolean(),
  /** 有赡养/抚养/扶养能力的义务人. */
  hasSupporter: z.boolean(),
});
export type Member = z.infer<typeof Member>;

/**
 * A member as shown to a caller: ID number and phone masked, and the age in whole years instead of
 * the birth date (which, with a masked ID number, would give most of the number back).
 */
export const MemberView = Member.omit({ birthDate: true }).extend({
  idNumber: z.string().max(18),
  phone: z.string().max(11).optional(),
  age: z.number().int(),
});
export type MemberView = z.infer<typeof MemberView>;

export const AnnualIncome = z.object({ year: z.number().int(), amount: z.number().min(0) });

/** 监测对象类型 (SPEC §3b): 脱贫不稳定户, 边缘易致贫户, 突发严重困难户. types/monitoring.ts re-exports it with its labels. */
export const MonitoringType = z.enum(['unstable', 'marginal', 'sudden_hardship'], {
  error: '监测类型应为 unstable（脱贫不稳定户）、marginal（边缘易致贫户）或 sudden_hardship（突发严重困难户）',
});
export type MonitoringType = z.infer<typeof MonitoringType>;

export const StatusChange = z.object({
  from: HouseholdStatus,
  to: HouseholdStatus,
  kind: z.enum(['new_identification', 'return_to_poverty', 'exit', 'risk_cleared', 'correction']),
  reason: z.string(),
  effectiveOn: IsoDate,
  /** 证明材料: what the evidence is, in words. */
  evidence: z.array(z.string()).default([]),
  /** 佐证照片: photographed or scanned evidence (uploaded file ids), kept like visit photos. */
  photos: z.array(FileId).default([]),
  /** 监测类型 when the change makes the household monitored (县级确认 of SPEC §3b). */
  monitoringType: MonitoringType.optional(),
  by: Id,
  /** The adjusting admin's name when the change was made, so the record says who made it. */
  byName: z.string().optional(),
  at: IsoDateTime,
});
export type StatusChange = z.infer<typeof StatusChange>;

export const Household = z.object({
  _id: Id,
  /** 户编号, as the county office numbers it. */
  code: z.string(),
  countyId: Id,
  townId: Id,
  villageId: Id,
  address: z.string(),
  headName: z.string(),
  status: HouseholdStatus,
  causes: z.array(PovertyCause),
  identifiedYear: z.number().int(),
  incomes: z.array(AnnualIncome),
  /** The last year's net income (家庭年纯收入), used by the rules. */
  annualNetIncome: z.number().min(0),
  housingGrade: HousingGrade,
  housingAssessedOn: IsoDate.optional(),
  safeWater: z.boolean(),
  members: z.array(Member),
  statusHistory: z.array(StatusChange).default([]),
  /** 监测类型 and the day it took effect; read only while the status is monitored. */
  monitoringType: MonitoringType.optional(),
  monitoredSince: IsoDate.optional(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Household = z.infer<typeof Household>;

export const HouseholdView = Household.extend({
  members: z.array(MemberView),
  villageName: z.string().optional(),
  townName: z.string().optional(),
});
export type HouseholdView = z.infer<typeof HouseholdView>;

/** One row of a household list: enough to find and open it, nothing sensitive. */
export const HouseholdSummary = z.object({
  _id: Id,
  code: z.string(),
  headName: z.string(),
  villageId: Id,
  villageName: z.string().optional(),
  status: HouseholdStatus,
  memberCount: z.number().int(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;
