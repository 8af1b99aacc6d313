import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { LOCAL_BUCKET, localObjectName } from '../files';
import { accessOf } from './cloudbase-auth';
import { localDataDir } from './mode';

/**
 * The local host's stand-in for CloudBase storage's side of `app.uploadFile` (js-sdk 3.x storage
 * module in the gateway endpoint mode it uses, as for functions), so a browser signed in with the
 * js-sdk uploads as it would to CloudBase and the functions receive a `cloud://` file id as from
 * the mini program:
 *   1. POST /v1/storages/get-objects-upload-info `[{ objectId: <cloud path> }]` with the Bearer
 *      token answers the upload URL and the file id (`answerUploadInfo`);
 *   2. PUT <upload URL> with the bytes (and `authorization`, `x-cos-security-token` headers), 2xx on success.
 * The upload URL is signed for one path and 10 minutes, as COS's pre-signed one is. Only the paths
 * the web client uploads (sheets for import, `registry/imports/<uuid>.xlsx`; visit photos,
 * `visits/<uuid>.<ext>`) are accepted; their bytes
 * go to the files folder the /api/files route uses (core/files/storage.ts names them), and the
 * import checks owner, type and contents exactly as for a sheet the mini program uploaded.
 */
const SHEET_PATH = /^registry\/imports\/[0-9a-f-]{36}\.xlsx$/;
/** Visit photos a web session uploads (photos.h5.ts); kept as `visit-<uuid>.<ext>`. */
const PHOTO_PATH = /^visits\/([0-9a-f-]{36}\.(?:jpg|png|webp|gif))$/;
const UPLOAD_PATH = { test: (p: string) => SHEET_PATH.test(p) || PHOTO_PATH.test(p) };
const objectName = (cloudPath: string) => {
  const photo = PHOTO_PATH.exec(cloudPath);
  return photo ? `visit-${photo[1]}` : localObjectName(LOCAL_BUCKET + cloudPath);
};
const MAX_FILE = 5 * 1024 * 1024;
const URL_MS = 10 * 60 * 1000;
const secret = randomBytes(32);

type Reply = (status: number, body: unknown) => void;

const sign = (cloudPath: string, exp: number) => createHmac('sha256', secret).update(`${cloudPath}\n${exp}`).digest();

function signedPut(cloudPath: string, exp: number, sig: string): boolean {
  if (!Number.isSafeInteger(exp) || exp <= Date.now()) return false;
  const given = Buffer.from(sig, 'base64url');
  const expected = sign(cloudPath, exp);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The gateway's `POST /v1/storages/get-objects-upload-info` (`[{ objectId: <cloud path> }]`, Bearer
 * token): per object `{ uploadUrl, authorization, token, cloudObjectId, cloudObjectMeta, downloadUrl }`
 * or `{ code, message }`.
 */
export function answerUploadInfo(authorization: string | undefined, objects: unknown, reply: Reply): void {
  const access = accessOf(authorization);
  // A signed-in person only: the anonymous session of the sign-in page has nothing to upload.
  if (!access?.uid) return reply(401, { code: 'INVALID_ACCESS_TOKEN', message: '登录已过期，请重新登录' });
  if (!Array.isArray(objects) || objects.length !== 1) return reply(400, { code: 'INVALID_PARAM', message: '一次上传一个文件' });
  reply(
    200,
    objects.map((object: { objectId?: unknown }) => {
      const cloudPath = typeof object?.objectId === 'string' ? object.objectId : '';
      if (!UPLOAD_PATH.test(cloudPath)) return { code: 'STORAGE_REQUEST_FAIL', message: '只能上传 .xlsx 导入表格或 jpg、png、webp、gif 照片' };
      const exp = Date.now() + URL_MS;
      return {
        uploadUrl: `/cos/${cloudPath}?exp=${exp}&sig=${sign(cloudPath, exp).toString('base64url')}`,
        authorization: 'local',
        token: 'local',
        cloudObjectId: LOCAL_BUCKET + cloudPath,
        cloudObjectMeta: randomUUID(),
        downloadUrl: '',
      };
    }),
  );
}

function readBytes(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_FILE) resolve(null);
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(null));
  });
}

/** The `PUT /cos/<path>?exp&sig` the js-sdk sends the bytes with; 403 for a URL this host did not sign. */
export async function putObject(cloudPath: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const query = new URL(req.url ?? '/', 'http://host').searchParams;
  const name = objectName(cloudPath);
  if (!name || !UPLOAD_PATH.test(cloudPath) || !signedPut(cloudPath, Number(query.get('exp')), query.get('sig') ?? '')) {
    return void res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code></Error>');
  }
  const bytes = await readBytes(req);
  if (!bytes) return void res.writeHead(400, { 'content-type': 'application/xml', connection: 'close' }).end('<Error><Code>EntityTooLarge</Code></Error>');
  const dir = path.join(localDataDir(), 'files');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), bytes);
  res.writeHead(200, { etag: `"${randomUUID()}"` }).end();
}
