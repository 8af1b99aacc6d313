import { createHmac, generateKeyPairSync, randomBytes, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type http from 'node:http';
import type { CustomLoginKey } from '../auth/custom-login';

/**
 * The local host's stand-in for CloudBase's side of custom login (DESIGN §5), so the browser runs
 * the production code path: `@cloudbase/js-sdk` pointed at this host with `app.registerHost` (its
 * own seam that swaps only the endpoint) signs in with `auth.signInWithCustomTicket` and calls
 * functions with `app.callFunction`. What it answers is what the js-sdk 3.x asks of CloudBase:
 *   POST /auth/v1/signin/anonymously, /auth/v1/signin/custom, /auth/v1/token (refresh),
 *   GET /auth/v1/user/me, POST /auth/v1/revoke, /auth/v1/user/signout;
 *   POST /v1/functions/<name> with `Authorization: Bearer <access token>`.
 * Tickets are made by node-sdk's own `createTicket` (core/auth/custom-login.ts) with a key this
 * process generates, and verified here with its public half, as CloudBase verifies the
 * environment's key. Access tokens last 2 hours, refresh tokens until the ticket's `expire`.
 */
export const LOCAL_ENV = 'bangfu-local';
const KEY_ID = 'local-custom-login-key';
const ANONYMOUS_MS = 2 * 60 * 60 * 1000;
const ANONYMOUS_SESSION_MS = 30 * 24 * 60 * 60 * 1000;

let keys: { privatePem: string; publicKey: KeyObject } | null = null;
const tokenSecret = randomBytes(32);

function keyPair() {
  if (!keys) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keys = { privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: pair.publicKey };
  }
  return keys;
}

/** The key file this host hands its functions, shaped like the console's 自定义登录私钥. */
export function localLoginKey(): CustomLoginKey {
  return { private_key_id: KEY_ID, private_key: keyPair().privatePem, env_id: LOCAL_ENV };
}

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64url');
const unb64 = (value: string) => Buffer.from(value, 'base64url');

interface TokenClaims {
  kind: 'access' | 'refresh';
  uid: string | null;
  exp: number;
  refreshMs: number;
  sessionExp: number;
}

function signToken(claims: TokenClaims): string {
  const body = b64(JSON.stringify({ ...claims, n: randomBytes(6).toString('hex') }));
  return `${body}.${b64(createHmac('sha256', tokenSecret).update(body).digest())}`;
}

function readToken(token: string, kind: TokenClaims['kind'], now: number): TokenClaims | null {
  const [body, sig] = token.split('.');
  if (!body || !sig) return null;
  const expected = createHmac('sha256', tokenSecret).update(body).digest();
  const given = unb64(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(unb64(body).toString('utf8')) as TokenClaims;
  return claims.kind === kind && claims.exp > now ? claims : null;
}

/** `<key id>/@@/<RS256 JWT>` as node-sdk's createTicket makes it; its claims when signed by this host's key and not past its 10 minutes. */
export function verifyTicket(ticket: string, now = Date.now()): { uid: string; refresh: number; expire: number } | null {
  const [kid, jwt] = ticket.split('/@@/');
  if (kid !== KEY_ID || !jwt) return null;
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return null;
  if (!verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), keyPair().publicKey, unb64(signature))) return null;
  const claims = JSON.parse(unb64(payload).toString('utf8')) as { env?: string; exp?: number; uid?: string; refresh?: number; expire?: number };
  if (claims.env !== LOCAL_ENV || !claims.uid || !claims.exp || claims.exp <= now) return null;
  return { uid: claims.uid, refresh: claims.refresh ?? ANONYMOUS_MS, expire: claims.expire ?? now + ANONYMOUS_SESSION_MS };
}

function credentials(uid: string | null, refreshMs: number, sessionExp: number, now: number) {
  const accessExp = Math.min(now + refreshMs, sessionExp);
  return {
    token_type: 'Bearer',
    access_token: signToken({ kind: 'access', uid, exp: accessExp, refreshMs, sessionExp }),
    refresh_token: signToken({ kind: 'refresh', uid, exp: sessionExp, refreshMs, sessionExp }),
    expires_in: Math.floor((accessExp - now) / 1000),
    scope: uid ? 'user' : 'anonymous',
    sub: uid ?? `anonymous-${randomBytes(6).toString('hex')}`,
  };
}

/** Who an access token names: `{ uid }` (null for an anonymous session), or null when it is not a live token of this host. */
export function accessOf(authorization: string | undefined, now = Date.now()): { uid: string | null } | null {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  const claims = token ? readToken(token, 'access', now) : null;
  return claims ? { uid: claims.uid } : null;
}

type Reply = (status: number, body: unknown) => void;
const refused = (reply: Reply, status: number, error: string, description: string) => reply(status, { error, error_description: description });

/** Answers one `/auth/v1/*` request as CloudBase's auth service would; false when the path is not one of them. */
export function answerAuth(route: string, method: string, headers: http.IncomingHttpHeaders, body: Record<string, unknown>, reply: Reply): boolean {
  const now = Date.now();
  const path = route.replace(/^\/auth/, '');
  if (method === 'POST' && path === '/v1/signin/anonymously') {
    reply(200, credentials(null, ANONYMOUS_MS, now + ANONYMOUS_SESSION_MS, now));
  } else if (method === 'POST' && path === '/v1/signin/custom') {
    const ticket = typeof body.ticket === 'string' ? verifyTicket(body.ticket, now) : null;
    if (!ticket) refused(reply, 400, 'invalid_argument', 'ticket is invalid or expired');
    else reply(200, credentials(ticket.uid, ticket.refresh, ticket.expire, now));
  } else if (method === 'POST' && path === '/v1/token') {
    const claims = typeof body.refresh_token === 'string' ? readToken(body.refresh_token, 'refresh', now) : null;
    if (!claims) refused(reply, 400, 'invalid_grant', 'refresh token is invalid or expired');
    else reply(200, credentials(claims.uid, claims.refreshMs, claims.sessionExp, now));
  } else if (method === 'GET' && path === '/v1/user/me') {
    const access = accessOf(headers.authorization, now);
    if (!access) refused(reply, 401, 'unauthenticated', 'access token is invalid or expired');
    else reply(200, { sub: access.uid ?? 'anonymous', name: access.uid ?? '', user_id: access.uid ?? 'anonymous', groups: [] });
  } else if (method === 'POST' && (path === '/v1/revoke' || path === '/v1/user/signout')) {
    reply(200, {});
  } else {
    return false;
  }
  return true;
}
