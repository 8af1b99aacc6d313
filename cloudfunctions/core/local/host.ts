import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FUNCTIONS } from '../../registry';
import { isLocalMode } from '../runtime';
import { usersByOpenids } from '../users/user.repository';
import { serveStatic } from './static-files';
import { serveFile, uploadFile } from './file-store';
import { accessOf, answerAuth } from './cloudbase-auth';
import { answerUploadInfo, putObject } from './cloudbase-storage';

const MAX_BODY = 2 * 1024 * 1024;

/** The accounts the demo sign-in page lists (SPEC §4 local mode). */
export const DEMO_ACCOUNTS = [
  { openid: 'demo-admin', description: '县级管理员：全县户籍、结对、通报' },
  { openid: 'demo-town-admin', description: '乡镇管理员：只管本乡镇' },
  { openid: 'demo-village-admin', description: '村级管理员：只管本村' },
  { openid: 'demo-helper', description: '帮扶干部：结对多户，按月走访' },
  { openid: 'demo-doctor', description: '家庭医生：健康帮扶' },
  { openid: 'demo-household', description: '帮扶户：查看政策、上报需求' },
];

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function demoAccounts() {
  const accounts = await usersByOpenids(DEMO_ACCOUNTS.map((a) => a.openid));
  const items = DEMO_ACCOUNTS.flatMap((a) => {
    const user = accounts.find((u) => u.openid === a.openid);
    return user ? [{ openid: a.openid, name: user.name, role: user.role, description: a.description }] : [];
  });
  return { ok: true, data: { items } };
}

async function callFunction(name: string, req: http.IncomingMessage, res: http.ServerResponse) {
  // Own keys only: `FUNCTIONS.constructor` and `.toString` are Object.prototype's, not functions.
  const main = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name as keyof typeof FUNCTIONS] : undefined;
  if (!main) return json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `没有名为「${name}」的云函数` } });
  let event: unknown;
  try {
    event = JSON.parse(await readBody(req));
  } catch (error) {
    const tooLarge = error instanceof Error && error.message === 'too large';
    return json(res, tooLarge ? 413 : 400, {
      ok: false,
      error: { code: 'INVALID_INPUT', message: tooLarge ? '请求内容过大（超过 2 MB）' : '请求内容不是有效的 JSON' },
    });
  }
  const devOpenid = req.headers['x-dev-openid'];
  json(res, 200, await main(event, { devOpenid: Array.isArray(devOpenid) ? devOpenid[0] : devOpenid }));
}

async function readJson(req: http.IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; tooLarge: boolean }> {
  try {
    const text = await readBody(req);
    return { ok: true, value: text ? JSON.parse(text) : {} };
  } catch (error) {
    return { ok: false, tooLarge: error instanceof Error && error.message === 'too large' };
  }
}

/** CloudBase's auth endpoints as the js-sdk calls them (cloudbase-auth.ts). */
async function cloudbaseAuth(route: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = req.method === 'GET' ? { ok: true as const, value: {} } : await readJson(req);
  const fields = body.ok && body.value && typeof body.value === 'object' ? (body.value as Record<string, unknown>) : {};
  const answered = answerAuth(route, req.method ?? 'GET', req.headers, fields, (status, answer) => json(res, status, answer));
  if (!answered) json(res, 404, { error: 'not_found', error_description: `no such auth endpoint: ${route}` });
}

/** The gateway's storage upload info (`POST /v1/storages/get-objects-upload-info`, cloudbase-storage.ts). */
async function uploadInfo(req: http.IncomingMessage, res: http.ServerResponse) {
  const body = await readJson(req);
  if (!body.ok) return json(res, body.tooLarge ? 413 : 400, { code: 'INVALID_PARAM', message: '请求内容不是有效的 JSON' });
  answerUploadInfo(req.headers.authorization, body.value, (status, answer) => json(res, status, answer));
}

/**
 * A js-sdk `callFunction` (`POST /v1/functions/<name>`, the CloudBase gateway): the caller is the
 * custom user id of the host's own access token, never a header the browser could set.
 */
async function gatewayFunction(name: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const main = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name as keyof typeof FUNCTIONS] : undefined;
  if (!main) return json(res, 404, { code: 'FUNCTION_NOT_FOUND', message: `没有名为「${name}」的云函数` });
  const access = accessOf(req.headers.authorization);
  if (!access) return json(res, 401, { code: 'INVALID_ACCESS_TOKEN', message: '登录已过期，请重新登录' });
  const body = await readJson(req);
  if (!body.ok)
    return json(res, body.tooLarge ? 413 : 400, { code: 'INVALID_PARAM', message: body.tooLarge ? '请求内容过大（超过 2 MB）' : '请求内容不是有效的 JSON' });
  json(res, 200, await main(body.value, access.uid ? { customUserId: access.uid } : {}));
}

/** A request path, percent-decoded; null when its encoding is broken (`/%`, `/%ff`, `/%E0%A4%A`). */
function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * The local function host: `POST /api/<function>` runs that function with the event as body, the
 * `x-dev-openid` header choosing the caller (local mode only); everything else is the H5 build.
 * The path is decoded once, here: a malformed one is the client's mistake (400), and nothing a
 * request sends may throw out of the handler, which would stop the host for everyone. It serves
 * only in local mode (core/local/mode.ts), the one mode in which the header names the caller.
 */
export function createHost(staticRoot: string): http.Server {
  if (!isLocalMode()) throw new Error('本地主机只能在本地模式下运行：请先调用 useLocalMode（core/local/mode.ts）');
  return http.createServer((req, res) => {
    const raw = (req.url ?? '/').split('?')[0];
    const route = decodePath(raw);
    const fail = (error: unknown) => {
      console.error(`[host] ${raw} failed:`, error instanceof Error ? error.message : String(error));
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'INTERNAL', message: '本地服务出现问题，请稍后重试' } });
      else res.destroy();
    };
    if (route === null) return json(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求地址的编码无效' } });
    try {
      dispatch(route, staticRoot, req, res, (p) => void p.catch(fail));
    } catch (error) {
      fail(error);
    }
  });
}

/** Routes a request by its decoded path; `done` reports an async failure as 500. */
function dispatch(route: string, staticRoot: string, req: http.IncomingMessage, res: http.ServerResponse, done: (p: Promise<unknown>) => void): void {
  const api = /^\/api\/([a-zA-Z]+)$/.exec(route);
  if (req.method === 'GET' && route === '/api/health') return json(res, 200, { ok: true });
  if (req.method === 'GET' && route === '/api/dev/accounts') return done(demoAccounts().then((body) => json(res, 200, body)));
  if (req.method === 'POST' && route === '/api/files') return done(uploadFile(req, res));
  if (req.method === 'GET' && route.startsWith('/api/files/')) return done(serveFile(req, route.slice('/api/files/'.length), res));
  if (api && req.method === 'POST') return done(callFunction(api[1], req, res));
  if (route.startsWith('/auth/v1/')) return done(cloudbaseAuth(route, req, res));
  const gateway = /^\/v1\/functions\/([a-zA-Z]+)$/.exec(route);
  if (gateway && req.method === 'POST') return done(gatewayFunction(gateway[1], req, res));
  if (req.method === 'POST' && route === '/v1/storages/get-objects-upload-info') return done(uploadInfo(req, res));
  if (req.method === 'PUT' && route.startsWith('/cos/')) return done(putObject(route.slice('/cos/'.length), req, res));
  if (route.startsWith('/api/')) return json(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: '请用 POST /api/<云函数名> 调用云函数' } });
  serveStatic(staticRoot, route, res);
}

export function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
