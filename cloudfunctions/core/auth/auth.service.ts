import type { WhoAmI } from '../../../types/api/auth';
import type { SignedInCtx } from '../handler';
import { getRegion } from '../regions/region.repository';
import { findHousehold } from '../households/household.repository';

const UNBOUND: WhoAmI = { role: null, userId: null, name: '微信用户', scope: null, helperKind: null, unit: null, household: null };

/** Who the caller is: role, name, scope and (for a household member) the bound household. */
export async function whoami(ctx: SignedInCtx): Promise<WhoAmI> {
  const user = ctx.user;
  if (!user) return UNBOUND;
  const scope = user.scope ? { ...user.scope, regionName: (await getRegion(user.scope.regionId)).name } : null;
  let household: WhoAmI['household'] = null;
  if (user.role === 'household' && user.householdId) {
    const found = await findHousehold(user.householdId);
    if (found) household = { id: found._id, headName: found.headName, villageName: (await getRegion(found.villageId)).name };
  }
  return {
    role: user.role,
    userId: user._id,
    name: user.name,
    scope,
    helperKind: user.helperKind ?? null,
    unit: user.unit ?? null,
    household,
  };
}
