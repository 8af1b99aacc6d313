import { z } from './z';
import { FileId, Id, IsoDateTime, Mobile, Uuid } from './common';

/** 需求: something a household needs help with. 急难 (emergency) must be answered within 24 hours. */
export const NeedCategory = z.enum(['medical', 'housing', 'education', 'employment', 'living', 'emergency', 'other'], {
  error: '需求类别应为 medical、housing、education、employment、living、emergency 或 other',
});
export type NeedCategory = z.infer<typeof NeedCategory>;
export const NEED_CATEGORY_LABELS: Record<NeedCategory, string> = {
  medical: '看病就医',
  housing: '住房安全',
  education: '上学教育',
  employment: '务工就业',
  living: '生活困难',
  emergency: '急难求助',
  other: '其他',
};

export const NeedStatus = z.enum(['reported', 'accepted', 'in_progress', 'resolved', 'confirmed', 'reopened', 'rejected'], {
  error: '需求状态应为 reported、accepted、in_progress、resolved、confirmed、reopened 或 rejected',
});
export type NeedStatus = z.infer<typeof NeedStatus>;
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  reported: '已上报',
  accepted: '已受理',
  in_progress: '办理中',
  resolved: '已办结',
  confirmed: '已确认',
  reopened: '重新办理',
  rejected: '不予受理',
};
/** Statuses still waiting for someone to act: they have a deadline and can become overdue. */
export const OPEN_NEED_STATUSES: readonly NeedStatus[] = ['reported', 'accepted', 'in_progress', 'reopened'];

export const ReportNeedInput = z.object({
  id: Uuid,
  /** Only helpers reporting on a household's behalf send it; a household always reports for itself. */
  householdId: Id.optional(),
  category: NeedCategory,
  description: z.string({ error: '请简单描述需要什么帮助' }).trim().min(1, { error: '请简单描述需要什么帮助' }).max(1000, { error: '描述最多 1000 字' }),
  photos: z.array(FileId, { error: '照片应为文件编号的列表' }).max(9, { error: '最多上传 9 张照片' }).default([]),
  /** 回拨电话: for emergencies, the number the helper should call back. */
  callbackPhone: Mobile.optional(),
});
export type ReportNeedInput = z.infer<typeof ReportNeedInput>;

export const NeedTransition = z.object({
  status: NeedStatus,
  by: Id,
  at: IsoDateTime,
  note: z.string().optional(),
  /** 佐证照片: evidence of what was done (uploaded file ids), kept with the step. */
  photos: z.array(z.string()).optional(),
  /** The actor's role when the step was taken, so the timeline can say 帮扶户 / 帮扶人 / 扶贫办. */
  byRole: z.enum(['household', 'helper', 'admin']).optional(),
  /**
   * A step that changes no status: 转派 (reassigned, with the new assignee), 督办 (urged by an
   * admin) or 提请协调 (escalated by the assignee). `status` then repeats the status it was taken in.
   */
  kind: z.enum(['reassigned', 'urged', 'escalated']).optional(),
  /** For a reassignment: to whom, with the name as it was then (the history reads without lookups). */
  assigneeId: Id.optional(),
  assigneeName: z.string().optional(),
});
export type NeedTransition = z.infer<typeof NeedTransition>;

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
  /** The current step's deadline (acceptBy, then resolveBy; null once closed), kept for indexed "overdue first" lists. */
  dueAt: IsoDateTime.nullable().optional(),
  history: z.array(NeedTransition),
  /** 提请协调: the assignee could not solve it and asked the village (then town) admin; cleared by a reassignment. */
  escalated: z.object({ at: IsoDateTime, by: Id, reason: z.string() }).nullable().optional(),
  rating: z.number().int().min(1).max(5).optional(),
  ratingComment: z.string().optional(),
  ratedAt: IsoDateTime.optional(),
});
export type Need = z.infer<typeof Need>;

/**
 * A need as a caller sees it: the stored need plus what is computed for "now" (the deadline that
 * applies, overdue, escalation) and the names a page shows. callbackPhone is masked for admins.
 */
export const NeedView = Need.extend({
  /** The deadline of the current step: acceptBy while reported, resolveBy while being handled; null once closed. */
  deadline: IsoDateTime.nullable(),
  overdue: z.boolean(),
  /** 逐级督办: overdue or escalated (提请协调) needs go to the village admin first, then the town admin. */
  escalation: z.enum(['none', 'village', 'town']),
  assigneeName: z.string().nullable(),
  /** Only for the household itself: its helper's number, for "联系帮扶人". */
  assigneePhone: z.string().nullable(),
  householdHeadName: z.string().nullable(),
  villageName: z.string().nullable(),
  /** Masked (138****5678) for admins, so not a valid mobile number: the view says only that it is a short string. */
  callbackPhone: z.string().max(11).optional(),
});
export type NeedView = z.infer<typeof NeedView>;

export const NeedTarget = z.enum(['accepted', 'in_progress', 'resolved', 'confirmed', 'reopened', 'rejected'], {
  error: '目标状态应为 accepted、in_progress、resolved、confirmed、reopened 或 rejected',
});
export type NeedTarget = z.infer<typeof NeedTarget>;

/**
 * Who is acting on a need, relative to it: the household it belongs to, the helper it is assigned
 * to (the household's primary helper), another helper paired with the household, or an admin
 * whose region contains it. Callers outside all of these never reach the rules (NOT_FOUND).
 */
export type NeedActor = 'household' | 'assignee' | 'pairedHelper' | 'admin';

export interface NeedTransitionRule {
  from: readonly NeedStatus[];
  by: readonly NeedActor[];
  /** When set, the transition needs a note, and this is what the person is told to write. */
  noteRequired?: string;
  /** The hint in the note box, in the words of whoever takes this step (a household never reads staff wording). */
  notePrompt?: string;
}

/**
 * The workflow (SPEC §2 needs): reported → accepted → in_progress → resolved → confirmed, or
 * reopened by the household when the resolution did not help, or rejected with a reason.
 * Admins may do whatever the assignee may (escalation: 督办 when the helper does not act) and may
 * reopen a rejected need; only the household confirms or reopens a resolution.
 */
export const NEED_TRANSITIONS: Record<NeedTarget, NeedTransitionRule> = {
  accepted: { from: ['reported', 'reopened'], by: ['assignee', 'admin'] },
  in_progress: { from: ['accepted', 'reopened'], by: ['assignee', 'admin'] },
  resolved: {
    from: ['accepted', 'in_progress', 'reopened'],
    by: ['assignee', 'admin'],
    noteRequired: '请写明办理结果（做了什么、效果如何）',
    notePrompt: '办结时写明做了什么',
  },
  rejected: { from: ['reported', 'accepted', 'reopened'], by: ['assignee', 'admin'], noteRequired: '请写明不予受理的理由', notePrompt: '不予受理时写明理由' },
  confirmed: { from: ['resolved'], by: ['household'] },
  reopened: {
    from: ['resolved', 'rejected'],
    by: ['household', 'admin'],
    noteRequired: '请写明为什么需要重新办理',
    notePrompt: '写明哪里还没有解决，例如：房顶还在漏雨',
  },
};

/** A household may only reopen a resolution; reopening a rejection is the admins' escalation path. */
export const NEED_TRANSITION_ONLY_FROM: Partial<Record<NeedActor, Partial<Record<NeedTarget, readonly NeedStatus[]>>>> = {
  household: { reopened: ['resolved'] },
};

/** The note box's hint for the steps offered together: only those steps' own words, joined. */
export function notePlaceholder(targets: readonly NeedTarget[]): string {
  return targets
    .map((t) => NEED_TRANSITIONS[t].notePrompt)
    .filter(Boolean)
    .join('；');
}

/** What each transition is called on a button and in messages. */
export const NEED_ACTION_LABELS: Record<NeedTarget, string> = {
  accepted: '受理',
  in_progress: '开始办理',
  resolved: '办结',
  rejected: '不予受理',
  confirmed: '确认办结',
  reopened: '重新办理',
};

/** The targets `actor` may choose from `from`: the buttons a page offers. */
export function availableTransitions(from: NeedStatus, actor: NeedActor): NeedTarget[] {
  return (Object.keys(NEED_TRANSITIONS) as NeedTarget[]).filter((to) => {
    const rule = NEED_TRANSITIONS[to];
    return rule.by.includes(actor) && (NEED_TRANSITION_ONLY_FROM[actor]?.[to] ?? rule.from).includes(from);
  });
}

export const TransitionNeedInput = z.object({
  needId: Id,
  to: NeedTarget,
  version: z.number({ error: '缺少版本号' }).int({ error: '版本号应为整数' }).min(0, { error: '版本号不能为负数' }),
  note: z.string({ error: '说明应为文字' }).trim().max(1000, { error: '说明最多 1000 字' }).optional(),
  photos: z.array(FileId, { error: '照片应为文件编号的列表' }).max(9, { error: '最多上传 9 张照片' }).optional(),
});
export type TransitionNeedInput = z.infer<typeof TransitionNeedInput>;

export const RateNeedInput = z.object({
  needId: Id,
  rating: z
    .number({ error: '请选择 1 到 5 星' })
    .int({ error: '评分为 1 到 5 星' })
    .min(1, { error: '评分为 1 到 5 星' })
    .max(5, { error: '评分为 1 到 5 星' }),
  comment: z.string({ error: '评价应为文字' }).trim().max(500, { error: '评价最多 500 字' }).optional(),
  /** The version the household saw; when sent, a stale one gets CONFLICT like a transition. */
  version: z.number({ error: '版本号应为数字' }).int({ error: '版本号应为整数' }).min(0).optional(),
});
export type RateNeedInput = z.infer<typeof RateNeedInput>;

/** 时限设置: county-wide deadline parameters, editable by county admins; apply to needs reported afterwards. */
export const NeedSettings = z.object({
  emergencyAcceptHours: z
    .number({ error: '急难受理时限应为数字' })
    .int()
    .min(1, { error: '急难受理时限至少 1 小时' })
    .max(168, { error: '急难受理时限最多 168 小时' }),
  emergencyResolveHours: z
    .number({ error: '急难办结时限应为数字' })
    .int()
    .min(1, { error: '急难办结时限至少 1 小时' })
    .max(720, { error: '急难办结时限最多 720 小时' }),
  acceptWorkingDays: z.number({ error: '受理时限应为数字' }).int().min(1, { error: '受理时限至少 1 个工作日' }).max(30, { error: '受理时限最多 30 个工作日' }),
  resolveWorkingDays: z
    .number({ error: '办结时限应为数字' })
    .int()
    .min(1, { error: '办结时限至少 1 个工作日' })
    .max(120, { error: '办结时限最多 120 个工作日' }),
});
export type NeedSettings = z.infer<typeof NeedSettings>;
export const DEFAULT_NEED_SETTINGS: NeedSettings = { emergencyAcceptHours: 24, emergencyResolveHours: 72, acceptWorkingDays: 2, resolveWorkingDays: 20 };

export const NeedStats = z.object({
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  /** Mean hours from report to acceptance, over needs accepted so far; null when none. */
  avgHoursToAccept: z.number().nullable(),
  avgHoursToResolve: z.number().nullable(),
  unrated: z.number().int(),
});
export type NeedStats = z.infer<typeof NeedStats>;

/**
 * Steps that change no status (SPEC §2: admins reassign and urge, helpers escalate what they
 * cannot solve). Each is allowed to these actors on an open need, and some need a note.
 */
export type NeedStep = 'reassign' | 'urge' | 'escalate';
export const NEED_STEPS: Record<NeedStep, NeedTransitionRule> = {
  reassign: { from: OPEN_NEED_STATUSES, by: ['admin'] },
  urge: { from: OPEN_NEED_STATUSES, by: ['admin'] },
  escalate: { from: OPEN_NEED_STATUSES, by: ['assignee'], noteRequired: '请写明为什么需要协调（遇到了什么困难）' },
};
export const NEED_STEP_LABELS: Record<NeedStep, string> = { reassign: '转派', urge: '督办', escalate: '提请协调' };
export const NEED_STEP_KIND_LABELS: Record<NonNullable<NeedTransition['kind']>, string> = { reassigned: '转派', urged: '督办', escalated: '提请协调' };

/** The steps `actor` may take from `from`: the buttons a page offers besides the transitions. */
export function availableSteps(from: NeedStatus, actor: NeedActor): NeedStep[] {
  return (Object.keys(NEED_STEPS) as NeedStep[]).filter((s) => NEED_STEPS[s].by.includes(actor) && NEED_STEPS[s].from.includes(from));
}

const Version = z.number({ error: '缺少版本号' }).int({ error: '版本号应为整数' }).min(0, { error: '版本号不能为负数' });
const StepNote = z.string({ error: '说明应为文字' }).trim().max(500, { error: '说明最多 500 字' });

/** 转派: hand an open need to another helper paired with the household. */
export const ReassignNeedInput = z.object({ needId: Id, version: Version, helperId: Id, note: StepNote.optional() });
export type ReassignNeedInput = z.infer<typeof ReassignNeedInput>;

/** 督办: an admin presses the assignee; recorded in the history and sent to them as a message. */
export const UrgeNeedInput = z.object({ needId: Id, version: Version, note: StepNote.optional() });
export type UrgeNeedInput = z.infer<typeof UrgeNeedInput>;

/** 提请协调: the assignee cannot solve it and says why. */
export const EscalateNeedInput = z.object({ needId: Id, version: Version, reason: StepNote.min(1, { error: '请写明为什么需要协调（遇到了什么困难）' }) });
export type EscalateNeedInput = z.infer<typeof EscalateNeedInput>;

/** A helper an admin may reassign the need to: paired with its household. */
export const NeedAssigneeOption = z.object({ helperId: Id, name: z.string(), role: z.string(), current: z.boolean() });
export type NeedAssigneeOption = z.infer<typeof NeedAssigneeOption>;
