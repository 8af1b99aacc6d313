import { z } from './z';
import { FileId, Id, IsoDateTime, Uuid } from './common';
import { PolicyCode } from './policy';

/** 走访 occasion: the monthly routine visit or one of the five must-visit occasions (五必访). */
export const Occasion = z.enum(['routine', 'wedding_funeral', 'exam', 'hospital', 'accident', 'festival'], {
  error: '走访类型应为 routine、wedding_funeral、exam、hospital、accident 或 festival',
});
export type Occasion = z.infer<typeof Occasion>;
export const OCCASION_LABELS: Record<Occasion, string> = {
  routine: '日常走访',
  wedding_funeral: '婚丧嫁娶',
  exam: '升学考试',
  hospital: '住院就医',
  accident: '突发意外',
  festival: '节日慰问',
};

export const GeoFix = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy: z.number().min(0),
});

/** Progress (进度 %) seen on one measure of the plan, recorded with the visit that saw it. */
export const VisitProgress = z.object({
  measureId: Id,
  progress: z
    .number({ error: '进度应为 0 到 100 的数字' })
    .int({ error: '进度应为整数' })
    .min(0, { error: '进度不能小于 0' })
    .max(100, { error: '进度不能超过 100' }),
});
export type VisitProgress = z.infer<typeof VisitProgress>;

/**
 * 记录走访: everything one visit did, sent as one write. Plan measures are named by id in the plan
 * of the visit's year (China time), and their progress is applied to that plan by the same action,
 * so progress never lands for a visit the server refused.
 */
export const RecordVisitInput = z.object({
  id: Uuid,
  householdId: Id,
  visitedAt: IsoDateTime,
  occasion: Occasion,
  notes: z.string().max(2000, { error: '走访记录最多 2000 字' }).default(''),
  photos: z.array(FileId).max(9, { error: '最多上传 9 张照片' }).default([]),
  location: GeoFix.optional(),
  /** The plan's measures worked on, by id. */
  measureIds: z.array(Id).max(30, { error: '一次走访最多记录 30 项措施' }).default([]),
  /** 其他措施: one measure outside the plan, as typed. */
  otherMeasure: z.string().trim().max(100, { error: '其他措施最多 100 字' }).default(''),
  progress: z.array(VisitProgress).max(30, { error: '一次走访最多更新 30 项措施的进度' }).default([]),
  /** 宣讲政策, as catalogue codes. */
  policiesExplained: z.array(PolicyCode).max(30, { error: '一次走访最多记录 30 项宣讲政策' }).default([]),
  /** Items of SERVICE_CHECKLISTS (5 per kind); the service checks they belong to the helper's list. */
  checklist: z
    .array(z.string().max(30, { error: '每项服务最多 30 字' }))
    .max(20, { error: '服务清单最多 20 项' })
    .default([]),
});
export type RecordVisitInput = z.infer<typeof RecordVisitInput>;

/**
 * 走访记录 as stored: the client-generated id is the document id. Visits stored before measures were
 * sent by id have only `measures` (titles) and policy names in `policiesExplained`; both still parse.
 */
/** 走访确认的理由 (没有来过): choices first, or a short text. */
export const DENIAL_REASONS = ['没有见到帮扶人', '只打了电话', '时间不对', '不认识来人'] as const;

/** 走访确认: a bound member of the household said the visit happened (确认来过) or not (没有来过). */
export const VisitConfirmation = z.object({
  happened: z.boolean(),
  reason: z.string().max(100).default(''),
  at: IsoDateTime,
  by: Id,
});
export type VisitConfirmation = z.infer<typeof VisitConfirmation>;

export const ConfirmVisitInput = z.object({
  visitId: Id,
  happened: z.boolean({ error: '请选择“确认来过”或“没有来过”' }),
  reason: z.string().trim().max(100, { error: '理由最多 100 字' }).optional(),
});
export type ConfirmVisitInput = z.infer<typeof ConfirmVisitInput>;

export const Visit = RecordVisitInput.omit({ id: true, policiesExplained: true }).extend({
  _id: Id,
  helperId: Id,
  /** The household's regions, copied on write so coverage reports filter visits without a join. */
  countyId: Id,
  townId: Id,
  villageId: Id,
  /** `YYYY-MM` of visitedAt in China time, for monthly coverage. */
  month: z.string(),
  /** What was done as it read on the day: the plan measures' titles, then 其他措施. */
  measures: z.array(z.string().max(100)).max(31).default([]),
  /** Policy codes; a visit stored before codes holds the policies' Chinese names. */
  policiesExplained: z.array(z.string().max(30)).max(30).default([]),
  createdAt: IsoDateTime,
  /** The household's latest answer (走访确认), null until it answers. */
  confirmation: VisitConfirmation.nullable().default(null),
  /** Every answer given, oldest first: a change of mind replaces `confirmation`, the history keeps both. */
  confirmationHistory: z.array(VisitConfirmation).max(20).default([]),
});
export type Visit = z.infer<typeof Visit>;

export const DueStatus = z.enum(['visited', 'due', 'overdue']);
export type DueStatus = z.infer<typeof DueStatus>;

/** 每月服务清单 of a doctor (家庭医生签约服务) or teacher (送教/控辍保学), ticked on each visit. */
export const SERVICE_CHECKLISTS = {
  doctor: ['测量血压血糖', '慢病用药指导', '健康状况随访', '签约服务告知', '大病/住院情况了解'],
  teacher: ['了解在校/学习情况', '控辍保学劝返', '资助政策宣讲', '家庭教育指导', '心理关爱谈心'],
} as const;

/** The next visit a household must get beyond the monthly one: a festival or an open hospital/accident need. */
export const NextOccasion = z.object({
  occasion: Occasion,
  label: z.string(),
  /** The festival's date, or when the need was reported. */
  date: z.string(),
});
export type NextOccasion = z.infer<typeof NextOccasion>;
