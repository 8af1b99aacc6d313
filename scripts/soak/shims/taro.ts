/**
 * `@tarojs/taro` as the offline queue uses it: WeChat's synchronous storage, in memory. Values are
 * stored as JSON text, so the queue reads back copies as it does on a phone. The map lives in this
 * module, which the soak loads once: reloading the queue (a client restart) finds its items again.
 */
const storage = new Map<string, string>();

export default {
  getStorageSync: (key: string): unknown => (storage.has(key) ? JSON.parse(storage.get(key)!) : ''),
  setStorageSync: (key: string, value: unknown): void => void storage.set(key, JSON.stringify(value)),
  removeStorageSync: (key: string): void => void storage.delete(key),
};
