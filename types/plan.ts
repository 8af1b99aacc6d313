import { z } from './z';
import { Id, IsoDateTime, Uuid } from './common';

/** 一户一策: a household's yearly plan, measures by category with target, responsible helper and progress. */
export const MeasureCategory = z.enum(['industry', 'employment', 'education', 'health', 'housing', 'social_security', 'other'], {
  error: '措施类别应为 industry、employment、education、health、housing、social_security 或 other',
});
export type MeasureCategory = z.infer<typeof MeasureCategory>;
export const MEASURE_CATEGORY_LABELS: Record<MeasureCategory, string> = {
  industry: '产业帮扶',
  employment: '就业帮扶',
  education: '教育帮扶',
  health: '健康帮扶',
  housing: '住房保障',
  social_security: '社会保障',
  other: '其他',
};

export const ProgressEntry = z.object({
  at: IsoDateTime,
  by: Id,
  progress: z.number().int().min(0).max(100),
  note: z.string().max(500).default(''),
  visitId: Id.optional(),
});
export type ProgressEntry = z.infer<typeof ProgressEntry>;

export const Measure = z.object({
  id: Id,
  category: MeasureCategory,
  title: z.string().trim().min(1, { error: '请填写措施内容' }).max(100, { error: '措施内容最多 100 字' }),
  target: z.string().trim().max(200, { error: '目标最多 200 字' }).default(''),
  responsibleId: Id,
  progress: z.number().int().min(0).max(100),
  history: z.array(ProgressEntry).default([]),
});
export type Measure = z.infer<typeof Measure>;

/** Stored with `_id` = `<householdId>-<year>`: one plan per household and year. */
export const Plan = z.object({
  _id: Id,
  householdId: Id,
  year: z.number().int(),
  countyId: Id,
  townId: Id,
  villageId: Id,
  measures: z.array(Measure),
  version: z.number().int(),
  updatedAt: IsoDateTime,
});
export type Plan = z.infer<typeof Plan>;

export const SaveMeasureInput = z.object({
  householdId: Id,
  /** A new measure carries a client UUID; an existing one its id. */
  id: Uuid,
  category: MeasureCategory,
  title: Measure.shape.title,
  target: Measure.shape.target,
});
export type SaveMeasureInput = z.infer<typeof SaveMeasureInput>;

export const UpdateProgressInput = z.object({
  householdId: Id,
  measureId: Id,
  progress: z.number({ error: '进度应为 0 到 100 的数字' }).int().min(0, { error: '进度不能小于 0' }).max(100, { error: '进度不能超过 100' }),
  note: z.string().max(500, { error: '说明最多 500 字' }).default(''),
  visitId: Id.optional(),
});
export type UpdateProgressInput = z.infer<typeof UpdateProgressInput>;

/** One line of the household timeline (户档案动态): newest first. */
export const TimelineEntry = z.object({
  kind: z.enum(['visit', 'status', 'need', 'benefit', 'plan', 'finding']),
  at: z.string(),
  title: z.string(),
  detail: z.string().default(''),
  refId: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
