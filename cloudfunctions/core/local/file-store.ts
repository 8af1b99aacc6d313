import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { clock } from '../clock';
import { DomainError } from '../errors';
import { downloadFile, localGrantUser, saveFile } from '../files';
import { admit, type Ctx } from '../handler';
import { findUser, findUserByOpenid } from '../users/user.repository';
import { localDataDir } from './mode';

/**
 * Local stand-in for cloud storage: `POST /api/files` stores the body under the data dir and answers
 * `{ ok, data: { fileId } }`; `GET /api/files/<fileId>` serves it. Ids are random UUIDs
 * (unguessable), as cloud file ids are; uploading needs a known demo account. Photos (of visits and
 * needs) are served by id; sheets go through core/files, which records and checks their owner.
 */
const MAX_FILE = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// xlsx: registry import sheets and exports (households.importXlsx / exportXlsx, core/files).
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', [XLSX]: 'xlsx' };
const TYPE: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };
const PHOTO = /^local-[0-9a-f-]{36}\.(jpg|png|webp|gif)$/;
const SHEET = /^local-[0-9a-f-]{36}\.xlsx$/;

const filesDir = () => path.join(localDataDir(), 'files');

const send = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

function readBytes(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_FILE) reject(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The caller named by x-dev-openid (local mode only), as the handler would resolve it. */
async function callerOf(req: http.IncomingMessage): Promise<Ctx> {
  const header = req.headers['x-dev-openid'];
  const openid = (Array.isArray(header) ? header[0] : header)?.trim() || null;
  const user = openid ? await findUserByOpenid(openid) : null;
  return { openid, user, requestId: `host-${randomUUID()}`, now: clock.now() };
}

export async function uploadFile(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const ctx = await callerOf(req);
  if (!ctx.user) return send(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再上传照片' } });
  const ext = EXT[String(req.headers['content-type'] ?? '').split(';')[0]];
  if (!ext) return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 jpg、png、webp 或 gif 图片' } });
  // Sheets are for import, which only admins run; the file is recorded as the admin's (core/files).
  if (ext === 'xlsx' && ctx.user.role !== 'admin')
    return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '只有扶贫办管理员可以上传导入表格' } });
  const bytes = await readBytes(req).catch(() => null);
  if (!bytes) return send(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: '照片超过 5 MB，请压缩后再传' } });
  if (ext === 'xlsx') return send(res, 200, { ok: true, data: { fileId: await saveFile(admit(['admin'] as const, ctx), bytes, 'upload.xlsx', 'upload') } });
  const fileId = `local-${randomUUID()}.${ext}`;
  mkdirSync(filesDir(), { recursive: true });
  writeFileSync(path.join(filesDir(), fileId), bytes);
  send(res, 200, { ok: true, data: { fileId } });
}

/**
 * The caller of a sheet download: the user a live `?grant=` names (the link an export answered a
 * web session, core/files/storage.ts), else the demo header's account.
 */
async function sheetCaller(req: http.IncomingMessage, fileId: string): Promise<Ctx> {
  const grant = new URL(req.url ?? '/', 'http://host').searchParams.get('grant');
  if (!grant) return callerOf(req);
  const now = clock.now();
  const userId = localGrantUser(fileId, grant, now);
  return { openid: null, user: userId ? await findUser(userId) : null, requestId: `host-${randomUUID()}`, now };
}

/**
 * Sheets (exports with full ID numbers, uploaded imports) go only to their owner or an admin above,
 * audit-logged; anyone else, and an expired or made-up id, gets the same bare 404.
 */
async function serveSheet(req: http.IncomingMessage, fileId: string, res: http.ServerResponse): Promise<void> {
  const bytes = await downloadFile(await sheetCaller(req, fileId), fileId).catch((error) => {
    if (error instanceof DomainError) return null;
    throw error;
  });
  if (!bytes) return void res.writeHead(404, { 'cache-control': 'no-store' }).end();
  res.writeHead(200, { 'content-type': XLSX, 'cache-control': 'no-store', 'content-disposition': 'attachment; filename="bangfu.xlsx"' });
  res.end(bytes);
}

export async function serveFile(req: http.IncomingMessage, fileId: string, res: http.ServerResponse): Promise<void> {
  if (SHEET.test(fileId)) return serveSheet(req, fileId, res);
  const file = path.join(filesDir(), fileId);
  if (!PHOTO.test(fileId) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPE[fileId.split('.').pop()!], 'cache-control': 'private, max-age=86400' });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
