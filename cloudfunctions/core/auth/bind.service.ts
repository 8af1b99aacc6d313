import { randomUUID } from 'node:crypto';
import type { Binding, BindHouseholdInput, WhoAmI } from '../../../types/api/auth';
import type { Household, Member } from '../../../types/household';
import type { User } from '../../../types/user';
import type { AdminCtx, SignedInCtx } from '../handler';
import { audit } from '../audit/audit.service';
import { conflict, notFound, rateLimited } from '../errors';
import { administeredHousehold } from '../access';
import { adminScope, inScope } from '../access/scope';
import { findUser, findUserByOpenid, householdAccounts, insertUser, removeUser } from '../users/user.repository';
import { householdIdsWithMemberNamed, householdsWithMember } from '../households/household.repository';
import {
  GLOBAL_BUSY_MESSAGE,
  GLOBAL_WINDOW_MS,
  globalExceeded,
  HOUSEHOLD_LOCK_MS,
  HOUSEHOLD_LOCKED_MESSAGE,
  HOUSEHOLD_WINDOW_MS,
  householdShouldLock,
  LOCK_MS,
  LOCKED_MESSAGE,
  memberMatches,
  NO_MATCH_MESSAGE,
  shouldLock,
  WINDOW_MS,
  type BindVia,
} from './bind.rules';
import {
  addCallerLock,
  addFailure,
  addHouseholdLock,
  anyHouseholdLocked,
  callerFailureTimes,
  countGlobalFailures,
  countHouseholdFailures,
  isCallerLocked,
} from './bind-attempt.repository';
import { alertHouseholdLocked } from './bind-alert.service';
import { whoami } from './auth.service';

/** Refuses before anything is evaluated: a locked caller, or a county-wide flood of wrong tries of this kind. */
async function ensureMayTry(openid: string, via: BindVia, now: Date): Promise<void> {
  if (await isCallerLocked(openid, now)) throw rateLimited(LOCKED_MESSAGE);
  if (globalExceeded(via, await countGlobalFailures(via, now, GLOBAL_WINDOW_MS))) throw rateLimited(GLOBAL_BUSY_MESSAGE[via]);
}

/**
 * Records a wrong try against the caller and, when its name matched members, against their
 * households: the caller's fifth within an hour locks the caller for an hour, a household's tenth
 * within 24 hours locks the household for 24 hours and alerts its village admin.
 */
async function recordFailure(ctx: SignedInCtx, openid: string, via: BindVia, householdIds: string[]): Promise<void> {
  const now = ctx.now;
  await addFailure(openid, via, householdIds, now);
  if (shouldLock(await callerFailureTimes(openid, now, WINDOW_MS), now.getTime())) await addCallerLock(openid, now, LOCK_MS);
  for (const householdId of householdIds) {
    const failures = await countHouseholdFailures(householdId, now, HOUSEHOLD_WINDOW_MS);
    if (!householdShouldLock(failures)) continue;
    await addHouseholdLock(householdId, now, HOUSEHOLD_LOCK_MS);
    await alertHouseholdLocked(ctx, householdId, failures);
  }
}

type Found = { household: Household; member: Member } | null;
/** What one try found, and which households a miss counts against (those with a member of that name). */
export type Attempt = { found: Found; households: string[] };

/**
 * The three answers. Whether a household is locked is decided from the name alone, before the
 * answers are checked: otherwise a locked household would still tell a right guess from a wrong one.
 */
async function tryAnswers(input: BindHouseholdInput, now: Date): Promise<Attempt> {
  const named = await householdIdsWithMemberNamed(input.name);
  if (await anyHouseholdLocked(named, now)) throw rateLimited(HOUSEHOLD_LOCKED_MESSAGE);
  for (const household of await householdsWithMember(input.name, input.phone)) {
    const member = household.members.find((m) => memberMatches(m, input));
    if (member) return { found: { household, member }, households: [] };
  }
  return { found: null, households: named };
}

async function createBinding(openid: string, household: Household, member: Member, at: string): Promise<User> {
  const user: User = {
    _id: `user-${randomUUID()}`,
    openid,
    role: 'household',
    name: member.name,
    householdId: household._id,
    memberId: member.id,
    regionPath: [household.countyId, household.townId, household.villageId],
    active: true,
    createdAt: at,
  };
  await insertUser(user);
  return user;
}

/**
 * The one binding path for a WeChat user binding themselves (answers or a bind code): refuses bound
 * and staff accounts, honours the caller, household and county-wide limits, and counts a miss as a
 * wrong try with one generic message.
 */
export async function bindCaller(ctx: SignedInCtx, via: BindVia, attempt: () => Promise<Attempt>, missMessage: string): Promise<WhoAmI> {
  if (ctx.user) throw conflict(ctx.user.role === 'household' ? '您的微信已绑定家庭，如需更换请联系扶贫办解除绑定' : '工作人员账号不能绑定家庭');
  await ensureMayTry(ctx.openid, via, ctx.now);
  const { found, households } = await attempt();
  if (!found) {
    await recordFailure(ctx, ctx.openid, via, households);
    throw notFound(missMessage);
  }
  const user = await createBinding(ctx.openid, found.household, found.member, ctx.now.toISOString());
  return whoami({ ...ctx, user });
}

/** 绑定家庭: name + ID number's last 6 + phone of a member; one generic answer when wrong. */
export async function bindHousehold(ctx: SignedInCtx, input: BindHouseholdInput): Promise<WhoAmI> {
  return bindCaller(ctx, 'answers', () => tryAnswers(input, ctx.now), NO_MATCH_MESSAGE);
}

const toBinding = (u: User): Binding => ({ userId: u._id, name: u.name, memberId: u.memberId ?? null, createdAt: u.createdAt });

/** An admin binds a WeChat account to a member of a household in their region. */
export async function bindFor(ctx: AdminCtx, input: { householdId: string; memberId: string; openid: string }): Promise<Binding> {
  const household = await administeredHousehold(ctx.user, input.householdId);
  const member = household.members.find((m) => m.id === input.memberId);
  if (!member) throw notFound('没有找到该成员');
  if (await findUserByOpenid(input.openid)) throw conflict('该微信账号已绑定家庭或已是工作人员账号');
  const user = await createBinding(input.openid, household, member, ctx.now.toISOString());
  await audit(ctx, { action: 'bind_for', householdId: household._id, memberId: member.id });
  return toBinding(user);
}

export async function listBindings(ctx: AdminCtx, input: { householdId: string }): Promise<{ items: Binding[] }> {
  const household = await administeredHousehold(ctx.user, input.householdId);
  return { items: (await householdAccounts(household._id)).map(toBinding) };
}

/** Removes a household account (the WeChat user can bind again); the audit log keeps the fact. */
export async function unbind(ctx: AdminCtx, input: { userId: string }): Promise<{ userId: string }> {
  const scope = adminScope(ctx.user);
  const user = await findUser(input.userId);
  const household = user?.role === 'household' && user.householdId ? await administeredHousehold(ctx.user, user.householdId).catch(() => null) : null;
  if (!user || !household || !inScope(scope, household)) throw notFound('没有找到该绑定，或不在您的管辖范围内');
  await removeUser(user._id);
  await audit(ctx, { action: 'unbind', householdId: household._id, memberId: user.memberId });
  return { userId: user._id };
}
