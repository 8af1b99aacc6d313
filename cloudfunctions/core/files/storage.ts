/**
 * Where the bytes of import sheets and exports live: CloudBase storage in the cloud, a folder under
 * the data directory locally. Only the file service (`file.service.ts`) calls this: it records who
 * owns each file and checks every read, so nothing else may reach the bytes directly.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import { invalid, notFound } from '../errors';
import { clock } from '../clock';
import { dateOf } from '../time';

export interface FileStore {
  save(bytes: Buffer, name: string): Promise<string>;
  read(fileId: string): Promise<Buffer>;
  remove(fileIds: string[]): Promise<void>;
  /**
   * Where the caller's client downloads the file. Cloud: a temporary URL that itself grants the
   * download for 10 minutes (`checkedOnUse: false`). Local: the host's route, which checks the
   * caller again on every GET (`checkedOnUse: true`).
   */
  link(fileId: string, userId: string | null): Promise<{ url: string; checkedOnUse: boolean }>;
  /**
   * Whether a file with no owner record may be claimed by the first admin who imports it: in the
   * mini program an admin uploads a sheet straight to cloud storage (`sheets.weapp.ts`), so no
   * function saw the upload. Locally every upload goes through the host and is recorded there.
   */
  claimable(fileId: string): boolean;
}

/** How long a temporary download URL lives (seconds): long enough to open, too short to pass on. */
export const LINK_MAX_AGE_S = 600;

/**
 * Local file ids match the local host's upload endpoint (`core/local/file-store.ts`, which also
 * serves them at GET /api/files/<id>): `local-<uuid>.<ext>`, unguessable and safe as a file name.
 */
const LOCAL_ID = /^local-[0-9a-f-]{36}\.xlsx$/;

/** Sheets the mini program uploads itself: `registry/imports/<uuid>.xlsx` (sheets.weapp.ts). */
const CLIENT_UPLOAD = /^cloud:\/\/[^/]+\/registry\/imports\/[0-9a-f-]{36}\.xlsx$/;

/**
 * The bucket the local host plays for the js-sdk (core/local/cloudbase-storage.ts): a browser's
 * upload to `registry/imports/<uuid>.xlsx` gets the file id `cloud://bangfu-local.local/<path>`
 * and its bytes are kept in this same folder as `upload-<uuid>.xlsx`.
 */
export const LOCAL_BUCKET = 'cloud://bangfu-local.local/';
const LOCAL_UPLOAD = /^cloud:\/\/bangfu-local\.local\/registry\/imports\/([0-9a-f-]{36})\.xlsx$/;

/** The file name under the local files folder that holds this file id's bytes; null for an id of no local file. */
export function localObjectName(fileId: string): string | null {
  if (LOCAL_ID.test(fileId)) return fileId;
  const upload = LOCAL_UPLOAD.exec(fileId);
  return upload ? `upload-${upload[1]}.xlsx` : null;
}

/**
 * A local download link carries a grant for LINK_MAX_AGE_S, as CloudBase's temporary URL does:
 * `?grant=<expiry>.<user id>.<HMAC>`, keyed by a secret of this process. It names the user the link
 * was made for, and the host's route checks that user against the file again when it is used.
 */
const grantSecret = randomBytes(32);
const grantSig = (fileId: string, exp: number, userId: string) => createHmac('sha256', grantSecret).update(`${fileId}\n${exp}\n${userId}`).digest();

export function localGrant(fileId: string, userId: string, now: Date): string {
  const exp = now.getTime() + LINK_MAX_AGE_S * 1000;
  return `${exp}.${Buffer.from(userId).toString('base64url')}.${grantSig(fileId, exp, userId).toString('base64url')}`;
}

/** The user a live grant for this file was made for; null for a forged, expired or other file's grant. */
export function localGrantUser(fileId: string, grant: string, now: Date): string | null {
  const [expText, user, sig] = grant.split('.');
  const exp = Number(expText);
  if (!user || !sig || !Number.isSafeInteger(exp) || exp <= now.getTime()) return null;
  const userId = Buffer.from(user, 'base64url').toString('utf8');
  const given = Buffer.from(sig, 'base64url');
  const expected = grantSig(fileId, exp, userId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

export function localFileStore(dir: string): FileStore {
  mkdirSync(dir, { recursive: true });
  return {
    async save(bytes, name) {
      const ext = path.extname(name).toLowerCase() === '.xlsx' ? 'xlsx' : null;
      if (!ext) throw invalid('只支持 .xlsx 文件');
      const id = `local-${randomUUID()}.${ext}`;
      writeFileSync(path.join(dir, id), bytes);
      return id;
    },
    async read(fileId) {
      const name = localObjectName(fileId);
      if (!name || !existsSync(path.join(dir, name))) throw notFound('没有找到上传的文件，请重新上传');
      return readFileSync(path.join(dir, name));
    },
    async remove(fileIds) {
      for (const id of fileIds) {
        const name = localObjectName(id);
        if (name) rmSync(path.join(dir, name), { force: true });
      }
    },
    async link(fileId, userId) {
      // The route checks the caller on every GET: a demo account by its header, a web session (no header) by the grant.
      const url = `/api/files/${encodeURIComponent(fileId)}`;
      return { url: userId ? `${url}?grant=${localGrant(fileId, userId, clock.now())}` : url, checkedOnUse: true };
    },
    // A browser signed in with the js-sdk uploads to the host's bucket as the mini program does to CloudBase's.
    claimable: (fileId) => LOCAL_UPLOAD.test(fileId) && existsSync(path.join(dir, localObjectName(fileId)!)),
  };
}

function cloudFileStore(): FileStore {
  const app = () => tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return {
    async save(bytes, name) {
      const cloudPath = `registry/${dateOf(clock.now())}/${randomUUID()}${path.extname(name)}`;
      const { fileID } = await app().uploadFile({ cloudPath, fileContent: bytes });
      return fileID;
    },
    async read(fileId) {
      if (!fileId.startsWith('cloud://')) throw notFound('没有找到上传的文件，请重新上传');
      const { fileContent } = await app().downloadFile({ fileID: fileId });
      return fileContent as Buffer;
    },
    async remove(fileIds) {
      if (fileIds.length) await app().deleteFile({ fileList: fileIds });
    },
    async link(fileId) {
      const { fileList } = await app().getTempFileURL({ fileList: [{ fileID: fileId, maxAge: LINK_MAX_AGE_S }] });
      const url = fileList[0]?.tempFileURL;
      if (!url) throw notFound('没有找到该文件，可能已过期，请重新导出');
      return { url, checkedOnUse: false };
    },
    claimable: (fileId) => CLIENT_UPLOAD.test(fileId),
  };
}

let current: FileStore | null = null;

/** Local mode (core/local/mode.ts) points files at a folder; `null` restores the cloud default, which needs no setup. */
export function useLocalFiles(dir: string | null): void {
  current = dir === null ? null : localFileStore(dir);
}

export const fileStore = (): FileStore => (current ??= cloudFileStore());
