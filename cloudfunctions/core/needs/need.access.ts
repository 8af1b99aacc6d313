import type { Need } from '../../../types/need';
import type { User } from '../../../types/user';
import { getDb } from '../store';
import { inScope, regionFilter } from '../scope';
import { forbidden, notFound } from '../errors';
import type { NeedActor } from './workflow.rules';

/** Whether a helper is actively paired with a household (any pairing role). */
export async function isPairedHelper(helperId: string, householdId: string): Promise<boolean> {
  const { total } = await getDb().collection('pairings').where({ helperId, householdId, active: true }).count();
  return (total ?? 0) > 0;
}

/** The household's primary helper (主帮扶人): where a new need is routed. Null if it has none. */
export async function primaryHelperOf(householdId: string): Promise<string | null> {
  const { data } = await getDb().collection('pairings').where({ householdId, role: 'primary', active: true }).limit(1).get();
  return data.length ? (data[0].helperId as string) : null;
}

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
    if (householdId && householdId !== user.householdId) throw notFound('没有找到该户，或您无权查看');
    return { householdId: user.householdId };
  }
  if (user.role === 'helper') {
    if (!householdId) return { assigneeId: user._id };
    if (!(await isPairedHelper(user._id, householdId))) throw notFound('没有找到该户，或您无权查看');
    return { householdId };
  }
  if (!user.scope) throw forbidden('您的账号没有管辖区域');
  return householdId ? { ...regionFilter(user.scope), householdId } : regionFilter(user.scope);
}
