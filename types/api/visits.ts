import { z } from '../z';
import { Id, IsoDate, listOf, Paging } from '../common';
import { DueStatus, RecordVisitInput, Visit } from '../visit';
import { defineApi } from './define';

export const DueItem = z.object({
  householdId: Id,
  headName: z.string(),
  villageName: z.string(),
  status: DueStatus,
  lastVisitedAt: z.string().nullable(),
  openNeeds: z.number().int(),
  openGaps: z.number().int(),
});
export type DueItem = z.infer<typeof DueItem>;

export const visitsApi = defineApi('visits', {
  listDue: { input: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, { error: '月份格式应为 YYYY-MM' }).optional() }), output: z.object({ items: z.array(DueItem) }), access: ['helper'] },
  record: { input: RecordVisitInput, output: Visit, access: ['helper'] },
  listByHousehold: { input: Paging.extend({ householdId: Id, from: IsoDate.optional(), to: IsoDate.optional() }), output: listOf(Visit), access: ['admin', 'helper', 'household'] },
});
