import { z } from '../z';
import { HouseholdStatus } from '../household';
import { defineApi } from './define';

const Month = z.string().regex(/^\d{4}-\d{2}$/, { error: '月份格式应为 YYYY-MM，例如 2026-11' });

export const Dashboard = z.object({
  regionName: z.string(),
  households: z.number().int(),
  people: z.number().int(),
  helpers: z.number().int(),
  byStatus: z.array(z.object({ status: HouseholdStatus, count: z.number().int() })),
  visitedThisMonth: z.number().int(),
  openNeeds: z.number().int(),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const reportsApi = defineApi('reports', {
  dashboard: { input: z.object({}), output: Dashboard, access: ['admin'] },
  monthlyBulletin: { input: z.object({ month: Month }), output: z.record(z.string(), z.unknown()), access: ['admin'] },
  exportBulletin: { input: z.object({ month: Month }), output: z.object({ fileId: z.string() }), access: ['admin'] },
});
