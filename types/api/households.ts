import { z } from '../z';
import { ExportFile, FileId, Id, IdNumber, IsoDate, listOf, Mobile, Paging, SearchText } from '../common';
import {
  MonitoringType,
  AnnualIncome,
  DisabilityLevel,
  Health,
  HouseholdStatus,
  HouseholdSummary,
  HouseholdView,
  HousingGrade,
  LaborCapacity,
  PovertyCause,
  Relation,
  Schooling,
} from '../household';
import { defineApi } from './define';

/** Members with this trait, for the list filter (有残疾 / 有慢性病 / 有在校生). */
export const MemberTrait = z.enum(['disability', 'chronic', 'in_school'], { error: '成员情况应为 disability、chronic 或 in_school' });
export type MemberTrait = z.infer<typeof MemberTrait>;
export const MEMBER_TRAIT_LABELS: Record<MemberTrait, string> = { disability: '有残疾人', chronic: '有慢性病/大病', in_school: '有在校生' };

export const HouseholdFilters = z.object({
  townId: Id.optional(),
  villageId: Id.optional(),
  status: HouseholdStatus.optional(),
  cause: PovertyCause.optional(),
  trait: MemberTrait.optional(),
  /** Only households with an open 应享未享 gap (entitled, not received). */
  hasGaps: z.boolean().optional(),
  /** Head or member name, or household code. */
  q: SearchText(30).optional(),
});
export type HouseholdFilters = z.infer<typeof HouseholdFilters>;

export const ListHouseholdsInput = Paging.extend(HouseholdFilters.shape);
export type ListHouseholdsInput = z.infer<typeof ListHouseholdsInput>;

/**
 * A member as an admin types it. Birth date and sex are derived from the ID number on the server.
 * On update, an existing member (`id` given) keeps its stored ID number and phone when they are
 * left out, so the edit form never needs the unmasked values.
 */
export const MemberDraft = z.object({
  id: Id.optional(),
  name: z.string({ error: '请填写姓名' }).trim().min(1, { error: '姓名不能为空' }).max(20, { error: '姓名最多 20 个字' }),
  relation: Relation,
  idNumber: IdNumber.optional(),
  /** Empty string clears the phone. */
  phone: z.union([Mobile, z.literal('')]).optional(),
  health: Health,
  chronicApproved: z.boolean().default(false),
  disabilityLevel: DisabilityLevel.default(0),
  schooling: Schooling.default('none'),
  laborCapacity: LaborCapacity,
  employed: z.boolean().default(false),
  hasIncome: z.boolean().default(false),
  hasSupporter: z.boolean().default(false),
});
export type MemberDraft = z.infer<typeof MemberDraft>;

const HouseholdFields = z.object({
  code: z.string({ error: '请填写户编号' }).trim().min(1, { error: '户编号不能为空' }).max(40, { error: '户编号最多 40 个字符' }),
  villageId: Id,
  address: z.string({ error: '请填写住址' }).trim().min(1, { error: '住址不能为空' }).max(100, { error: '住址最多 100 个字' }),
  status: HouseholdStatus,
  causes: z.array(PovertyCause).max(5, { error: '致贫原因最多 5 项' }).default([]),
  identifiedYear: z.number({ error: '识别年度应为数字' }).int().min(2013, { error: '识别年度不早于 2013 年' }).max(2100),
  incomes: z.array(AnnualIncome).max(20, { error: '年收入最多填写 20 年' }).default([]),
  housingGrade: HousingGrade,
  housingAssessedOn: IsoDate.optional(),
  safeWater: z.boolean().default(true),
  members: z.array(MemberDraft).min(1, { error: '请至少填写一位家庭成员' }).max(30, { error: '家庭成员最多 30 人' }),
});

export const HouseholdDraft = HouseholdFields.refine((h) => h.members.filter((m) => m.relation === 'head').length === 1, {
  error: '每户须有且只有一位户主（与户主关系为「户主」）',
  path: ['members'],
});
export type HouseholdDraft = z.infer<typeof HouseholdDraft>;

export const UpdateHouseholdInput = HouseholdFields.omit({ status: true }).partial().extend({ householdId: Id, version: z.number().int() });
export type UpdateHouseholdInput = z.infer<typeof UpdateHouseholdInput>;

export const AdjustKind = z.enum(['new_identification', 'return_to_poverty', 'exit', 'risk_cleared'], {
  error: '调整类型应为新识别、返贫、脱贫退出或风险消除',
});
export type AdjustKind = z.infer<typeof AdjustKind>;
export const ADJUST_KIND_LABELS: Record<AdjustKind | 'correction', string> = {
  new_identification: '新识别',
  return_to_poverty: '返贫',
  exit: '脱贫退出',
  risk_cleared: '风险消除',
  correction: '更正',
};

/**
 * 动态调整: which status changes each kind of adjustment allows (防返贫监测 practice since 2021).
 * 新识别: an ordinary household identified as poor or monitored, or a poor household identified
 * for monitoring (SPEC §3b: at risk, it is 脱贫不稳定户 and county confirmation makes it monitored); 返贫: an exited household falls
 * back; 脱贫退出: a poor household exits (enjoying policies or not), or stops enjoying them;
 * 风险消除: a monitored household's risk is cleared. Shared so the form offers only what is allowed.
 */
export const STATUS_TRANSITIONS: Record<AdjustKind, { from: HouseholdStatus[]; to: HouseholdStatus[] }> = {
  new_identification: { from: ['none', 'poor'], to: ['poor', 'monitored'] },
  return_to_poverty: { from: ['exited_enjoying', 'exited_not_enjoying'], to: ['poor', 'monitored'] },
  exit: { from: ['poor', 'exited_enjoying'], to: ['exited_enjoying', 'exited_not_enjoying'] },
  risk_cleared: { from: ['monitored'], to: ['none', 'exited_enjoying', 'exited_not_enjoying'] },
};

export const AdjustStatusInput = z.object({
  householdId: Id,
  kind: AdjustKind,
  to: HouseholdStatus,
  reason: z.string({ error: '请填写调整原因' }).trim().min(2, { error: '请填写调整原因（至少 2 个字）' }).max(500, { error: '调整原因最多 500 字' }),
  effectiveOn: IsoDate,
  evidence: z
    .array(z.string().max(200, { error: '每项佐证最多 200 字' }))
    .max(9, { error: '佐证材料最多 9 项' })
    .default([]),
  photos: z.array(FileId, { error: '佐证照片应为文件编号的列表' }).max(9, { error: '佐证照片最多 9 张' }).default([]),
  /** 监测类型, when the household becomes monitored. */
  monitoringType: MonitoringType.optional(),
  version: z.number().int(),
});
export type AdjustStatusInput = z.infer<typeof AdjustStatusInput>;

export const RevealInput = z.object({ householdId: Id, memberId: Id, field: z.enum(['idNumber', 'phone'], { error: '只能查看身份证号或手机号' }) });
export type RevealInput = z.infer<typeof RevealInput>;

export const ImportRowError = z.object({ row: z.number().int(), message: z.string() });
export const ImportInput = z.object({
  fileId: z.string().min(1, { error: '请先上传表格文件' }).max(512, { error: '文件编号最多 512 个字符' }),
  /** false: check every row and write nothing. true: write valid rows `from` … `from + batch`. */
  confirm: z.boolean().default(false),
  from: z.number().int().min(0).default(0),
  batch: z.number().int().min(1).max(500).default(200),
});
export const ImportResult = z.object({
  /** Data rows in the sheet. */
  rows: z.number().int(),
  /** Households the valid rows make (a household spans one row per member). */
  valid: z.number().int(),
  errors: z.array(ImportRowError),
  /** Households created or updated by this call. */
  written: z.number().int(),
  /** Where the next confirm call continues; null when every valid household is written. */
  next: z.number().int().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** A village the admin may file households under, for pickers and filters. */
export const VillageOption = z.object({ _id: Id, name: z.string(), townId: Id, townName: z.string() });
export type VillageOption = z.infer<typeof VillageOption>;

/**
 * 门牌码 (a household card's door code): the `scene` of a 小程序码. WeChat's wxacode.getUnlimited
 * allows at most 32 visible characters of `0-9 A-Z a-z !#$&'()*+,/:;=?@-._~`; Bangfu's is a short
 * code that maps to the household on the server (door_codes), so the code itself holds no personal data.
 */
export const DoorScene = z
  .string({ error: '门牌码无法识别，请重新扫码' })
  .trim()
  .max(32, { error: '门牌码无法识别，请重新扫码或联系帮扶人重新打印' })
  .regex(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/, { error: '门牌码无法识别，请重新扫码或联系帮扶人重新打印' });
export const DoorCode = z.object({
  scene: z.string(),
  /** The page the code opens, as WeChat wants it (no leading `/`, no query). */
  page: z.string(),
  /** The code's picture as a `data:` URL: a 小程序码 in the cloud, a plain QR of the local demo's address locally. */
  image: z.string(),
});
export type DoorCode = z.infer<typeof DoorCode>;

export const householdsApi = defineApi('households', {
  list: { input: ListHouseholdsInput, output: listOf(HouseholdSummary), access: ['admin', 'helper'] },
  get: { input: z.object({ householdId: Id }), output: HouseholdView, access: ['admin', 'helper', 'household'] },
  create: { input: HouseholdDraft, output: HouseholdView, access: ['admin'] },
  update: { input: UpdateHouseholdInput, output: HouseholdView, access: ['admin'] },
  adjustStatus: { input: AdjustStatusInput, output: HouseholdView, access: ['admin'] },
  /** One member's full ID number or phone, for an admin; every reveal is audit-logged. */
  reveal: { input: RevealInput, output: z.object({ value: z.string() }), access: ['admin'] },
  importXlsx: { input: ImportInput, output: ImportResult, access: ['admin'] },
  villages: { input: z.object({}), output: z.object({ items: z.array(VillageOption) }), access: ['admin'] },
  exportXlsx: { input: HouseholdFilters, output: ExportFile, access: ['admin'] },
  /** 导入模板: the import's header row, a guide to every column and the caller's village names. */
  importTemplate: { input: z.object({}), output: ExportFile, access: ['admin'] },
  /** 门牌码 for the printed 帮扶明白卡: its helpers and admins in scope. */
  doorCode: { input: z.object({ householdId: Id }), output: DoorCode, access: ['admin', 'helper'] },
  /** The household a scanned door code names, when the caller may read its card. */
  openDoorCode: { input: z.object({ scene: DoorScene }), output: z.object({ householdId: Id }), access: ['admin', 'helper', 'household'] },
});
