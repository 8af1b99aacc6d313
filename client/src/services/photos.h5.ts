import Taro from '@tarojs/taro';
import { demoHeaders, getDemoOpenid } from './session';
import { uuid } from './request-id';
import { uploadFile } from './web-session';

/**
 * H5 (local demo): picked images are blob URLs that die with the page, so they are copied into
 * IndexedDB under `idb:<id>` and read back when the queued write is sent: a web session uploads it
 * to cloud storage under `visits/` as the mini program does (photos.weapp.ts), a local demo
 * account to the host's file store.
 */
const DB = 'bf-photos';
const STORE = 'photos';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const req = run(db.transaction(STORE, mode).objectStore(STORE));
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function pickPhotos(max: number) {
  const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return Promise.all(
    res.tempFilePaths.map(async (url) => {
      const blob = await (await fetch(url)).blob();
      const key = uuid();
      await tx('readwrite', (s) => s.put(blob, key));
      return { path: `idb:${key}`, preview: url };
    }),
  );
}

export const isLocalPhoto = (path: string) => path.startsWith('idb:');

export async function uploadPhoto(path: string): Promise<string> {
  const key = path.slice(4);
  const blob = await tx<Blob | undefined>('readonly', (s) => s.get(key));
  if (!blob) throw new Error('照片文件已丢失，请删除后重新拍摄');
  const fileId = DEMO_BUILD && getDemoOpenid() ? await uploadAsDemo(blob) : await uploadFile(`visits/${uuid()}.${EXT[blob.type] ?? 'jpg'}`, blob);
  await tx('readwrite', (s) => s.delete(key));
  return fileId;
}

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

async function uploadAsDemo(blob: Blob): Promise<string> {
  const res = await fetch('/api/files', { method: 'POST', headers: { 'content-type': blob.type || 'image/jpeg', ...demoHeaders() }, body: blob });
  const body = (await res.json().catch(() => null)) as { fileId?: string; data?: { fileId?: string } } | null;
  const fileId = body?.data?.fileId ?? body?.fileId;
  if (!res.ok || !fileId) throw new Error('照片上传失败');
  return fileId;
}

export const photoUrl = (path: string) => (path.startsWith('cloud://') || path.startsWith('/') ? path : `/api/files/${encodeURIComponent(path)}`);
