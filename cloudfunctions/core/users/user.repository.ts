import { User } from '../../../types/user';
import { getDb } from '../store';

/** The account behind a WeChat OPENID, or null for someone who has not bound or been registered. */
export async function findUserByOpenid(openid: string): Promise<User | null> {
  const { data } = await getDb().collection('users').where({ openid, active: true }).limit(1).get();
  return data.length ? User.parse(data[0]) : null;
}

export async function countUsers(where: Record<string, unknown>): Promise<number> {
  const { total } = await getDb().collection('users').where(where).count();
  return total ?? 0;
}

/** The active admins whose scope is exactly this region (a village's 村干部, a town's, the county's). */
export async function adminsOfRegion(regionId: string): Promise<User[]> {
  const { data } = await getDb().collection('users').where({ role: 'admin', 'scope.regionId': regionId, active: true }).limit(20).get();
  return data.map((u) => User.parse(u));
}
