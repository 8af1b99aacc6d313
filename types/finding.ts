import { z } from './z';
import { FileId, Id, IsoDateTime, Paging } from './common';

/**
 * 督查整改 (SPEC §7): a problem found by an inspection, tracked from 认领 through measures and
 * evidence to 销号, or sent back. The workflow tables live here so the pages offer exactly the
 * steps the server accepts.
 */
export const FindingSource = z.enum(['assessment', 'cross_inspection', 'third_party', 'unannounced', 'audit', 'self_inspection'], {
  error: '问题来源应为 assessment、cross_inspection、third_party、unannounced、audit 或 self_inspection',
});
export type FindingSource = z.infer<typeof FindingSource>;
export const FINDING_SOURCE_LABELS: Record<FindingSource, string> = {
  assessment: '考核评估',
  cross_inspection: '交叉检查',
  third_party: '第三方评估',
  unannounced: '暗访',
  audit: '审计',
  self_inspection: '自查',
};

export const FindingCategory = z.enum(['identification', 'visit', 'policy', 'housing', 'education', 'health', 'water', 'income', 'archive', 'funds', 'other'], {
  error: '问题类别应为 identification、visit、policy、housing、education、health、water、income、archive、funds 或 other',
});
export type FindingCategory = z.infer<typeof FindingCategory>;
export const FINDING_CATEGORY_LABELS: Record<FindingCategory, string> = {
  identification: '识别不准',
  visit: '帮扶走访',
  policy: '政策落实',
  housing: '住房安全',
  education: '义务教育',
  health: '基本医疗',
  water: '饮水安全',
  income: '收入就业',
  archive: '档案资料',
  funds: '资金项目',
  other: '其他',
};

export const FindingSeverity = z.enum(['minor', 'major', 'critical'], { error: '严重程度应为 minor、major 或 critical' });
export type FindingSeverity = z.infer<typeof FindingSeverity>;
export const FINDING_SEVERITY_LABELS: Record<FindingSeverity, string> = { minor: '一般', major: '较重', critical: '严重' };

export const FindingSubjectKind = z.enum(['household', 'village', 'unit', 'helper'], { error: '问题对象应为 household、village、unit 或 helper' });
export type FindingSubjectKind = z.infer<typeof FindingSubjectKind>;
export const FINDING_SUBJECT_LABELS: Record<FindingSubjectKind, string> = { household: '帮扶户', village: '行政村', unit: '帮扶单位', helper: '帮扶责任人' };
/** What the finding is about: a household, village or helper by id; a unit (帮扶单位) by its name. */
export const FindingSubject = z.object({
  kind: FindingSubjectKind,
  id: z.string({ error: '请选择问题对象' }).trim().min(1, { error: '请选择问题对象' }).max(64, { error: '问题对象编号过长' }),
});
export type FindingSubject = z.infer<typeof FindingSubject>;

export const FindingStatus = z.enum(['recorded', 'claimed', 'planned', 'submitted', 'close_requested', 'returned', 'closed'], {
  error: '整改状态应为 recorded、claimed、planned、submitted、close_requested、returned 或 closed',
});
export type FindingStatus = z.infer<typeof FindingStatus>;
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  recorded: '待认领',
  claimed: '已认领',
  planned: '整改中',
  submitted: '已提交佐证',
  close_requested: '申请销号',
  returned: '退回整改',
  closed: '已销号',
};
export const OPEN_FINDING_STATUSES: readonly FindingStatus[] = ['recorded', 'claimed', 'planned', 'submitted', 'close_requested', 'returned'];

/** Open findings by how close their deadline is (SPEC §7); closed findings are in none. */
export const FindingBucket = z.enum(['overdue', 'within10', 'within20', 'later'], { error: '期限分组应为 overdue、within10、within20 或 later' });
export type FindingBucket = z.infer<typeof FindingBucket>;
export const FINDING_BUCKET_LABELS: Record<FindingBucket, string> = { overdue: '已逾期', within10: '10 天内到期', within20: '20 天内到期', later: '20 天以上' };

const Text = (what: string, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, { error: `请填写${what}` })
    .max(max, { error: `${what}最多 ${max} 字` });
const Note = (what: string) =>
  z
    .string({ error: `${what}应为文字` })
    .trim()
    .max(500, { error: `${what}最多 500 字` });
const Version = z.number({ error: '缺少版本号' }).int({ error: '版本号应为整数' }).min(1, { error: '版本号应为正整数' });
const Photos = z.array(FileId, { error: '照片应为文件编号的列表' }).max(9, { error: '最多上传 9 张照片' });

export const CreateFindingInput = z.object({
  source: FindingSource,
  category: FindingCategory,
  subject: FindingSubject,
  description: Text('问题描述', 2000),
  severity: FindingSeverity,
  /** 整改时限, to the minute. */
  deadline: IsoDateTime,
  leadUnit: Text('牵头单位', 60).optional(),
  responsibleUnit: Text('责任单位', 60).optional(),
  /** 责任人: a helper or admin; for a household finding, the household's primary helper when left out. */
  responsibleId: Id.optional(),
});
export type CreateFindingInput = z.infer<typeof CreateFindingInput>;

/** One step of a finding's history: who did what, when, with the note and photos of the step. */
export const FindingStepKind = z.enum(['created', 'claimed', 'planned', 'evidence', 'close_requested', 'passed', 'returned', 'notice', 'acknowledged']);
export type FindingStepKind = z.infer<typeof FindingStepKind>;
export const FINDING_STEP_LABELS: Record<FindingStepKind, string> = {
  created: '登记问题',
  claimed: '认领',
  planned: '制定整改措施',
  evidence: '提交整改佐证',
  close_requested: '申请销号',
  passed: '验收通过，销号',
  returned: '验收未通过，退回整改',
  notice: '下发限期整改通知单',
  acknowledged: '确认收到通知单',
};
export const FindingStep = z.object({
  kind: FindingStepKind,
  by: Id,
  byName: z.string(),
  byRole: z.enum(['admin', 'helper']),
  at: IsoDateTime,
  note: z.string().optional(),
  photos: z.array(z.string()).optional(),
});
export type FindingStep = z.infer<typeof FindingStep>;

export const FindingEvidence = z.object({ note: z.string(), photos: z.array(FileId), by: Id, byName: z.string(), at: IsoDateTime });
export type FindingEvidence = z.infer<typeof FindingEvidence>;

/** 限期整改通知单: issued once per finding, numbered in the county's year sequence. */
export const FindingNotice = z.object({
  number: z.string(),
  issuedAt: IsoDateTime,
  issuedBy: Id,
  issuedByName: z.string(),
  acknowledgedAt: IsoDateTime.nullable(),
  acknowledgedBy: Id.nullable(),
});
export type FindingNotice = z.infer<typeof FindingNotice>;

export const Finding = CreateFindingInput.omit({ responsibleId: true }).extend({
  _id: Id,
  /** 编号 as county offices write it, e.g. DC-2026-0007. */
  code: z.string(),
  status: FindingStatus,
  /** Kept with every write so "open, by deadline" is one indexed query. */
  open: z.boolean(),
  version: z.number().int(),
  countyId: Id,
  /** '' when the subject lies above that level (a unit or a town-wide helper). */
  townId: z.string(),
  villageId: z.string(),
  /** The subject household, helper or village, when it is one, for the timeline and the helper's list. */
  householdId: Id.nullable(),
  subjectHelperId: Id.nullable(),
  subjectName: z.string(),
  responsibleId: Id.nullable(),
  responsibleName: z.string().nullable(),
  measures: z.array(z.string()),
  evidence: z.array(FindingEvidence),
  notice: FindingNotice.nullable(),
  history: z.array(FindingStep),
  createdBy: Id,
  createdAt: IsoDateTime,
  closedAt: IsoDateTime.nullable(),
  /** The reason of the latest send-back, shown until evidence is submitted again. */
  returnReason: z.string().nullable(),
  /** Deadline reminders already sent: 10 days and 1 day before (SPEC §7), each once. */
  reminders: z.array(z.enum(['due10', 'due1'])).default([]),
});
export type Finding = z.infer<typeof Finding>;

/** How the caller stands to a finding: an admin of its region, its responsible person, or a helper who may only watch. */
export type FindingActor = 'admin' | 'responsible' | 'watcher';
export type FindingAction = 'claim' | 'planMeasures' | 'submitEvidence' | 'requestClose' | 'verify' | 'notice' | 'acknowledge';
export const FINDING_ACTION_LABELS: Record<FindingAction, string> = {
  claim: '认领',
  planMeasures: '制定整改措施',
  submitEvidence: '提交整改佐证',
  requestClose: '申请销号',
  verify: '验收（回头看）',
  notice: '下发通知单',
  acknowledge: '确认收到通知单',
};
export interface FindingActionRule {
  from: readonly FindingStatus[];
  by: readonly FindingActor[];
}
/** The workflow (SPEC §7): recorded → claimed → planned → submitted → close_requested → closed, or returned to rework. */
export const FINDING_ACTIONS: Record<FindingAction, FindingActionRule> = {
  claim: { from: ['recorded'], by: ['responsible', 'admin'] },
  planMeasures: { from: ['claimed', 'planned', 'returned'], by: ['responsible', 'admin'] },
  submitEvidence: { from: ['planned', 'submitted', 'returned'], by: ['responsible', 'admin'] },
  requestClose: { from: ['submitted'], by: ['responsible', 'admin'] },
  verify: { from: ['close_requested'], by: ['admin'] },
  notice: { from: OPEN_FINDING_STATUSES, by: ['admin'] },
  acknowledge: { from: OPEN_FINDING_STATUSES, by: ['responsible'] },
};

/** A finding as a caller sees it: what is computed for "now" and the steps this caller may take. */
export const FindingView = Finding.extend({
  overdue: z.boolean(),
  bucket: FindingBucket.nullable(),
  /** Whole days left until the deadline (negative when overdue); null once closed. */
  daysLeft: z.number().int().nullable(),
  /** Closed findings: whether 销号 came by the deadline. */
  closedOnTime: z.boolean().nullable(),
  actions: z.array(z.enum(['claim', 'planMeasures', 'submitEvidence', 'requestClose', 'verify', 'notice', 'acknowledge'])),
});
export type FindingView = z.infer<typeof FindingView>;

const Step = z.object({ findingId: Id, version: Version });
export const ClaimFindingInput = Step.extend({ note: Note('认领说明').optional() });
export const PlanFindingInput = Step.extend({
  measures: z.array(Text('整改措施', 200), { error: '整改措施应为列表' }).min(1, { error: '请至少填写一条整改措施' }).max(20, { error: '整改措施最多 20 条' }),
});
export const EvidenceFindingInput = Step.extend({ note: Text('整改情况', 1000), photos: Photos.default([]) });
export const RequestCloseFindingInput = Step.extend({ note: Note('销号申请说明').optional() });
export const VerifyFindingInput = Step.extend({ passed: z.boolean({ error: '请选择验收是否通过' }), note: Note('验收意见').optional() });
export const NoticeFindingInput = Step;
export const AcknowledgeFindingInput = Step;
export type ClaimFindingInput = z.infer<typeof ClaimFindingInput>;
export type PlanFindingInput = z.infer<typeof PlanFindingInput>;
export type EvidenceFindingInput = z.infer<typeof EvidenceFindingInput>;
export type RequestCloseFindingInput = z.infer<typeof RequestCloseFindingInput>;
export type VerifyFindingInput = z.infer<typeof VerifyFindingInput>;

export const ListFindingsInput = Paging.extend({
  bucket: FindingBucket.optional(),
  status: FindingStatus.optional(),
  source: FindingSource.optional(),
  category: FindingCategory.optional(),
  townId: Id.optional(),
  responsibleUnit: z.string({ error: '责任单位应为文字' }).trim().max(60, { error: '责任单位最多 60 字' }).optional(),
  householdId: Id.optional(),
});
export type ListFindingsInput = z.infer<typeof ListFindingsInput>;

/** The admin's overview: open findings per bucket and how closing has gone. */
export const FindingStats = z.object({
  open: z.number().int(),
  buckets: z.record(FindingBucket, z.number().int()),
  closed: z.number().int(),
  /** Mean whole days from 登记 to 销号; null before anything closed. */
  meanDaysToClose: z.number().nullable(),
  /** Share of closed findings closed by their deadline (0–1); null before anything closed. */
  onTimeRate: z.number().nullable(),
});
export type FindingStats = z.infer<typeof FindingStats>;
