import { z } from '../z';
import { Id, IsoDate, listOf, Paging } from '../common';
import { Benefit, CalculateInput, Decision } from '../benefit';
import { Policy, PolicyCode } from '../policy';
import { defineApi } from './define';

export const Gap = z.object({ householdId: Id, headName: z.string(), memberId: Id.nullable(), policy: PolicyCode, reasons: z.array(z.string()), helperId: Id.nullable() });
export type Gap = z.infer<typeof Gap>;

export const benefitsApi = defineApi('benefits', {
  calculate: { input: CalculateInput, output: z.object({ decisions: z.array(Decision) }), access: 'public' },
  evaluateHousehold: { input: z.object({ householdId: Id, date: IsoDate.optional() }), output: z.object({ decisions: z.array(Decision), received: z.array(Benefit) }), access: ['admin', 'helper', 'household'] },
  listGaps: { input: Paging.extend({ villageId: Id.optional(), policy: PolicyCode.optional() }), output: listOf(Gap), access: ['admin', 'helper'] },
  recordDisbursement: { input: Benefit.omit({ createdAt: true }), output: Benefit, access: ['admin'] },
  listPolicies: { input: z.object({}), output: z.object({ items: z.array(Policy) }), access: 'public' },
  updatePolicyParams: { input: z.object({ code: PolicyCode, from: IsoDate, params: z.record(z.string(), z.number()) }), output: Policy, access: ['admin'] },
});
