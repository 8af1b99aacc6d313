import { createHash, randomBytes } from 'node:crypto';
import type { WebLoginRequest, WebLoginStatus } from '../../../types/api/auth';
import type { User } from '../../../types/user';
import { audit } from '../audit/audit.service';
import { conflict, forbidden, notFound } from '../errors';
import type { AdminCtx, Ctx, SignedInCtx } from '../handler';
import { findUser } from '../users/user.repository';
import { createTicket } from './custom-login';
import { insertWebIdentity, nextGeneration, webIdentityOfUser, type WebIdentity } from './web-identity.repository';
import { findWebLogin, insertWebLogin, removeExpiredWebLogins, updateWebLogin, type WebLogin } from './web-login.repository';
import { browserLabel, customUserIdOf, statusAt, UNKNOWN_PLACE, WEB_LOGIN_TTL_MS } from './web-login.rules';

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const ONLY_ADMINS = '只有管理员可以登录电脑端；帮扶责任人和帮扶户请在微信小程序中使用';
const STALE = '二维码已失效，请在电脑上刷新二维码后重新扫码';

function view(login: WebLogin, now: Date): WebLoginRequest {
  return {
    id: login._id,
    status: statusAt(login, now),
    browser: browserLabel(login.userAgent),
    userAgent: login.userAgent,
    place: login.place,
    createdAt: login.createdAt,
    expiresAt: login.expiresAt,
    version: login.version,
  };
}

/** The desktop's new request: its id goes in the QR, its secret never leaves the browser. */
export async function startWebLogin(ctx: Ctx, input: { userAgent: string }): Promise<{ id: string; secret: string; expiresAt: string }> {
  await removeExpiredWebLogins(new Date(ctx.now.getTime() - WEB_LOGIN_TTL_MS));
  const id = randomBytes(16).toString('hex');
  const secret = randomBytes(32).toString('hex');
  const expiresAt = new Date(ctx.now.getTime() + WEB_LOGIN_TTL_MS).toISOString();
  await insertWebLogin({
    _id: id,
    secretHash: hash(secret),
    status: 'pending',
    userAgent: input.userAgent.slice(0, 300),
    place: UNKNOWN_PLACE,
    createdAt: ctx.now.toISOString(),
    expiresAt,
    version: 0,
    userId: null,
    decidedAt: null,
  });
  return { id, secret, expiresAt };
}

/** A live request as the phone may act on it, or the refusal a person can act on. */
async function openRequest(id: string, now: Date): Promise<WebLogin> {
  const login = await findWebLogin(id);
  if (!login) throw notFound(STALE);
  const status = statusAt(login, now);
  if (status === 'expired') throw conflict('二维码已过期，请在电脑上刷新二维码后重新扫码');
  if (status !== 'pending' && status !== 'scanned') throw conflict('这个二维码已经用过了，请在电脑上刷新二维码后重新扫码');
  return login;
}

/** Web sign-in is for admins, from WeChat: a helper or a household, or a web session itself, may not let a browser in. */
function mustBeAdminInWeChat(ctx: SignedInCtx): User {
  if (ctx.web) throw forbidden('请用微信扫码确认，不能在电脑端确认另一台电脑的登录');
  if (!ctx.user || ctx.user.role !== 'admin' || !ctx.user.scope) throw forbidden(ONLY_ADMINS);
  return ctx.user;
}

export async function peekWebLogin(ctx: SignedInCtx, input: { id: string }): Promise<WebLoginRequest> {
  mustBeAdminInWeChat(ctx);
  let login = await openRequest(input.id, ctx.now);
  // The desktop shows 已扫码 once a phone has it; a race with another phone only skips that hint.
  if (login.status === 'pending') login = (await updateWebLogin(login, { status: 'scanned' })) ?? login;
  return view(login, ctx.now);
}

export async function confirmWebLogin(ctx: SignedInCtx, input: { id: string; version: number }): Promise<WebLoginRequest> {
  const user = mustBeAdminInWeChat(ctx);
  const login = await openRequest(input.id, ctx.now);
  if (login.version !== input.version) throw conflict('登录请求已有变化，请重新扫码确认');
  const confirmed = await updateWebLogin(login, { status: 'confirmed', userId: user._id, decidedAt: ctx.now.toISOString() });
  if (!confirmed) throw conflict('登录请求已有变化，请重新扫码确认');
  await audit(ctx, { action: 'web_sign_in_confirm', detail: { request: login._id.slice(0, 8), browser: browserLabel(login.userAgent) } });
  return view(confirmed, ctx.now);
}

export async function declineWebLogin(ctx: SignedInCtx, input: { id: string }): Promise<WebLoginRequest> {
  const login = await openRequest(input.id, ctx.now);
  const declined = await updateWebLogin(login, { status: 'declined', userId: ctx.user?._id ?? null, decidedAt: ctx.now.toISOString() });
  if (!declined) throw conflict('登录请求已有变化，请重新扫码');
  return view(declined, ctx.now);
}

/** The admin's web key and generation, made on their first web sign-in. */
async function identityOf(userId: string, now: Date): Promise<WebIdentity> {
  const found = await webIdentityOfUser(userId);
  if (found) return found;
  const identity = { _id: randomBytes(10).toString('hex'), userId, generation: 1, updatedAt: now.toISOString() };
  try {
    await insertWebIdentity(identity);
    return identity;
  } catch (error) {
    // Two first sign-ins at once: `userId` is unique, so the other one's identity is the admin's.
    const other = await webIdentityOfUser(userId);
    if (other) return other;
    throw error;
  }
}

/**
 * The desktop's poll. While no one has confirmed it answers the status; once an admin has, it
 * answers the custom-login ticket exactly once (the request is then used), so neither a second
 * claim nor a late one can sign anyone in.
 */
export async function claimWebLogin(ctx: Ctx, input: { id: string; secret: string }): Promise<{ status: WebLoginStatus; ticket: string | null }> {
  const login = await findWebLogin(input.id);
  if (!login || login.secretHash !== hash(input.secret)) throw notFound(STALE);
  const status = statusAt(login, ctx.now);
  if (status !== 'confirmed') return { status, ticket: null };
  const user = login.userId ? await findUser(login.userId) : null;
  if (!user || !user.active || user.role !== 'admin') throw forbidden(ONLY_ADMINS);
  // The ticket first: a deployment missing its key fails here and the request stays confirmed for a retry.
  const identity = await identityOf(user._id, ctx.now);
  const ticket = createTicket(customUserIdOf(identity._id, identity.generation), ctx.now);
  if (!(await updateWebLogin(login, { status: 'used' }))) return { status: 'used', ticket: null };
  await audit({ ...ctx, user }, { action: 'web_sign_in', detail: { request: login._id.slice(0, 8), browser: browserLabel(login.userAgent) } });
  return { status: 'used', ticket };
}

export async function webSignOut(ctx: AdminCtx): Promise<{ signedOut: boolean }> {
  if (!ctx.web) return { signedOut: false };
  await audit(ctx, { action: 'web_sign_out' });
  return { signedOut: true };
}

export async function webSignOutEverywhere(ctx: AdminCtx): Promise<{ generation: number }> {
  const identity = await webIdentityOfUser(ctx.user._id);
  if (!identity) {
    await audit(ctx, { action: 'web_sign_out_all', detail: { sessions: 0 } });
    return { generation: 0 };
  }
  if (!(await nextGeneration(identity, ctx.now))) throw conflict('正在退出，请稍后再试');
  await audit(ctx, { action: 'web_sign_out_all', detail: { generation: identity.generation + 1 } });
  return { generation: identity.generation + 1 };
}
