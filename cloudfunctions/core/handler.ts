import { z } from '../../types/z';
import type { ApiResult } from '../../types/common';
import type { User } from '../../types/user';
import type { ActionName, ActionOutput, ApiContract, ParsedInput } from '../../types/api/define';
import { DomainError } from './errors';
import { openidOf } from './identity';
import { clock } from './clock';
import { findUserByOpenid } from './users/user.repository';
import { describeZodError } from './zod-message';
import { failureSummary } from './failure-log';

/** What every action implementation receives besides its parsed input. */
export interface Ctx {
  openid: string | null;
  /** The caller's account; null for anonymous callers and WeChat users not yet bound. */
  user: User | null;
  requestId: string;
  now: Date;
}

export type Impl<C extends ApiContract, K extends ActionName<C>> = (input: ParsedInput<C, K>, ctx: Ctx) => Promise<ActionOutput<C, K>>;
/** One implementation per action of the contract: an action listed without one does not compile. */
export type Impls<C extends ApiContract> = { [K in ActionName<C>]: Impl<C, K> };

const Event = z.object({
  action: z.string({ error: '缺少 action（要执行的操作）' }).min(1, { error: '缺少 action（要执行的操作）' }).max(64, { error: 'action（要执行的操作）最多 64 个字符' }),
  payload: z.unknown().optional(),
  requestId: z.string().max(100).optional(),
});
/** The clients send a UUID; a request id of any other shape is not quoted into the log. */
const LOGGABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

const fail = (code: DomainError['code'], message: string, details?: unknown): ApiResult<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

async function authorize(access: ApiContract['actions'][string]['access'], openid: string | null): Promise<User | null> {
  if (access === 'public') return openid ? findUserByOpenid(openid) : null;
  if (!openid) throw new DomainError('UNAUTHENTICATED', '请先在微信中登录后再试');
  const user = await findUserByOpenid(openid);
  if (access === 'signedIn') return user;
  if (!user) throw new DomainError('FORBIDDEN', '您还没有绑定家庭或开通账号，暂时不能使用此功能');
  if (!access.includes(user.role)) throw new DomainError('FORBIDDEN', '您的账号没有权限进行此操作');
  return user;
}

/**
 * The one entry every function is built on: validate the event against the contract, resolve the
 * caller, check the action's role access, run the action, and answer the `{ ok, data | error }`
 * envelope. Unexpected errors are logged by request id, action and error class with the message
 * scrubbed of anything that may be a person's data (failure-log.ts), never the payload, and are
 * answered with a plain message, never a stack trace.
 */
export function handler<C extends ApiContract>(contract: C, impls: Impls<C>) {
  return async function main(event: unknown, context?: unknown): Promise<ApiResult<unknown>> {
    const parsedEvent = Event.safeParse(event);
    if (!parsedEvent.success) return fail('INVALID_INPUT', '请求格式不正确：' + describeZodError(parsedEvent.error).message);
    const { action, payload } = parsedEvent.data;
    const sent = parsedEvent.data.requestId;
    const requestId = sent && LOGGABLE_REQUEST_ID.test(sent) ? sent : `req-${Date.now().toString(36)}`;
    const spec = Object.prototype.hasOwnProperty.call(contract.actions, action) ? contract.actions[action] : undefined;
    if (!spec) return fail('INVALID_INPUT', `「${contract.name}」没有名为「${action}」的操作`);
    try {
      const openid = openidOf(context);
      const user = await authorize(spec.access, openid);
      const input = spec.input.safeParse(payload ?? {});
      if (!input.success) {
        const { message, details } = describeZodError(input.error);
        return fail('INVALID_INPUT', message, details);
      }
      const impl = impls[action as ActionName<C>] as (i: unknown, c: Ctx) => Promise<unknown>;
      const data = await impl(input.data, { openid, user, requestId, now: clock.now() });
      return { ok: true, data };
    } catch (error) {
      if (error instanceof DomainError) return fail(error.code, error.message, error.details);
      console.error(`[${contract.name}.${action}] ${requestId} failed: ${failureSummary(error)}`);
      return fail('INTERNAL', '服务暂时出现问题，请稍后重试；如果一直出现，请联系县扶贫办', { requestId });
    }
  };
}

export type FunctionMain = ReturnType<typeof handler>;
