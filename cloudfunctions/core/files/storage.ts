/**
 * Where the bytes of import sheets and exports live: CloudBase storage in the cloud, a folder under
 * the data directory locally. Only the file service (`file.service.ts`) calls this: it records who
 * owns each file and checks every read, so nothing else may reach the bytes directly.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
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
  link(fileId: string): Promise<{ url: string; checkedOnUse: boolean }>;
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
      const file = path.join(dir, fileId);
      if (!LOCAL_ID.test(fileId) || !existsSync(file)) throw notFound('没有找到上传的文件，请重新上传');
      return readFileSync(file);
    },
    async remove(fileIds) {
      for (const id of fileIds) if (LOCAL_ID.test(id)) rmSync(path.join(dir, id), { force: true });
    },
    async link(fileId) {
      return { url: `/api/files/${encodeURIComponent(fileId)}`, checkedOnUse: true };
    },
    claimable: () => false,
  };
}

/** Sheets the mini program uploads itself: `registry/imports/<uuid>.xlsx` (sheets.weapp.ts). */
const CLIENT_UPLOAD = /^cloud:\/\/[^/]+\/registry\/imports\/[0-9a-f-]{36}\.xlsx$/;

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
