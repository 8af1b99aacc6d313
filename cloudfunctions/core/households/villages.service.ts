import type { VillageOption } from '../../../types/api/households';
import type { AdminCtx } from '../handler';
import { adminScope } from '../access/scope';
import { villagesUnder } from '../regions/region.repository';

/** The villages in the admin's region with their town, in id order (town by town). */
export async function listVillages(ctx: AdminCtx): Promise<{ items: VillageOption[] }> {
  const { villages, townNames } = await villagesUnder(adminScope(ctx.user).regionId);
  const items = villages.map((v) => ({ _id: v._id, name: v.name, townId: v.parentId ?? '', townName: townNames.get(v.parentId ?? '') ?? '' }));
  items.sort((a, b) => a._id.localeCompare(b._id, 'en', { numeric: true }));
  return { items };
}
