import { z } from '../z';
import { ExportFile, Id, listOf, Paging } from '../common';
import {
  EscalateNeedInput,
  NeedAssigneeOption,
  NeedCategory,
  NeedSettings,
  NeedStats,
  NeedStatus,
  NeedView,
  RateNeedInput,
  ReassignNeedInput,
  ReportNeedInput,
  TransitionNeedInput,
  UrgeNeedInput,
} from '../need';
import { defineApi } from './define';

export const ListNeedsInput = Paging.extend({
  status: NeedStatus.optional(),
  category: NeedCategory.optional(),
  overdue: z.boolean({ error: '是否逾期应为 true 或 false' }).optional(),
  /** Resolved or confirmed needs the household has not rated yet (满意度 follow-up). */
  unrated: z.boolean({ error: '是否未评价应为 true 或 false' }).optional(),
  /** Open needs whose helper asked for coordination (提请协调) and no reassignment has answered yet. */
  escalated: z.boolean({ error: '是否提请协调应为 true 或 false' }).optional(),
  householdId: Id.optional(),
});
export type ListNeedsInput = z.infer<typeof ListNeedsInput>;

/**
 * 需求 workflow. Lists answer overdue needs first (oldest deadline first), then the rest newest first.
 * Households see their own household's needs, helpers those of households paired with them,
 * admins those in their region.
 */
export const needsApi = defineApi('needs', {
  report: { input: ReportNeedInput, output: NeedView, access: ['household', 'helper'] },
  list: { input: ListNeedsInput, output: listOf(NeedView), access: ['admin', 'helper', 'household'] },
  get: { input: z.object({ needId: Id }), output: NeedView, access: ['admin', 'helper', 'household'] },
  transition: { input: TransitionNeedInput, output: NeedView, access: ['admin', 'helper', 'household'] },
  reassign: { input: ReassignNeedInput, output: NeedView, access: ['admin'] },
  assigneeOptions: { input: z.object({ needId: Id }), output: z.array(NeedAssigneeOption), access: ['admin'] },
  urge: { input: UrgeNeedInput, output: NeedView, access: ['admin'] },
  escalate: { input: EscalateNeedInput, output: NeedView, access: ['helper'] },
  rate: { input: RateNeedInput, output: NeedView, access: ['household'] },
  stats: { input: z.object({}), output: NeedStats, access: ['admin'] },
  /** 导出需求: the oversight list under its filters, as .xlsx. */
  exportXlsx: { input: ListNeedsInput.omit({ limit: true, offset: true }), output: ExportFile, access: ['admin'] },
  getSettings: { input: z.object({}), output: NeedSettings, access: ['admin', 'helper', 'household'] },
  updateSettings: { input: NeedSettings, output: NeedSettings, access: ['admin'] },
});
