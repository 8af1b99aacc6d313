import { z } from '../z';
import { boundedRecord, ExportFile, Id, IsoDate, listOf, Paging } from '../common';
import { Benefit, CalculateInput, Decision, RecordDisbursementInput } from '../benefit';
import { Policy, PolicyCode } from '../policy';
import { HouseholdContact } from '../pairing';
import { defineApi } from './define';

/** 应享未享: an entitled decision with no record this period (or a missing approval), handed to the primary helper. */
export const Gap = z.object({
  householdId: Id,
  headName: z.string(),
  villageId: Id,
  memberId: Id.nullable(),
  memberName: z.string().nullable(),
  policy: PolicyCode,
  /** 应享: what the decision entitles to, yuan (null for a service). */
  amount: z.number().nullable(),
  /** 实享: what this period's records paid under it, yuan; null when nothing with an amount was paid. */
  received: z.number().nullable(),
  /** 少享 by how much: amount − received for a `short` gap, otherwise null. */
  shortfall: z.number().nullable(),
  /** unpaid 未享 · short 少享 (paid less than entitled) · approval_missing 慢病认定未办. */
  kind: z.enum(['unpaid', 'short', 'approval_missing']),
  reasons: z.array(z.string()),
  helperId: Id.nullable(),
  helperName: z.string().nullable(),
});
export type Gap = z.infer<typeof Gap>;

/**
 * 应享未享重新测算: the pass that re-evaluates every household's kept gaps after a policy
 * parameter change (and daily), with its progress in households.
 */
export const GapRefresh = z.object({
  status: z.enum(['idle', 'running', 'done']),
  reason: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  /** Households whose gaps changed. */
  changed: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type GapRefresh = z.infer<typeof GapRefresh>;

/** Names only (no ID numbers): enough to label member decisions. */
export const MemberLabel = z.object({ id: Id, name: z.string(), relation: z.string() });

export const HouseholdBenefits = z.object({
  householdId: Id,
  headName: z.string(),
  date: IsoDate,
  period: z.string(),
  members: z.array(MemberLabel),
  decisions: z.array(Decision),
  received: z.array(Benefit),
  gaps: z.array(Gap),
  /** Whom to call about a gap: the primary helper, else the village admin (phone only for the household itself). */
  contact: HouseholdContact.nullable(),
});
export type HouseholdBenefits = z.infer<typeof HouseholdBenefits>;

export const BenefitRow = Benefit.extend({ headName: z.string(), memberName: z.string().nullable() });
export type BenefitRow = z.infer<typeof BenefitRow>;

export const ImportRowError = z.object({ row: z.number().int(), message: z.string() });
export const ImportResult = z.object({
  total: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportRowError),
  /** Nothing is written when any row is wrong, so a corrected file can simply be imported again. */
  applied: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const benefitsApi = defineApi('benefits', {
  calculate: { input: CalculateInput, output: z.object({ decisions: z.array(Decision) }), access: 'public' },
  /** A household's own benefits; `householdId` defaults to the caller's household. */
  evaluateHousehold: {
    input: z.object({ householdId: Id.optional(), date: IsoDate.optional() }),
    output: HouseholdBenefits,
    access: ['admin', 'helper', 'household'],
  },
  listGaps: {
    input: Paging.extend({ villageId: Id.optional(), policy: PolicyCode.optional(), householdId: Id.optional() }),
    output: listOf(Gap).extend({ households: z.number().int() }),
    access: ['admin', 'helper'],
  },
  /** 导出应享未享: the same sweep as listGaps over the admin's region (optionally one village or policy), as .xlsx. */
  exportGaps: { input: z.object({ villageId: Id.optional(), policy: PolicyCode.optional() }), output: ExportFile, access: ['admin'] },
  recordDisbursement: { input: RecordDisbursementInput, output: Benefit.extend({ created: z.boolean() }), access: ['admin'] },
  listRecords: {
    input: Paging.extend({
      householdId: Id.optional(),
      villageId: Id.optional(),
      policy: PolicyCode.optional(),
      period: z.string().max(7, { error: '发放期间应为 YYYY 或 YYYY-MM，例如 2026 或 2026-03' }).optional(),
    }),
    output: listOf(BenefitRow),
    access: ['admin'],
  },
  importRecords: {
    input: z.object({
      fileId: z.string().min(1, { error: '请先上传表格文件' }).max(512, { error: '文件编号最多 512 个字符' }),
      dryRun: z.boolean().default(false),
    }),
    output: ImportResult,
    access: ['admin'],
  },
  listPolicies: { input: z.object({}), output: z.object({ items: z.array(Policy) }), access: 'public' },
  updatePolicyParams: {
    input: z.object({
      code: PolicyCode,
      from: IsoDate,
      params: boundedRecord(z.string().max(40, { error: '参数名最多 40 个字符' }), z.number({ error: '参数值应为数字' }), 20, '一项政策最多 20 个参数'),
      replace: z.boolean().optional(),
    }),
    output: Policy.extend({ refresh: GapRefresh }),
    access: ['admin'],
  },
  /** The re-evaluation a parameter change started: its progress, after working on it for a few seconds more (county admins). */
  gapRefresh: { input: z.object({}), output: GapRefresh, access: ['admin'] },
});
