import { z } from '../z';
import { Id, IsoDate, listOf, Paging } from '../common';
import { Household, HouseholdStatus, HouseholdSummary, HouseholdView, PovertyCause } from '../household';
import { defineApi } from './define';

export const ListHouseholdsInput = Paging.extend({
  townId: Id.optional(),
  villageId: Id.optional(),
  status: HouseholdStatus.optional(),
  cause: PovertyCause.optional(),
  q: z.string().trim().max(30, { error: '搜索词最多 30 字' }).optional(),
});
export type ListHouseholdsInput = z.infer<typeof ListHouseholdsInput>;

export const HouseholdDraft = Household.omit({ _id: true, statusHistory: true, version: true, createdAt: true, updatedAt: true, countyId: true, townId: true, headName: true });

export const AdjustStatusInput = z.object({
  householdId: Id,
  kind: z.enum(['new_identification', 'return_to_poverty', 'exit', 'risk_cleared'], { error: '调整类型应为新识别、返贫、脱贫退出或风险消除' }),
  to: HouseholdStatus,
  reason: z.string().trim().min(2, { error: '请填写调整原因' }).max(500),
  effectiveOn: IsoDate,
  evidence: z.array(z.string()).default([]),
  version: z.number().int(),
});

export const householdsApi = defineApi('households', {
  list: { input: ListHouseholdsInput, output: listOf(HouseholdSummary), access: ['admin', 'helper'] },
  get: { input: z.object({ householdId: Id }), output: HouseholdView, access: ['admin', 'helper', 'household'] },
  create: { input: HouseholdDraft, output: HouseholdView, access: ['admin'] },
  update: { input: HouseholdDraft.partial().extend({ householdId: Id, version: z.number().int() }), output: HouseholdView, access: ['admin'] },
  adjustStatus: { input: AdjustStatusInput, output: HouseholdView, access: ['admin'] },
  importXlsx: { input: z.object({ fileId: z.string().min(1), confirm: z.boolean().default(false) }), output: z.object({ valid: z.number(), errors: z.array(z.object({ row: z.number(), message: z.string() })), written: z.number() }), access: ['admin'] },
  exportXlsx: { input: ListHouseholdsInput.omit({ limit: true, offset: true }), output: z.object({ fileId: z.string() }), access: ['admin'] },
});
