import Taro from '@tarojs/taro';
import type { ApiError, ApiResult } from '@bangfu/types';
import { send } from './transport';
import { watchNetwork } from './network-watch';

/**
 * 离线队列: writes that must arrive exactly once even with one bar of signal (visits.record,
 * needs.report…). Each write carries a client-generated id and the server action is idempotent on
 * it, so sending the same item twice is safe; the queue therefore keeps an item until the server
 * answered (ok, or an error a retry cannot fix) and may re-send after a crash.
 *
 * Storage: one small index key plus one key per item, so no key comes near WeChat's 1 MB limit.
 * Photos stay as local file paths in the payload (never base64); a preparer registered for the
 * action uploads them just before sending and the uploaded ids are written back to the item.
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

export interface QueueSnapshot {
  pending: number;
  failed: number;
  flushing: boolean;
}

export type SubmitOutcome = { status: 'sent'; data: unknown } | { status: 'queued' } | { status: 'failed'; error: ApiError };

type Preparer = (payload: Record<string, unknown>) => Promise<Record<string, unknown>>;

const INDEX_KEY = 'bf.oq.index';
const ITEM_KEY = (id: string) => `bf.oq.item.${id}`;
/** Far below WeChat's 1 MB per key; a visit with notes and nine photo paths is a few KB. */
const MAX_ITEM_BYTES = 64 * 1024;
/** WeChat allows 10 MB per user; 300 items of ≤ 64 KB stays well inside it with room for others. */
const MAX_ITEMS = 300;
const BACKOFF_MS = [1000, 2000, 5000, 15000, 30000, 60000];
/** Codes a retry cannot fix: the item is parked as failed instead of blocking the ones behind it. */
const FINAL_CODES = new Set(['INVALID_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

const preparers = new Map<string, Preparer>();
const listeners = new Set<(s: QueueSnapshot) => void>();
let running: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failuresInARow = 0;
let watching = false;

function readIndex(): string[] {
  try {
    const value: unknown = Taro.getStorageSync(INDEX_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function readItem(id: string): QueueItem | null {
  try {
    const raw: unknown = Taro.getStorageSync(ITEM_KEY(id));
    return typeof raw === 'string' && raw ? (JSON.parse(raw) as QueueItem) : null;
  } catch {
    return null;
  }
}

function writeItem(item: QueueItem) {
  Taro.setStorageSync(ITEM_KEY(item.id), JSON.stringify(item));
}

function removeItem(id: string) {
  Taro.setStorageSync(INDEX_KEY, readIndex().filter((x) => x !== id));
  Taro.removeStorageSync(ITEM_KEY(id));
}

/** Every stored item in send order; index entries whose item vanished are skipped. */
export function items(): QueueItem[] {
  return readIndex().map(readItem).filter((x): x is QueueItem => !!x);
}

export function pendingCount(): number {
  return items().filter((i) => i.state === 'pending').length;
}

export function failedItems(): QueueItem[] {
  return items().filter((i) => i.state === 'failed');
}

function snapshot(): QueueSnapshot {
  const all = items();
  const failed = all.filter((i) => i.state === 'failed').length;
  return { pending: all.length - failed, failed, flushing: !!running };
}

function notify() {
  const s = snapshot();
  listeners.forEach((l) => l(s));
}

/** Called on every change (enqueue, sent, failed, flush start/end). Answers an unsubscribe. */
export function subscribe(listener: (s: QueueSnapshot) => void): () => void {
  listeners.add(listener);
  listener(snapshot());
  return () => listeners.delete(listener);
}

/** Uploads local files (or other one-time preparation) right before an item of `fn.action` is sent. */
export function registerPreparer(fn: string, action: string, prepare: Preparer) {
  preparers.set(`${fn}.${action}`, prepare);
}

/**
 * Saves a write durably before anything is sent: once this returns, the write survives the app
 * being killed. The same id twice keeps the first (it is the same write). Throws when the item is
 * too large or the queue is full, so the page can tell the person instead of losing it silently.
 */
export function enqueue(input: { id: string; fn: string; action: string; payload: Record<string, unknown> }): void {
  const index = readIndex();
  if (index.includes(input.id)) return;
  if (index.length >= MAX_ITEMS) throw new Error('待同步的记录太多，请先连上网络同步后再继续');
  const item: QueueItem = { ...input, createdAt: Date.now(), attempts: 0, state: 'pending' };
  if (JSON.stringify(item).length > MAX_ITEM_BYTES) throw new Error('这条记录内容太多，请精简后再保存');
  writeItem(item);
  Taro.setStorageSync(INDEX_KEY, [...index, input.id]);
  notify();
}

/** Drops a failed item after the person has seen why it was refused. */
export function discard(id: string) {
  removeItem(id);
  notify();
}

function isNetwork(error: ApiError): boolean {
  const d = error.details as { network?: boolean } | undefined;
  return !!d && d.network === true;
}

async function sendOne(item: QueueItem): Promise<ApiResult<unknown>> {
  const prepare = preparers.get(`${item.fn}.${item.action}`);
  if (prepare) {
    try {
      item.payload = await prepare(item.payload);
      writeItem(item);
    } catch (e) {
      const error = (e as { code?: string; message?: string }) ?? {};
      return { ok: false, error: { code: 'INTERNAL', message: error.message || '文件上传失败', details: { network: true } } };
    }
  }
  return send(item.fn, item.action, item.payload);
}

const lastAnswers = new Map<string, ApiResult<unknown>>();

/** Sends one item; answers false when the loop must stop (a retryable failure keeps the order). */
async function sendAndSettle(item: QueueItem): Promise<boolean> {
  item.attempts += 1;
  writeItem(item);
  const result = await sendOne(item);
  lastAnswers.set(item.id, result);
  if (result.ok) {
    removeItem(item.id);
    return true;
  }
  if (!isNetwork(result.error) && FINAL_CODES.has(result.error.code)) {
    writeItem({ ...item, state: 'failed', error: result.error });
    return true;
  }
  writeItem({ ...item, error: result.error });
  return false;
}

async function drain() {
  for (const id of readIndex()) {
    const item = readItem(id);
    if (!item || item.state === 'failed') continue;
    const carryOn = await sendAndSettle(item);
    notify();
    if (!carryOn) {
      failuresInARow += 1;
      scheduleRetry();
      return;
    }
    failuresInARow = 0;
  }
}

function scheduleRetry() {
  if (retryTimer) clearTimeout(retryTimer);
  const delay = BACKOFF_MS[Math.min(failuresInARow - 1, BACKOFF_MS.length - 1)];
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flush();
  }, delay);
}

/** Sends every pending item in order; one flush at a time (a second call joins the running one). */
export function flush(): Promise<void> {
  if (running) return running;
  if (retryTimer) {
    clearTimeout(retryTimer);
    retryTimer = null;
  }
  running = drain().finally(() => {
    running = null;
    notify();
  });
  notify();
  return running;
}

/**
 * Queues a write and tries to send it now: `sent` with the server's answer, `queued` when the
 * network is away (it goes out later by itself), `failed` when the server refused it.
 */
export async function submit(input: { id: string; fn: string; action: string; payload: Record<string, unknown> }): Promise<SubmitOutcome> {
  enqueue(input);
  startAutoFlush();
  await flush();
  // A flush already running when we joined may have stopped before reaching our item.
  if (readItem(input.id)?.state === 'pending' && !lastAnswers.has(input.id)) await flush();
  const answer = lastAnswers.get(input.id);
  lastAnswers.delete(input.id);
  const stored = readItem(input.id);
  if (!stored) return { status: 'sent', data: answer?.ok ? answer.data : undefined };
  if (stored?.state === 'failed' && stored.error) return { status: 'failed', error: stored.error };
  return { status: 'queued' };
}

/** Flushes whenever the network comes back or the app is shown again, and once right now. */
export function startAutoFlush() {
  if (watching) return;
  watching = true;
  watchNetwork(() => void flush());
  void flush();
}
