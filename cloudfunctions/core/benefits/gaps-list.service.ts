import type { Gap } from '../../../types/api/benefits';
import type { PolicyCode } from '../../../types/policy';
import type { User } from '../../../types/user';
import type { StaffCtx } from '../handler';
import { activePairingsOfHelper, primaryHelpers } from '../assignments/pairing.repository';
import { userNames } from '../users/user.repository';
import { MAX_PAGE } from '../store';
import { type GapFilter, type KeptGap, openGapPage, openGapPages } from './gap.repository';
import { adminScope, scopedWhere } from '../access';

interface ListGapsInput {
  limit: number;
  offset: number;
  villageId?: string;
  policy?: PolicyCode;
  householdId?: string;
}

/** The kept gaps' filter for the caller's scope: a helper's paired households, an admin's region (optionally one village); null when nothing is in it. */
async function scopeWhere(user: User, input: ListGapsInput): Promise<{ filter: GapFilter; own: Set<string> } | null> {
  if (user.role === 'helper') {
    const pairings = await activePairingsOfHelper(user._id);
    const ids = [...new Set(pairings.map((p) => p.householdId))];
    const wanted = input.householdId ? ids.filter((id) => id === input.householdId) : ids;
    if (!wanted.length) return null;
    // The helper is the one to act on the households they are primary for: no lookup needed.
    const own = new Set(pairings.filter((p) => p.role === 'primary').map((p) => p.householdId));
    return { filter: { householdIds: wanted, region: input.villageId ? { villageId: input.villageId } : {}, policy: input.policy }, own };
  }
  const region = scopedWhere(adminScope(user), { villageId: input.villageId });
  if (!region) return null;
  return { filter: { region, householdIds: input.householdId ? [input.householdId] : undefined, policy: input.policy }, own: new Set() };
}

/**
 * Kept gaps as the API shows them, each handed to the household's primary helper: two reads for
 * the page, none when the caller is that helper for every household on it.
 */
async function withHelpers(gaps: KeptGap[], caller: User, own: Set<string>): Promise<Gap[]> {
  const others = [...new Set(gaps.map((g) => g.householdId).filter((id) => !own.has(id)))];
  const helpers = others.length ? await primaryHelpers(others) : new Map<string, string>();
  for (const id of own) helpers.set(id, caller._id);
  const named = [...new Set(helpers.values())].filter((id) => id !== caller._id);
  const names = named.length ? await userNames(named) : new Map<string, string>();
  names.set(caller._id, caller.name);
  return gaps.map((g) => {
    const helperId = helpers.get(g.householdId) ?? null;
    return {
      householdId: g.householdId,
      headName: g.headName,
      villageId: g.villageId,
      memberId: g.memberId,
      memberName: g.memberName,
      policy: g.policy,
      amount: g.amount,
      received: g.received,
      shortfall: g.kind === 'short' && g.amount !== null && g.received !== null ? g.amount - g.received : null,
      kind: g.kind,
      reasons: g.reasons,
      helperId,
      helperName: helperId ? (names.get(helperId) ?? null) : null,
    };
  });
}

/**
 * 应享未享 over the caller's scope: every open gap, each handed to the household's primary helper.
 * Read from the kept gaps (kept-gaps.service.ts keeps them current on every write they depend
 * on), so a county's list is a few indexed reads instead of evaluating every household.
 */
export async function listGaps(ctx: StaffCtx, input: ListGapsInput): Promise<{ items: Gap[]; total: number; households: number }> {
  const scope = await scopeWhere(ctx.user, input);
  if (!scope) return { items: [], total: 0, households: 0 };
  const { items, total, households } = await openGapPage(scope.filter, input);
  return { items: await withHelpers(items, ctx.user, scope.own), total, households };
}

/** Every open gap of the caller's scope (up to `max`), for the export: the same filter as listGaps, read a page of 1,000 at a time. */
export async function allGaps(ctx: StaffCtx, input: Omit<ListGapsInput, 'limit' | 'offset'>, max: number): Promise<{ items: Gap[]; total: number }> {
  const scope = await scopeWhere(ctx.user, { ...input, limit: MAX_PAGE, offset: 0 });
  if (!scope) return { items: [], total: 0 };
  const kept: KeptGap[] = [];
  let total = 0;
  for await (const page of openGapPages(scope.filter)) {
    total += page.length;
    kept.push(...page.slice(0, Math.max(0, max - kept.length)));
  }
  return { items: await withHelpers(kept, ctx.user, scope.own), total };
}
