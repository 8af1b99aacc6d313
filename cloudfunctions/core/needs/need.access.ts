import type { Need } from '../../../types/need';
import type { User } from '../../../types/user';
import { hiddenHousehold, inScope, isPairedHelper, regionFilter } from '../access';
import { forbidden } from '../errors';
import type { NeedActor } from './workflow.rules';

/** How the caller relates to a need, or null when they may not see it at all. */
export async function actorFor(user: User, need: Need): Promise<NeedActor | null> {
  if (user.role === 'household') return user.householdId === need.householdId ? 'household' : null;
  if (user.role === 'admin') return user.scope && inScope(user.scope, need) ? 'admin' : null;
  if (need.assigneeId === user._id) return 'assignee';
  return (await isPairedHelper(user._id, need.householdId)) ? 'pairedHelper' : null;
}

/**
 * The base filter of a caller's needs list. Households: their own household. Helpers: needs routed
 * to them, or one paired household's needs. Admins: their region, optionally one household in it.
 */
export async function listFilterFor(user: User, householdId: string | undefined): Promise<Record<string, unknown>> {
  if (user.role === 'household') {
    if (!user.householdId) throw forbidden('请先绑定家庭');
    if (householdId && householdId !== user.householdId) throw hiddenHousehold();
    return { householdId: user.householdId };
  }
  if (user.role === 'helper') {
    if (!householdId) return { assigneeId: user._id };
    if (!(await isPairedHelper(user._id, householdId))) throw hiddenHousehold();
    return { householdId };
  }
  if (!user.scope) throw forbidden('您的账号没有管辖区域');
  return householdId ? { ...regionFilter(user.scope), householdId } : regionFilter(user.scope);
}
