import { z } from '../z';
import { ExportFile, Month } from '../common';
import { HouseholdStatus } from '../household';
import { defineApi } from './define';


export const CoverageRow = z.object({
  id: z.string(),
  name: z.string(),
  paired: z.number().int(),
  visited: z.number().int(),
  /** What tells rows of the same name apart: a village's town, a helper's unit. */
  note: z.string().optional(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

/** 走访覆盖率: households visited at least once this month / households paired, and who is overdue. */
export const Coverage = z.object({
  month: z.string(),
  paired: z.number().int(),
  visited: z.number().int(),
  byTown: z.array(CoverageRow),
  byVillage: z.array(CoverageRow),
  byUnit: z.array(CoverageRow),
  byHelper: z.array(CoverageRow),
  overdue: z.object({
    total: z.number().int(),
    items: z.array(z.object({ householdId: z.string(), headName: z.string(), villageName: z.string(), helperName: z.string() })),
  }),
});
export type Coverage = z.infer<typeof Coverage>;

export const Dashboard = z.object({
  regionName: z.string(),
  households: z.number().int(),
  people: z.number().int(),
  helpers: z.number().int(),
  byStatus: z.array(z.object({ status: HouseholdStatus, count: z.number().int() })),
  visitedThisMonth: z.number().int(),
  openNeeds: z.number().int(),
  /** This month's visit coverage (also `reports.coverage` for another month). */
  coverage: Coverage,
});
export type Dashboard = z.infer<typeof Dashboard>;

/** 月度通报 (monthlyBulletin, exportBulletin) enters with its issue: a contract lists only actions that exist. */
export const reportsApi = defineApi('reports', {
  dashboard: { input: z.object({}), output: Dashboard, access: ['admin'] },
  coverage: { input: z.object({ month: Month.optional() }), output: Coverage, access: ['admin'] },
  /** 导出走访覆盖: the month's coverage as .xlsx, a sheet per dimension and the overdue households. */
  exportCoverage: { input: z.object({ month: Month.optional() }), output: ExportFile, access: ['admin'] },
});
