/**
 * The one upload preparer (visits.record, needs.report) and need evidence: each photo is uploaded
 * once, and what was uploaded before a failure is kept, since an upload deletes its local file.
 */
import { storage } from '../support/taro-storage';
const uploads: string[] = [];
let failOn: string | null = null;

jest.mock('@tarojs/taro', () => jest.requireActual('../support/taro-storage').taroModule);
jest.mock(
  '../../client/src/services/transport',
  () => ({ send: async () => ({ ok: false, error: { code: 'INTERNAL', message: '网络不可用', details: { network: true } } }) }),
  { virtual: true },
);
jest.mock('../../client/src/services/network-watch', () => ({ watchNetwork: () => undefined }), { virtual: true });
jest.mock(
  '../../client/src/services/photos',
  () => ({
    isLocalPhoto: (p: string) => p.startsWith('local:'),
    uploadPhoto: async (p: string) => {
      if (p === failOn) throw new Error('照片上传失败');
      if (uploads.includes(p)) throw new Error('照片文件已丢失，请删除后重新拍摄');
      uploads.push(p);
      return `cloud://${p.slice(6)}`;
    },
  }),
  { virtual: true },
);

import { uploadLocalPhotos, uploadPhotosBeforeSending } from '../../client/src/services/photo-uploads';
import { enqueue, flush, items } from '../../client/src/services/offline-queue';

beforeEach(() => {
  storage.clear();
  uploads.length = 0;
  failOn = null;
  // The queue schedules its retry after a failed send.
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

describe('photo uploads', () => {
  it('keeps the ids uploaded before a failure, and a retry uploads only the rest', async () => {
    const heard: string[][] = [];
    failOn = 'local:b';
    await expect(uploadLocalPhotos(['local:a', 'local:b'], (done) => heard.push(done))).rejects.toThrow('照片上传失败');
    expect(heard).toEqual([['cloud://a', 'local:b']]);
    failOn = null;
    expect(await uploadLocalPhotos(['local:a', 'local:b'])).toEqual(['cloud://a', 'cloud://b']);
    expect(uploads).toEqual(['local:a', 'local:b']);
  });

  it('writes each uploaded id back to the queued write at once', async () => {
    uploadPhotosBeforeSending('needs', 'report');
    failOn = 'local:b';
    enqueue({ id: 'r1', fn: 'needs', action: 'report', payload: { id: 'r1', photos: ['local:a', 'local:b', 'cloud://c'] } });
    await flush();
    expect(items()[0].payload.photos).toEqual(['cloud://a', 'local:b', 'cloud://c']);
  });
});
