import type { HelperLoad } from '../../../types/api/assignments';
import type { HouseholdSummary } from '../../../types/household';
import type { AdminCtx } from '../handler';
import { adminScope, regionFilter } from '../access/scope';
import { toSummaries } from '../households/household.view';
import { householdIdsWhere, householdsByIds } from '../households/household.repository';
import { activeHelpersIn } from '../users/user.repository';
import { helperRegionOf } from './helpers';
import { activeLoads, primaryPairedHouseholdIds } from './pairing.repository';

/** 帮扶责任人 with their load, heaviest first; `idle` keeps only those with no household. */
export async function listHelpers(ctx: AdminCtx, input: { townId?: string; idle: boolean; q?: string }): Promise<{ items: HelperLoad[] }> {
  const region = await helperRegionOf(adminScope(ctx.user));
  let helpers = await activeHelpersIn(input.townId ?? region);
  if (input.townId) helpers = helpers.filter((h) => h.regionPath.includes(region));
  if (input.q) helpers = helpers.filter((h) => h.name.includes(input.q!) || (h.unit ?? '').includes(input.q!));
  const counts = await activeLoads(helpers.map((h) => h._id));
  const items = helpers.map((h) => {
    const c = counts.get(h._id) ?? {};
    const [primary, health, education] = [c.primary ?? 0, c.health ?? 0, c.education ?? 0];
    return {
      _id: h._id,
      name: h.name,
      helperKind: h.helperKind ?? null,
      unit: h.unit ?? null,
      townId: h.scope?.regionId ?? null,
      primary,
      health,
      education,
      total: primary + health + education,
    };
  });
  return { items: items.filter((i) => !input.idle || i.total === 0).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh')) };
}

/** Households in the admin's region with no active primary helper (每户必须有主帮扶人). */
export async function listUnpaired(ctx: AdminCtx, input: { limit: number; offset: number }): Promise<{ items: HouseholdSummary[]; total: number }> {
  const scope = adminScope(ctx.user);
  // Both id lists are read in natural order and sorted here: ordering a county's households by
  // `_id` made the embedded store decode every household for each page (40 s for 未结对).
  const households = await householdIdsWhere(regionFilter(scope));
  const paired = new Set(await primaryPairedHouseholdIds());
  const missing = households.filter((id) => !paired.has(id)).sort();
  const page = missing.slice(input.offset, input.offset + input.limit);
  if (!page.length) return { items: [], total: missing.length };
  return { items: await toSummaries(await householdsByIds(page)), total: missing.length };
}
