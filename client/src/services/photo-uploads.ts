import Taro from '@tarojs/taro';
import type { FunctionName } from '@bangfu/types';
import { registerPreparer, type QueueableAction } from './offline-queue';
import { isLocalPhoto, uploadPhoto } from './photos';

/**
 * Local path → uploaded id of the photos uploaded lately. An upload deletes its local file, while
 * a form's draft still names it (a refused write being fixed, a retried step): the path must then
 * answer the id it already has instead of failing with "照片文件已丢失".
 */
const UPLOADED_KEY = 'bf.photos.uploaded';
/** Well past 9 photos of a few open drafts; about 100 bytes a pair. */
const MAX_REMEMBERED = 200;

function remembered(): Array<[string, string]> {
  try {
    const value: unknown = Taro.getStorageSync(UPLOADED_KEY);
    return Array.isArray(value) ? value.filter((v): v is [string, string] => Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') : [];
  } catch {
    return [];
  }
}

async function uploadOnce(path: string): Promise<string> {
  const known = remembered().find(([local]) => local === path);
  if (known) return known[1];
  const fileId = await uploadPhoto(path);
  Taro.setStorageSync(UPLOADED_KEY, [...remembered(), [path, fileId]].slice(-MAX_REMEMBERED));
  return fileId;
}

/**
 * Uploads the local files among `paths`, one at a time, and answers the list with each replaced by
 * its uploaded id (ids already uploaded pass through). `onUploaded` hears the list after every
 * upload, so a failure part-way keeps the ids before it.
 */
export async function uploadLocalPhotos(paths: readonly string[], onUploaded?: (paths: string[]) => void): Promise<string[]> {
  const out = [...paths];
  for (let i = 0; i < out.length; i++) {
    if (!isLocalPhoto(out[i])) continue;
    out[i] = await uploadOnce(out[i]);
    onUploaded?.([...out]);
  }
  return out;
}

/**
 * The one upload preparer of queued writes with `photos` (visits.record, needs.report): photos wait
 * in the queue as local files and are uploaded right before the write is sent, each uploaded id
 * written back to the queued item at once, so a re-send never uploads a photo twice.
 */
export function uploadPhotosBeforeSending<F extends FunctionName>(fn: F, action: QueueableAction<F>) {
  registerPreparer(fn, action, async (payload, save) => {
    const photos = Array.isArray(payload.photos) ? payload.photos.filter((p): p is string => typeof p === 'string') : [];
    const uploaded = await uploadLocalPhotos(photos, (done) => save({ ...payload, photos: done }));
    return { ...payload, photos: uploaded };
  });
}
