import { admit, handler, type AdminCtx, type CallerCtx, type Ctx, type CtxOf, type SignedInCtx, type StaffCtx } from '../../cloudfunctions/core/handler';
import { DomainError } from '../../cloudfunctions/core/errors';
import { defineApi } from '../../types/api/define';
import type { Scope } from '../../types/region';
import type { AdminUser, HelperUser, HouseholdUser, Role, User } from '../../types/user';
import { z } from '../../types/z';

/**
 * The caller an implementation receives is narrowed by its action's `access` (DESIGN: an admin-only
 * implementation receives an admin, never `User | null`). These cases are checked by tsc, which
 * `npm test` runs over test/: a wrong type fails the type-check, a missing error fails
 * `@ts-expect-error`. The runtime half checks that `admit` hands out what the types promise.
 */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when `T` is exactly `Expected`. */
const sameType = <T, Expected>(..._proof: Equal<T, Expected> extends true ? [] : [never]) => true;

const at = new Date('2026-11-20T04:00:00Z');
const account = (role: Role, extra: Partial<User> = {}): User => ({
  _id: `user-${role}`,
  openid: `wx-${role}`,
  role,
  name: '测试',
  regionPath: [],
  active: true,
  createdAt: at.toISOString(),
  ...extra,
});
const ctxFor = (user: User | null, openid: string | null = user?.openid ?? null): Ctx => ({ openid, user, requestId: 'test', now: at });
const county: Scope = { level: 'county', regionId: 'county-1' };

describe('the context an action receives, by its access', () => {
  it("['admin']: a non-null admin with a scope", () => {
    expect(sameType<CtxOf<readonly ['admin']>, AdminCtx>()).toBe(true);
    expect(sameType<AdminCtx['user'], AdminUser>()).toBe(true);
    expect(sameType<AdminCtx['user']['role'], 'admin'>()).toBe(true);
    expect(sameType<AdminCtx['user']['scope'], Scope>()).toBe(true);
    expect(sameType<AdminCtx['openid'], string>()).toBe(true);
  });

  it("['admin', 'helper']: non-null, one of those roles, told apart by role", () => {
    expect(sameType<CtxOf<readonly ['admin', 'helper']>, StaffCtx>()).toBe(true);
    expect(sameType<StaffCtx['user'], AdminUser | HelperUser>()).toBe(true);
    expect(sameType<StaffCtx['user']['role'], 'admin' | 'helper'>()).toBe(true);
    const scopeOf = (ctx: StaffCtx) => (ctx.user.role === 'admin' ? ctx.user.scope : undefined);
    expect(sameType<ReturnType<typeof scopeOf>, Scope | undefined>()).toBe(true);
  });

  it('every role: a household member always has a household', () => {
    expect(sameType<CtxOf<readonly ['admin', 'helper', 'household']>, CallerCtx>()).toBe(true);
    expect(sameType<HouseholdUser['householdId'], string>()).toBe(true);
  });

  it("'signedIn': an openid, perhaps no account yet", () => {
    expect(sameType<CtxOf<'signedIn'>, SignedInCtx>()).toBe(true);
    expect(sameType<SignedInCtx['openid'], string>()).toBe(true);
    expect(sameType<SignedInCtx['user'], User | null>()).toBe(true);
  });

  it("'public': both may be missing", () => {
    expect(sameType<CtxOf<'public'>, Ctx>()).toBe(true);
    expect(sameType<Ctx['openid'], string | null>()).toBe(true);
    expect(sameType<Ctx['user'], User | null>()).toBe(true);
  });

  it("an implementation gets its action's context, and a narrower service refuses a wider one", () => {
    const api = defineApi('probe', {
      adminOnly: { input: z.object({}), output: z.string(), access: ['admin'] },
      staff: { input: z.object({}), output: z.string(), access: ['admin', 'helper'] },
      open: { input: z.object({}), output: z.string(), access: 'signedIn' },
    });
    const adminService = async (ctx: AdminCtx) => ctx.user.scope.regionId;
    const staffService = async (ctx: StaffCtx) => ctx.user._id;
    const main = handler(api, {
      adminOnly: async (_input, ctx) => `${await adminService(ctx)} ${await staffService(ctx)}`,
      // @ts-expect-error a helper may call `staff`: its context is not an admin's
      staff: async (_input, ctx) => adminService(ctx),
      // @ts-expect-error a signed-in WeChat user may have no account yet
      open: async (_input, ctx) => ctx.user._id,
    });
    expect(typeof main).toBe('function');
  });
});

describe('admit hands out what the types promise', () => {
  it('an admin with a scope passes as an AdminCtx', () => {
    const ctx = admit(['admin'] as const, ctxFor(account('admin', { scope: county })));
    expect(ctx.user.scope).toEqual(county);
  });

  it.each([
    ['nobody signed in, for a role action', ['admin'] as const, ctxFor(null), 'UNAUTHENTICATED'],
    ['nobody signed in, for a signed-in action', 'signedIn' as const, ctxFor(null), 'UNAUTHENTICATED'],
    ['a WeChat user with no account', ['helper'] as const, ctxFor(null, 'wx-new'), 'FORBIDDEN'],
    ['a household calling an admin action', ['admin'] as const, ctxFor(account('household', { householdId: 'hh-1' })), 'FORBIDDEN'],
    ['an admin account with no region', ['admin'] as const, ctxFor(account('admin')), 'FORBIDDEN'],
    ['a household account with no household', ['household'] as const, ctxFor(account('household')), 'FORBIDDEN'],
  ])('refuses %s', (_name, access, ctx, code) => {
    expect(() => admit(access, ctx)).toThrow(DomainError);
    expect(() => admit(access, ctx)).toThrow(expect.objectContaining({ code }));
  });

  it('lets anyone through a public action and any WeChat user through a signed-in one', () => {
    expect(admit('public', ctxFor(null)).user).toBeNull();
    expect(admit('signedIn', ctxFor(null, 'wx-new')).openid).toBe('wx-new');
  });
});
