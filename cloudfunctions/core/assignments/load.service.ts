import type { HelperLoad } from '../../../types/api/assignments';
import { Household, type HouseholdSummary } from '../../../types/household';
import { User } from '../../../types/user';
import type { AdminCtx } from '../handler';
import { getDb } from '../store';
import { adminScope, regionFilter } from '../access/scope';
import { toSummaries } from '../households/household.view';
import { helperRegionOf } from './helpers';
import { activeLoads } from './pairing.repository';

async function helpersIn(region: string, townId?: string): Promise<User[]> {
  const helpers: User[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await getDb().collection('users').where({ role: 'helper', active: true, regionPath: townId ?? region }).skip(offset).limit(1000).get();
    helpers.push(...data.map((u) => User.parse(u)));
    if (data.length < 1000) return helpers;
  }
}

/** 帮扶责任人 with their load, heaviest first; `idle` keeps only those with no household. */
export async function listHelpers(ctx: AdminCtx, input: { townId?: string; idle: boolean; q?: string }): Promise<{ items: HelperLoad[] }> {
  const region = await helperRegionOf(adminScope(ctx.user));
  let helpers = await helpersIn(region, input.townId);
  if (input.townId) helpers = helpers.filter((h) => h.regionPath.includes(region));
  if (input.q) helpers = helpers.filter((h) => h.name.includes(input.q!) || (h.unit ?? '').includes(input.q!));
  const counts = await activeLoads(helpers.map((h) => h._id));
  const items = helpers.map((h) => {
    const c = counts.get(h._id) ?? {};
    const [primary, health, education] = [c.primary ?? 0, c.health ?? 0, c.education ?? 0];
    return { _id: h._id, name: h.name, helperKind: h.helperKind ?? null, unit: h.unit ?? null, townId: h.scope?.regionId ?? null, primary, health, education, total: primary + health + education };
  });
  return { items: items.filter((i) => !input.idle || i.total === 0).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh')) };
}

/**
 * One field of every matching document, as a set (the caller sorts what it shows). Paged in
 * natural order: ordering by `_id` made the embedded store decode every household for each page
 * (40 s for a county's 未结对 list).
 */
async function allIds(collection: 'households' | 'pairings', where: Record<string, unknown>, field: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await getDb().collection(collection).where(where).field({ [field]: true }).skip(offset).limit(1000).get();
    ids.push(...data.map((d) => d[field] as string));
    if (data.length < 1000) return ids;
  }
}

/** Households in the admin's region with no active primary helper (每户必须有主帮扶人). */
export async function listUnpaired(ctx: AdminCtx, input: { limit: number; offset: number }): Promise<{ items: HouseholdSummary[]; total: number }> {
  const scope = adminScope(ctx.user);
  const households = await allIds('households', regionFilter(scope), '_id');
  const paired = new Set(await allIds('pairings', { role: 'primary', active: true }, 'householdId'));
  const missing = households.filter((id) => !paired.has(id)).sort();
  const page = missing.slice(input.offset, input.offset + input.limit);
  if (!page.length) return { items: [], total: missing.length };
  const _ = getDb().command;
  const { data } = await getDb().collection('households').where({ _id: _.in(page) }).limit(page.length).get();
  return { items: await toSummaries(data.map((d) => Household.parse(d))), total: missing.length };
}
