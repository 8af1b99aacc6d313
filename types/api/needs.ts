import { z } from '../z';
import { Id, listOf, Paging } from '../common';
import { Need, NeedCategory, NeedStatus, ReportNeedInput, TransitionNeedInput } from '../need';
import { defineApi } from './define';

export const needsApi = defineApi('needs', {
  report: { input: ReportNeedInput, output: Need, access: ['household', 'helper'] },
  list: { input: Paging.extend({ status: NeedStatus.optional(), category: NeedCategory.optional(), overdue: z.boolean().optional() }), output: listOf(Need), access: ['admin', 'helper', 'household'] },
  get: { input: z.object({ needId: Id }), output: Need, access: ['admin', 'helper', 'household'] },
  transition: { input: TransitionNeedInput, output: Need, access: ['admin', 'helper', 'household'] },
  rate: { input: z.object({ needId: Id, rating: z.number().int().min(1, { error: '评分为 1 到 5 星' }).max(5, { error: '评分为 1 到 5 星' }), comment: z.string().max(500).optional() }), output: Need, access: ['household'] },
});
