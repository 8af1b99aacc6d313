import type { HouseholdFilters, ListHouseholdsInput } from '../../../types/api/households';
import type { HouseholdSummary } from '../../../types/household';
import type { StaffCtx } from '../handler';
import { getDb } from '../store';
import { pairedHouseholdIds, regionFilter } from '../access';
import { toSummaries } from './household.view';
import { householdPage } from './household.repository';
import { listWithGaps } from './gaps-filter';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The caller's scope AND the filters, as one CloudBase query: admins their region, helpers the
 * households paired with them. `null` means the caller can see nothing.
 */
export async function householdQuery(ctx: StaffCtx, filters: HouseholdFilters): Promise<Record<string, unknown> | null> {
  const db = getDb();
  const _ = db.command;
  const { user } = ctx;
  const conditions: Record<string, unknown>[] = [];
  if (user.role === 'admin' && user.scope) conditions.push(regionFilter(user.scope));
  else if (user.role === 'helper') {
    const ids = await pairedHouseholdIds(user._id);
    if (!ids.length) return null;
    conditions.push({ _id: _.in(ids) });
  } else return null;
  const { townId, villageId, status, cause, trait, q } = filters;
  const exact = Object.fromEntries(Object.entries({ townId, villageId, status }).filter(([, v]) => v !== undefined));
  if (Object.keys(exact).length) conditions.push(exact);
  if (cause) conditions.push({ causes: cause });
  if (trait === 'disability') conditions.push({ members: _.elemMatch({ disabilityLevel: _.gt(0) }) });
  if (trait === 'chronic') conditions.push({ members: _.elemMatch({ health: _.in(['chronic', 'serious']) }) });
  if (trait === 'in_school') conditions.push({ members: _.elemMatch({ schooling: _.nin(['none', 'university']) }) });
  if (q) {
    const pattern = db.RegExp({ regexp: escapeRegExp(q), options: 'i' });
    conditions.push(_.or([{ headName: pattern }, { code: pattern }, { 'members.name': pattern }]) as unknown as Record<string, unknown>);
  }
  return conditions.length === 1 ? conditions[0] : (_.and(conditions) as unknown as Record<string, unknown>);
}

export async function listHouseholds(ctx: StaffCtx, input: ListHouseholdsInput): Promise<{ items: HouseholdSummary[]; total: number }> {
  const where = await householdQuery(ctx, input);
  if (!where) return { items: [], total: 0 };
  if (input.hasGaps) return listWithGaps(where, input);
  const { items, total } = await householdPage(where, input);
  return { items: await toSummaries(items), total };
}
