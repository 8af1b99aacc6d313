import { z } from '../../types/z';
import type { ApiResult } from '../../types/common';
import { RoleUser, type Role, type User, type UserOf } from '../../types/user';
import type { Access, ActionAccess, ActionName, ActionOutput, ApiContract, ParsedInput } from '../../types/api/define';
import { DomainError } from './errors';
import { callerOf } from './identity';
import { clock } from './clock';
import { findUserByOpenid } from './users/user.repository';
import { resolveWebCaller } from './auth/web-caller';
import { describeZodError } from './zod-message';
import { failureSummary } from './failure-log';
import { MissingSetting } from './settings';

interface CtxBase {
  requestId: string;
  now: Date;
  /** True for a web session (an admin signed in on the desktop by custom login), absent for WeChat. */
  web?: boolean;
}

/**
 * What every action implementation receives besides its parsed input, at its widest (`'public'`
 * access): every narrower context below is also a `Ctx`, so code that needs no caller takes this.
 */
export interface Ctx extends CtxBase {
  openid: string | null;
  /** The caller's account; null for anonymous callers and WeChat users not yet bound. */
  user: User | null;
}
/** `'signedIn'`: a WeChat user, bound to an account or not yet. */
export interface SignedInCtx extends CtxBase {
  openid: string;
  user: User | null;
}
/**
 * A list of roles: an account of one of them, with what its role guarantees (types/user.ts). An
 * admin's context is also a staff context: a service serving admins and helpers takes either.
 */
export interface RoleCtx<R extends Role> extends CtxBase {
  openid: string;
  user: UserOf<R>;
}
export type AdminCtx = RoleCtx<'admin'>;
export type HelperCtx = RoleCtx<'helper'>;
export type HouseholdCtx = RoleCtx<'household'>;
/** Admins and helpers. */
export type StaffCtx = RoleCtx<'admin' | 'helper'>;
/** Any account with a role: admin, helper or household. */
export type CallerCtx = RoleCtx<Role>;

/**
 * The context an action's `access` admits, as create-t3-turbo's `protectedProcedure` narrows its
 * caller: `['admin']` gives an `AdminCtx`, `['admin', 'helper']` a `StaffCtx`, `'signedIn'` a
 * non-null openid, `'public'` nothing more than `Ctx`.
 */
export type CtxOf<A extends Access> = A extends 'public'
  ? Ctx
  : A extends 'signedIn'
    ? SignedInCtx
    : A extends readonly (infer R extends Role)[]
      ? RoleCtx<R>
      : never;

export type Impl<C extends ApiContract, K extends ActionName<C>> = (input: ParsedInput<C, K>, ctx: CtxOf<ActionAccess<C, K>>) => Promise<ActionOutput<C, K>>;
/** One implementation per action of the contract: an action listed without one does not compile. */
export type Impls<C extends ApiContract> = { [K in ActionName<C>]: Impl<C, K> };

const Event = z.object({
  action: z
    .string({ error: '缺少 action（要执行的操作）' })
    .min(1, { error: '缺少 action（要执行的操作）' })
    .max(64, { error: 'action（要执行的操作）最多 64 个字符' }),
  payload: z.unknown().optional(),
  requestId: z.string().max(100).optional(),
});
/** The clients send a UUID; a request id of any other shape is not quoted into the log. */
const LOGGABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

const fail = (code: DomainError['code'], message: string, details?: unknown): ApiResult<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** An account whose role lacks what the role guarantees (an admin with no region): refused, never guessed. */
const INCOMPLETE: Record<Role, string> = {
  admin: '您的管理员账号还没有设置管辖区域，请联系县扶贫办',
  helper: '您的账号信息不完整，请联系县扶贫办',
  household: '您的账号还没有绑定家庭，请先绑定',
};

/**
 * The caller as `access` admits them, or the DomainError the handler answers. The one check behind
 * every action's access; the local host's upload route asks it too.
 */
export function admit<A extends Access>(access: A, ctx: Ctx): CtxOf<A> {
  if (access === 'public') return ctx as CtxOf<A>;
  if (!ctx.openid) throw new DomainError('UNAUTHENTICATED', '请先在微信中登录后再试');
  if (access === 'signedIn') return ctx as CtxOf<A>;
  const { user } = ctx;
  if (!user) throw new DomainError('FORBIDDEN', '您还没有绑定家庭或开通账号，暂时不能使用此功能');
  if (!(access as readonly Role[]).includes(user.role)) throw new DomainError('FORBIDDEN', '您的账号没有权限进行此操作');
  const account = RoleUser.safeParse(user);
  if (!account.success) throw new DomainError('FORBIDDEN', INCOMPLETE[user.role]);
  return { ...ctx, user: account.data } as CtxOf<A>;
}

/** A timer trigger's job (cloudbaserc.json `triggers`): runs with no caller, answers what it did. */
export type Timer = (ctx: Ctx) => Promise<unknown>;
/** What CloudBase sends a function when one of its timer triggers fires. */
const TimerEvent = z.object({ Type: z.literal('Timer'), TriggerName: z.string().max(60) });

/**
 * The one entry every function is built on: validate the event against the contract, resolve the
 * caller, check the action's role access, run the action, and answer the `{ ok, data | error }`
 * envelope. Unexpected errors are logged by request id, action and error class with the message
 * scrubbed of anything that may be a person's data (failure-log.ts), never the payload, and are
 * answered with a plain message, never a stack trace.
 */
export function handler<C extends ApiContract>(contract: C, impls: Impls<C>, timers: Record<string, Timer> = {}) {
  async function main(event: unknown, context?: unknown): Promise<ApiResult<unknown>> {
    const timer = TimerEvent.safeParse(event);
    // A client's call always carries its openid: only the platform fires timers.
    if (timer.success && Object.hasOwn(timers, timer.data.TriggerName) && !callerOf(context)) return runTimer(timer.data.TriggerName);
    const parsedEvent = Event.safeParse(event);
    if (!parsedEvent.success) return fail('INVALID_INPUT', '请求格式不正确：' + describeZodError(parsedEvent.error).message);
    const { action, payload } = parsedEvent.data;
    const sent = parsedEvent.data.requestId;
    const requestId = sent && LOGGABLE_REQUEST_ID.test(sent) ? sent : `req-${Date.now().toString(36)}`;
    const spec = Object.prototype.hasOwnProperty.call(contract.actions, action) ? contract.actions[action] : undefined;
    if (!spec) return fail('INVALID_INPUT', `「${contract.name}」没有名为「${action}」的操作`);
    try {
      const caller = callerOf(context);
      // A web session answers to the same users record as its admin's WeChat account.
      const user = !caller ? null : caller.customUserId === undefined ? await findUserByOpenid(caller.openid) : await resolveWebCaller(caller.customUserId);
      const base = { openid: caller?.openid ?? user?.openid ?? null, user, requestId, now: clock.now() };
      const ctx = admit(spec.access, caller?.customUserId ? { ...base, web: true } : base);
      const input = spec.input.safeParse(payload ?? {});
      if (!input.success) {
        const { message, details } = describeZodError(input.error);
        return fail('INVALID_INPUT', message, details);
      }
      const impl = impls[action as ActionName<C>] as unknown as (i: unknown, c: Ctx) => Promise<unknown>;
      const data = await impl(input.data, ctx);
      return { ok: true, data };
    } catch (error) {
      // A setting the deployment lacks is for its operator too: the message names only the variable.
      if (error instanceof MissingSetting) console.error(`[${contract.name}.${action}] ${requestId} ${error.message}`);
      if (error instanceof DomainError) return fail(error.code, error.message, error.details);
      console.error(`[${contract.name}.${action}] ${requestId} failed: ${failureSummary(error)}`);
      return fail('INTERNAL', '服务暂时出现问题，请稍后重试；如果一直出现，请联系县扶贫办', { requestId });
    }
  }
  async function runTimer(name: string): Promise<ApiResult<unknown>> {
    const requestId = `timer-${name}-${Date.now().toString(36)}`;
    try {
      return { ok: true, data: await timers[name]({ openid: null, user: null, requestId, now: clock.now() }) };
    } catch (error) {
      console.error(`[${contract.name}.timer ${name}] ${requestId} failed: ${failureSummary(error)}`);
      return fail('INTERNAL', '定时任务执行失败', { requestId });
    }
  }
  /** The timer names, for the local host to fire them as CloudBase would. */
  return Object.assign(main, { timers: Object.keys(timers) });
}

/** A function's entry; `timers` names its timer jobs (none for a function without). */
export type FunctionMain = ((event: unknown, context?: unknown) => Promise<ApiResult<unknown>>) & { timers?: readonly string[] };
