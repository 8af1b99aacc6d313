import type { Gap } from '../../../types/api/benefits';
import type { PolicyCode } from '../../../types/policy';
import type { User } from '../../../types/user';
import type { StaffCtx } from '../handler';
import type { RuleHousehold } from './benefit.repository';
import { ruleHouseholdPages, ruleHouseholdsByIds } from '../households/household.repository';
import { allHouseholdsWithEmergency } from '../needs/need.repository';
import { primaryHelpers } from '../assignments/pairing.repository';
import { userNames } from '../users/user.repository';
import type { FoundGap } from './gaps.rules';
import { loadPolicies } from './policy.repository';
import { emergencySince, sweepHouseholds } from './gaps.service';
import { toGap } from './gap-view';
import { adminScope, pairedHouseholdIds, scopedWhere } from '../access';

interface ListGapsInput {
  limit: number;
  offset: number;
  villageId?: string;
  policy?: PolicyCode;
  householdId?: string;
}

/** The households of the caller's scope, page by page: a helper's paired ones, an admin's region (optionally one village). */
async function* householdPagesInScope(user: User, input: ListGapsInput): AsyncGenerator<RuleHousehold[]> {
  if (user.role === 'helper') {
    const ids = await pairedHouseholdIds(user._id);
    const wanted = input.householdId ? ids.filter((id) => id === input.householdId) : ids;
    const households = await ruleHouseholdsByIds(wanted);
    yield input.villageId ? households.filter((h) => h.villageId === input.villageId) : households;
    return;
  }
  const region = scopedWhere(adminScope(user), { villageId: input.villageId });
  if (!region) return;
  const where: Record<string, unknown> = { ...region };
  if (input.householdId) where._id = input.householdId;
  yield* ruleHouseholdPages(where);
}

/**
 * 应享未享 sweep over the caller's scope: every open gap, each handed to the household's primary
 * helper. Recomputed on every call from current records and parameters, so a record or a
 * parameter change shows at once.
 */
export async function listGaps(ctx: StaffCtx, input: ListGapsInput): Promise<{ items: Gap[]; total: number; households: number }> {
  const [policies, emergencies] = await Promise.all([loadPolicies(), allHouseholdsWithEmergency(emergencySince(ctx.now))]);
  // Only the requested page is kept; the rest is counted. Holding every gap (and so every
  // household it points to) until the end made a county sweep's garbage collection the slow part.
  const page: { household: RuleHousehold; gap: FoundGap }[] = [];
  let total = 0;
  let households = 0;
  for await (const found of householdPagesInScope(ctx.user, input)) {
    for (const s of await sweepHouseholds(found, ctx.now, { policies, emergencies })) {
      const gaps = s.gaps.filter((g) => !input.policy || g.policy === input.policy);
      if (gaps.length) households++;
      for (const gap of gaps) {
        if (total >= input.offset && total < input.offset + input.limit) page.push({ household: s.household, gap });
        total++;
      }
    }
  }
  const helpers = await primaryHelpers([...new Set(page.map((p) => p.household._id))]);
  const names = await userNames([...helpers.values()]);
  const items = page.map(({ household, gap }) => {
    const helperId = helpers.get(household._id) ?? null;
    return toGap(household, gap, helperId, helperId ? names.get(helperId) ?? null : null);
  });
  return { items, total, households };
}
