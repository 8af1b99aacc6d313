import type { z } from '../../../types/z';
import { User, type Role } from '../../../types/user';
import { getDb, inChunks, MAX_IN, projectAll, readAll } from '../store';

/** The only code that queries `users` (STYLE: one rule in one place). */
const users = () => getDb().collection('users');

/** The account behind a WeChat OPENID, or null for someone who has not bound or been registered. */
export async function findUserByOpenid(openid: string): Promise<User | null> {
  const { data } = await users().where({ openid, active: true }).limit(1).get();
  return data.length ? User.parse(data[0]) : null;
}

/** An account by id, active or not; null when there is none. */
/** The accounts with these WeChat ids (the local sign-in page lists the demo ones). */
export async function usersByOpenids(openids: string[]): Promise<User[]> {
  const _ = getDb().command;
  const { data } = await users()
    .where({ openid: _.in(openids) })
    .limit(1000)
    .get();
  return data.map((d) => User.parse(d));
}

export async function findUser(id: string): Promise<User | null> {
  const { data } = await users().doc(id).get();
  return data.length ? User.parse(data[0]) : null;
}

export async function countUsers(where: Record<string, unknown>): Promise<number> {
  const { total } = await users().where(where).count();
  return total ?? 0;
}

/** The active admins whose scope is exactly this region (a village's 村干部, a town's, the county's). */
export async function adminsOfRegion(regionId: string): Promise<User[]> {
  const { data } = await users().where({ role: 'admin', 'scope.regionId': regionId, active: true }).limit(20).get();
  return data.map((u) => User.parse(u));
}

/** Several accounts by id, in chunks of `_.in`; ids without an account are left out. */
export async function usersByIds(ids: string[]): Promise<User[]> {
  const _ = getDb().command;
  return inChunks(ids, MAX_IN, (chunk) => readAll(users().where({ _id: _.in(chunk) }), (d) => User.parse(d)));
}

const Contact = User.pick({ _id: true, name: true, phone: true });
export type Contact = Omit<z.infer<typeof Contact>, '_id'>;

/** Name and phone of several accounts (projected), by id: what list rows and callbacks show. */
export async function userContacts(ids: string[]): Promise<Map<string, Contact>> {
  const _ = getDb().command;
  const found = await inChunks(ids.filter(Boolean), MAX_IN, (chunk) =>
    readAll(
      users()
        .where({ _id: _.in(chunk) })
        .field({ name: true, phone: true }),
      (d) => Contact.parse(d),
    ),
  );
  return new Map(found.map(({ _id, ...contact }) => [_id, contact]));
}

/** Names of several accounts, by id (for "帮扶人：张三" on list rows). */
export async function userNames(ids: string[]): Promise<Map<string, string>> {
  return new Map([...(await userContacts(ids))].map(([id, c]) => [id, c.name]));
}

const NameUnit = User.pick({ _id: true, name: true, unit: true });

/** Name and work unit of several accounts (projected), by id: the ledgers' rows of helpers and units. */
export async function userUnits(ids: string[]): Promise<Map<string, { name: string; unit: string }>> {
  const _ = getDb().command;
  const found = await inChunks(ids, MAX_IN, (chunk) => projectAll(users(), { _id: _.in(chunk) }, { name: true, unit: true }, (d) => NameUnit.parse(d)));
  return new Map(found.map((u) => [u._id, { name: u.name, unit: u.unit ?? '' }]));
}

/** The active helpers working in a region (their `regionPath` holds it). */
export async function activeHelpersIn(regionId: string): Promise<User[]> {
  return readAll(users().where({ role: 'helper', active: true, regionPath: regionId }), (d) => User.parse(d));
}

const HelperUnit = User.pick({ _id: true, name: true, unit: true, regionPath: true });

/** Every helper account of the region (active or not) with their work unit, for coverage rows. */
export async function helperUnitsIn(regionId: string): Promise<Array<{ id: string; name: string; unit: string }>> {
  // `role` alone is an index prefix, so the index finds them; the region is checked here. A
  // county's 3,000 helpers in one aggregate's answer, not three pages of 1,000.
  const helpers = await projectAll(users(), { role: 'helper' }, { name: true, unit: true, regionPath: true }, (d) => HelperUnit.parse(d));
  return helpers.filter((u) => u.regionPath.includes(regionId)).map((u) => ({ id: u._id, name: u.name, unit: u.unit ?? '' }));
}

/** The active accounts of one role whose region path holds any of `regionIds` (a notice's audience). */
export async function activeUsersIn(role: Role, regionIds: string[]): Promise<User[]> {
  const _ = getDb().command;
  return readAll(users().where({ role, regionPath: _.in(regionIds), active: true }), (d) => User.parse(d));
}

/** The accounts bound to a household (its members' WeChat users). */
export async function householdAccounts(householdId: string): Promise<User[]> {
  const { data } = await users().where({ role: 'household', householdId, active: true }).limit(100).get();
  return data.map((u) => User.parse(u));
}

export async function insertUser(user: User): Promise<void> {
  await users().add(user);
}

export async function removeUser(id: string): Promise<void> {
  await users().doc(id).remove();
}
