import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { findUserByOpenid } from '../users/user.repository';

/**
 * Local stand-in for cloud storage (photos of visits and needs): `POST /api/files` stores the body
 * under the data dir and answers `{ ok, data: { fileId } }`; `GET /api/files/<fileId>` serves it.
 * Ids are random UUIDs (unguessable), as cloud file ids are; uploading needs a known demo account.
 */
const MAX_FILE = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// xlsx: registry import sheets and exports (households.importXlsx / exportXlsx, core/files).
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', [XLSX]: 'xlsx' };
const TYPE: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', xlsx: XLSX };
const ID = /^local-[0-9a-f-]{36}\.(jpg|png|webp|gif|xlsx)$/;

const filesDir = () => path.resolve(process.env.BANGFU_DATA_DIR ?? '.data', 'files');

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

export async function uploadFile(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const openid = req.headers['x-dev-openid'];
  if (typeof openid !== 'string' || !openid || !(await findUserByOpenid(openid))) {
    return send(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再上传照片' } });
  }
  const ext = EXT[String(req.headers['content-type'] ?? '').split(';')[0]];
  if (!ext) return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 jpg、png、webp 或 gif 图片' } });
  const bytes = await readBytes(req).catch(() => null);
  if (!bytes) return send(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: '照片超过 5 MB，请压缩后再传' } });
  const fileId = `local-${randomUUID()}.${ext}`;
  mkdirSync(filesDir(), { recursive: true });
  writeFileSync(path.join(filesDir(), fileId), bytes);
  send(res, 200, { ok: true, data: { fileId } });
}

export function serveFile(fileId: string, res: http.ServerResponse): void {
  const file = path.join(filesDir(), fileId);
  if (!ID.test(fileId) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPE[fileId.split('.').pop()!], 'cache-control': 'private, max-age=86400' });
  createReadStream(file).pipe(res);
}
