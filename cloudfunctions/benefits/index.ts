import { benefitsApi } from '../../types/api/benefits';
import { handler } from '../core/handler';
import { calculate } from '../core/benefits/calculator.service';
import { loadPolicies } from '../core/benefits/policy.repository';
import { dateOf } from '../core/time';

export const main = handler(benefitsApi, {
  calculate: async (input, ctx) => calculate(input, await loadPolicies(), dateOf(ctx.now)),
  listPolicies: async () => ({ items: await loadPolicies() }),
});
