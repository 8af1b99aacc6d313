/**
 * 离线队列: writes that must arrive exactly once even with one bar of signal (visits.record,
 * needs.report…). Each write carries a client-generated id and the server action is idempotent on
 * it, so sending the same item twice is safe; the queue therefore keeps an item until the server
 * answered (ok, or an error a retry cannot fix) and may re-send after a crash.
 *
 * Storage (queue-storage.ts): an index plus one key per item. Photos stay as local file paths in
 * the payload (never base64); a preparer registered for the action uploads them just before
 * sending and the uploaded ids are written back to the item.
 *
 * A refused write (the server answered with a code a retry cannot fix) stays in the queue as
 * `failed`, with the server's Chinese reason, until the person fixes it (the same id submitted
 * again replaces it, or `takeBack` moves it into its form) or discards it: a write is never
 * dropped without the person having seen why.
 */
import type { ActionInput, ActionName, ActionOutput, ApiError, ApiResult, Apis, FunctionName } from '@bangfu/types';
import { send } from './transport';
import { watchNetwork } from './network-watch';
import { addToIndex, items, readIndex, readItem, rememberSent, removeItem, wasSent, writeItem, type QueueItem } from './queue-storage';

export { items, wasSent, type QueueItem };

export interface QueueSnapshot {
  pending: number;
  failed: number;
  flushing: boolean;
}

export type SubmitOutcome<T = unknown> = { status: 'sent'; data: T } | { status: 'queued' } | { status: 'failed'; error: ApiError };

/** The actions of a function whose input carries the write's id: only those can be queued. */
export type QueueableAction<F extends FunctionName> = {
  [A in ActionName<Apis[F]>]: ActionInput<Apis[F], A> extends { id: string } ? A : never;
}[ActionName<Apis[F]>];

/**
 * Prepares an item right before it is sent (uploads its photos); `save` stores a half-prepared
 * payload, so what was done before a failure (photos already uploaded) is not done again.
 */
export type Preparer = (payload: Record<string, unknown>, save: (payload: Record<string, unknown>) => void) => Promise<Record<string, unknown>>;

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
export function registerPreparer<F extends FunctionName>(fn: F, action: QueueableAction<F>, prepare: Preparer) {
  preparers.set(`${fn}.${action}`, prepare);
}

/**
 * Saves a write durably before anything is sent: once this returns, the write survives the app
 * being killed. The same id twice keeps the first (it is the same write, perhaps already on its
 * way, or already sent: then nothing is queued), except after the first was refused: then the new
 * one is the person's fix and replaces it.
 * Throws when the item is too large or the queue is full, so the page can tell the person instead
 * of losing it silently.
 */
export function enqueue(input: { id: string; fn: string; action: string; payload: Record<string, unknown> }): void {
  const index = readIndex();
  const existing = index.includes(input.id) ? readItem(input.id) : null;
  if (existing ? existing.state !== 'failed' : wasSent(input.id)) return;
  if (!existing && index.length >= MAX_ITEMS) throw new Error('待同步的记录太多，请先连上网络同步后再继续');
  const item: QueueItem = { ...input, createdAt: Date.now(), attempts: 0, state: 'pending' };
  if (JSON.stringify(item).length > MAX_ITEM_BYTES) throw new Error('这条记录内容太多，请精简后再保存');
  writeItem(item);
  addToIndex(input.id);
  notify();
}

/** Drops a failed item after the person has seen why it was refused. */
export function discard(id: string) {
  removeItem(id);
  notify();
}

/**
 * 修改: moves a refused item out of the queue so its form can show it again (the form's stored
 * draft keeps it from then on). Answers null when there is no refused item of that id.
 */
export function takeBack(id: string): { payload: Record<string, unknown>; error?: ApiError } | null {
  const item = readItem(id);
  if (!item || item.state !== 'failed') return null;
  removeItem(id);
  notify();
  return { payload: item.payload, error: item.error };
}

function isNetwork(error: ApiError): boolean {
  const d = error.details as { network?: boolean } | undefined;
  return !!d && d.network === true;
}

async function sendOne(item: QueueItem): Promise<ApiResult<unknown>> {
  const prepare = preparers.get(`${item.fn}.${item.action}`);
  if (prepare) {
    const save = (payload: Record<string, unknown>) => {
      item.payload = payload;
      writeItem(item);
    };
    try {
      save(await prepare(item.payload, save));
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
    rememberSent(item.id);
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
 * Queues a write of `fn.action`, typed from its contract in `types/api`, and tries to send it now:
 * `sent` with the server's answer, `queued` when the network is away (it goes out later by itself),
 * `failed` when the server refused it (it stays in the queue, see above). The input's `id` is the
 * write's idempotency id: a form keeps it with its draft, so sending the draft again after the app
 * was killed mid-send is the same write.
 */
export async function submit<F extends FunctionName, A extends QueueableAction<F>>(
  fn: F,
  action: A,
  input: ActionInput<Apis[F], A> & { id: string },
): Promise<SubmitOutcome<ActionOutput<Apis[F], A>>> {
  const { id } = input;
  lastAnswers.delete(id);
  enqueue({ id, fn, action, payload: input as Record<string, unknown> });
  startAutoFlush();
  await flush();
  // A flush already running when we joined may have stopped before reaching our item.
  if (readItem(id)?.state === 'pending' && !lastAnswers.has(id)) await flush();
  const answer = lastAnswers.get(id);
  lastAnswers.delete(id);
  const stored = readItem(id);
  if (!stored) return { status: 'sent', data: (answer?.ok ? answer.data : undefined) as ActionOutput<Apis[F], A> };
  if (stored.state === 'failed' && stored.error) return { status: 'failed', error: stored.error };
  return { status: 'queued' };
}

/** Flushes whenever the network comes back or the app is shown again, and once right now. */
export function startAutoFlush() {
  if (watching) return;
  watching = true;
  watchNetwork(() => void flush());
  void flush();
}
