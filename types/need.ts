import { z } from './z';
import { Id, IsoDateTime, Uuid } from './common';

/** 需求: something a household needs help with. 急难 (emergency) must be answered within 24 hours. */
export const NeedCategory = z.enum(['medical', 'housing', 'education', 'employment', 'living', 'emergency', 'other'], {
  error: '需求类别应为 medical、housing、education、employment、living、emergency 或 other',
});
export type NeedCategory = z.infer<typeof NeedCategory>;
export const NEED_CATEGORY_LABELS: Record<NeedCategory, string> = {
  medical: '看病就医', housing: '住房安全', education: '上学教育', employment: '务工就业', living: '生活困难', emergency: '急难求助', other: '其他',
};

export const NeedStatus = z.enum(['reported', 'accepted', 'in_progress', 'resolved', 'confirmed', 'reopened', 'rejected']);
export type NeedStatus = z.infer<typeof NeedStatus>;
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  reported: '已上报', accepted: '已受理', in_progress: '办理中', resolved: '已办结', confirmed: '已确认', reopened: '重新办理', rejected: '不予受理',
};

export const ReportNeedInput = z.object({
  id: Uuid,
  householdId: Id.optional(),
  category: NeedCategory,
  description: z.string().trim().min(1, { error: '请简单描述需要什么帮助' }).max(1000, { error: '描述最多 1000 字' }),
  photos: z.array(z.string()).max(9, { error: '最多上传 9 张照片' }).default([]),
  callbackPhone: z.string().optional(),
});
export type ReportNeedInput = z.infer<typeof ReportNeedInput>;

export const NeedTransition = z.object({
  status: NeedStatus,
  by: Id,
  at: IsoDateTime,
  note: z.string().optional(),
});

export const Need = ReportNeedInput.omit({ id: true }).extend({
  _id: Id,
  householdId: Id,
  countyId: Id,
  townId: Id,
  villageId: Id,
  status: NeedStatus,
  version: z.number().int(),
  assigneeId: Id.nullable(),
  reportedBy: Id,
  reportedAt: IsoDateTime,
  acceptBy: IsoDateTime,
  resolveBy: IsoDateTime,
  history: z.array(NeedTransition),
  rating: z.number().int().min(1).max(5).optional(),
});
export type Need = z.infer<typeof Need>;

export const TransitionNeedInput = z.object({
  needId: Id,
  to: z.enum(['accepted', 'in_progress', 'resolved', 'confirmed', 'reopened', 'rejected'], { error: '目标状态不在可选范围内' }),
  version: z.number({ error: '缺少版本号' }).int(),
  note: z.string().max(1000).optional(),
});
export type TransitionNeedInput = z.infer<typeof TransitionNeedInput>;
