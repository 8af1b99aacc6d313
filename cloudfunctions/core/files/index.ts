/**
 * Where import sheets and exports live: CloudBase storage in the cloud, a folder under the data
 * directory locally. Action code calls `saveFile` / `readFile` and runs the same in both.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import { invalid, notFound } from '../errors';

export interface FileStore {
  save(bytes: Buffer, name: string): Promise<string>;
  read(fileId: string): Promise<Buffer>;
}

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
  };
}

function cloudFileStore(): FileStore {
  const app = () => tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return {
    async save(bytes, name) {
      const cloudPath = `registry/${new Date().toISOString().slice(0, 10)}/${randomUUID()}${path.extname(name)}`;
      const { fileID } = await app().uploadFile({ cloudPath, fileContent: bytes });
      return fileID;
    },
    async read(fileId) {
      if (!fileId.startsWith('cloud://')) throw notFound('没有找到上传的文件，请重新上传');
      const { fileContent } = await app().downloadFile({ fileID: fileId });
      return fileContent as Buffer;
    },
  };
}

let current: FileStore | null = null;

/** Local mode (host, tests) points files at a folder; the cloud default needs no setup. */
export function useLocalFiles(dir: string): FileStore {
  current = localFileStore(dir);
  return current;
}

const store = (): FileStore => (current ??= cloudFileStore());

export const saveFile = (bytes: Buffer, name: string) => store().save(bytes, name);
export const readFile = (fileId: string) => store().read(fileId);
