import Taro from '@tarojs/taro';
import type { ApiError } from '@bangfu/types';

/**
 * Where the offline queue keeps its writes: one small index key plus one key per item, so no key
 * comes near WeChat's 1 MB limit, and the ids of the writes sent lately.
 */
export interface QueueItem {
  /** The write's id (a UUID): also the dedupe key. */
  id: string;
  fn: string;
  action: string;
  payload: Record<string, unknown>;
  createdAt: number;
  attempts: number;
  /** `failed`: the server refused it (invalid, forbidden, conflict…); kept so the person sees it. */
  state: 'pending' | 'failed';
  error?: ApiError;
}

const INDEX_KEY = 'bf.oq.index';
const ITEM_KEY = (id: string) => `bf.oq.item.${id}`;
/** Ids of the writes sent lately: a draft restored after a kill mid-send may be submitted again. */
const SENT_KEY = 'bf.oq.sent';
/** A form keeps its draft for days at most; 100 ids of 36 characters is under 4 KB. */
const MAX_SENT = 100;

export function readIndex(): string[] {
  try {
    const value: unknown = Taro.getStorageSync(INDEX_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function readItem(id: string): QueueItem | null {
  try {
    const raw: unknown = Taro.getStorageSync(ITEM_KEY(id));
    return typeof raw === 'string' && raw ? (JSON.parse(raw) as QueueItem) : null;
  } catch {
    return null;
  }
}

export function writeItem(item: QueueItem) {
  Taro.setStorageSync(ITEM_KEY(item.id), JSON.stringify(item));
}

function sentIds(): string[] {
  try {
    const value: unknown = Taro.getStorageSync(SENT_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Written before the item is removed, so at every moment one of the two knows the write. */
export function rememberSent(id: string) {
  Taro.setStorageSync(SENT_KEY, [...sentIds().filter((x) => x !== id), id].slice(-MAX_SENT));
}

/** The server has this write: it was sent from this phone and answered. */
export function wasSent(id: string): boolean {
  return sentIds().includes(id);
}

export function removeItem(id: string) {
  Taro.setStorageSync(
    INDEX_KEY,
    readIndex().filter((x) => x !== id),
  );
  Taro.removeStorageSync(ITEM_KEY(id));
}

/** Every stored item in send order; index entries whose item vanished are skipped. */
export function items(): QueueItem[] {
  return readIndex()
    .map(readItem)
    .filter((x): x is QueueItem => !!x);
}

/** Adds an item's id at the end of the send order (once). */
export function addToIndex(id: string) {
  const index = readIndex();
  if (!index.includes(id)) Taro.setStorageSync(INDEX_KEY, [...index, id]);
}
