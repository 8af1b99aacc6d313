import { randomUUID } from 'node:crypto';
import type { Binding, BindHouseholdInput, WhoAmI } from '../../../types/api/auth';
import { Household, type Member } from '../../../types/household';
import { User } from '../../../types/user';
import type { Ctx } from '../handler';
import { audit } from '../audit/audit.service';
import { conflict, notFound, rateLimited, unauthenticated } from '../errors';
import { administeredHousehold } from '../access';
import { adminScope, inScope } from '../access/scope';
import { getDb } from '../store';
import { findUserByOpenid } from '../users/user.repository';
import { LOCK_MS, LOCKED_MESSAGE, memberMatches, NO_MATCH_MESSAGE, shouldLock, WINDOW_MS } from './bind.rules';
import { whoami } from './auth.service';

async function ensureNotLocked(openid: string, now: Date): Promise<void> {
  const _ = getDb().command;
  const { total } = await getDb().collection('bind_attempts').where({ openid, kind: 'lock', until: _.gt(now.toISOString()) }).count();
  if ((total ?? 0) > 0) throw rateLimited(LOCKED_MESSAGE);
}

/** Records a wrong try; the fifth within an hour also records a one-hour lock. */
async function recordFailure(openid: string, now: Date): Promise<void> {
  const attempts = getDb().collection('bind_attempts');
  const at = now.toISOString();
  await attempts.add({ _id: randomUUID(), openid, kind: 'failure', at });
  const _ = getDb().command;
  const { data } = await attempts.where({ openid, kind: 'failure', at: _.gte(new Date(now.getTime() - WINDOW_MS).toISOString()) }).limit(100).get();
  if (shouldLock(data.map((d) => Date.parse(d.at as string)), now.getTime())) {
    await attempts.add({ _id: randomUUID(), openid, kind: 'lock', at, until: new Date(now.getTime() + LOCK_MS).toISOString() });
  }
}

/** The household and member matching the answers; phone and name narrow the query first. */
async function findMember(input: BindHouseholdInput): Promise<{ household: Household; member: Member } | null> {
  const _ = getDb().command;
  const { data } = await getDb().collection('households').where({ members: _.elemMatch({ name: input.name, phone: input.phone }) }).limit(20).get();
  for (const d of data) {
    const household = Household.parse(d);
    const member = household.members.find((m) => memberMatches(m, input));
    if (member) return { household, member };
  }
  return null;
}

async function createBinding(openid: string, household: Household, member: Member, at: string): Promise<User> {
  const user: User = {
    _id: `user-${randomUUID()}`, openid, role: 'household', name: member.name, householdId: household._id, memberId: member.id,
    regionPath: [household.countyId, household.townId, household.villageId], active: true, createdAt: at,
  };
  await getDb().collection('users').add(user);
  return user;
}

type Found = { household: Household; member: Member } | null;

/**
 * The one binding path for a WeChat user binding themselves (answers or a bind code): refuses bound
 * and staff accounts, honours the lockout, counts a miss as a wrong try with one generic message.
 */
export async function bindCaller(ctx: Ctx, find: () => Promise<Found>, missMessage: string): Promise<WhoAmI> {
  if (!ctx.openid) throw unauthenticated();
  if (ctx.user) throw conflict(ctx.user.role === 'household' ? '您的微信已绑定家庭，如需更换请联系扶贫办解除绑定' : '工作人员账号不能绑定家庭');
  await ensureNotLocked(ctx.openid, ctx.now);
  const found = await find();
  if (!found) {
    await recordFailure(ctx.openid, ctx.now);
    throw notFound(missMessage);
  }
  const user = await createBinding(ctx.openid, found.household, found.member, ctx.now.toISOString());
  return whoami({ ...ctx, user });
}

/** 绑定家庭: name + ID number's last 6 + phone of a member; one generic answer when wrong. */
export async function bindHousehold(ctx: Ctx, input: BindHouseholdInput): Promise<WhoAmI> {
  return bindCaller(ctx, () => findMember(input), NO_MATCH_MESSAGE);
}

const toBinding = (u: User): Binding => ({ userId: u._id, name: u.name, memberId: u.memberId ?? null, createdAt: u.createdAt });

/** An admin binds a WeChat account to a member of a household in their region. */
export async function bindFor(ctx: Ctx, input: { householdId: string; memberId: string; openid: string }): Promise<Binding> {
  const household = await administeredHousehold(ctx.user, input.householdId);
  const member = household.members.find((m) => m.id === input.memberId);
  if (!member) throw notFound('没有找到该成员');
  if (await findUserByOpenid(input.openid)) throw conflict('该微信账号已绑定家庭或已是工作人员账号');
  const user = await createBinding(input.openid, household, member, ctx.now.toISOString());
  await audit(ctx, { action: 'bind_for', householdId: household._id, memberId: member.id });
  return toBinding(user);
}

async function bindingsOf(householdId: string): Promise<User[]> {
  const { data } = await getDb().collection('users').where({ role: 'household', householdId, active: true }).limit(100).get();
  return data.map((u) => User.parse(u));
}

export async function listBindings(ctx: Ctx, input: { householdId: string }): Promise<{ items: Binding[] }> {
  const household = await administeredHousehold(ctx.user, input.householdId);
  return { items: (await bindingsOf(household._id)).map(toBinding) };
}

/** Removes a household account (the WeChat user can bind again); the audit log keeps the fact. */
export async function unbind(ctx: Ctx, input: { userId: string }): Promise<{ userId: string }> {
  const scope = adminScope(ctx.user);
  const { data } = await getDb().collection('users').doc(input.userId).get();
  const user = data.length ? User.parse(data[0]) : null;
  const household = user?.role === 'household' && user.householdId ? await administeredHousehold(ctx.user, user.householdId).catch(() => null) : null;
  if (!user || !household || !inScope(scope, household)) throw notFound('没有找到该绑定，或不在您的管辖范围内');
  await getDb().collection('users').doc(user._id).remove();
  await audit(ctx, { action: 'unbind', householdId: household._id, memberId: user.memberId });
  return { userId: user._id };
}
