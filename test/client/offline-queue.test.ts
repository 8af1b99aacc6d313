/**
 * The offline queue against a fake Taro storage and a scripted transport: order, dedupe, keeping
 * items until the server answered, parking refused ones, and surviving a "restart" (module reload).
 */
import { storage } from '../support/taro-storage';
const answers: Array<(fn: string, action: string, payload: any) => any> = [];
const sent: Array<{ action: string; payload: any }> = [];

jest.mock('@tarojs/taro', () => jest.requireActual('../support/taro-storage').taroModule);
jest.mock(
  '../../client/src/services/transport',
  () => ({
    send: async (fn: string, action: string, payload: unknown) => {
      sent.push({ action, payload });
      const answer = answers.shift();
      return answer ? answer(fn, action, payload) : { ok: true, data: { echoed: payload } };
    },
  }),
  { virtual: true },
);
jest.mock('../../client/src/services/network-watch', () => ({ watchNetwork: () => undefined }), { virtual: true });

const NETWORK = { ok: false, error: { code: 'INTERNAL', message: '网络不可用', details: { network: true } } };
type Queue = typeof import('../../client/src/services/offline-queue');

function load(): Queue {
  let q!: Queue;
  jest.isolateModules(() => {
    q = require('../../client/src/services/offline-queue');
  });
  return q;
}

const item = (id: string) => ({ id, fn: 'visits', action: 'record', payload: { id, notes: id } });
/** The same write through the typed `submit`: the fake transport does not look at the other fields. */
const submitted = (q: Queue, id: string) => q.submit('visits', 'record', item(id).payload as unknown as Parameters<Queue['submit']>[2]);

beforeEach(() => {
  storage.clear();
  answers.length = 0;
  sent.length = 0;
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

describe('offline queue', () => {
  it('keeps a write through a network failure and an app restart, then sends it once', async () => {
    answers.push(() => NETWORK);
    const first = load();
    expect(await submitted(first, 'a')).toEqual({ status: 'queued' });
    expect(first.pendingCount()).toBe(1);
    const restarted = load();
    expect(restarted.pendingCount()).toBe(1);
    await restarted.flush();
    expect(restarted.pendingCount()).toBe(0);
    expect(sent.map((s) => s.payload.id)).toEqual(['a', 'a']);
  });

  it('sends in order and stops at the first retryable failure so later writes wait their turn', async () => {
    const q = load();
    answers.push(() => NETWORK);
    q.enqueue(item('a'));
    q.enqueue(item('b'));
    await q.flush();
    expect(sent.map((s) => s.payload.id)).toEqual(['a']);
    await q.flush();
    expect(sent.map((s) => s.payload.id)).toEqual(['a', 'a', 'b']);
    expect(q.pendingCount()).toBe(0);
  });

  it('stores the same id once', () => {
    const q = load();
    q.enqueue(item('a'));
    q.enqueue({ ...item('a'), payload: { id: 'a', notes: 'changed' } });
    expect(q.items()).toHaveLength(1);
    expect(q.items()[0].payload.notes).toBe('a');
  });

  it('parks a write the server refused and carries on with the next', async () => {
    const q = load();
    answers.push(() => ({ ok: false, error: { code: 'CONFLICT', message: '编号已被使用' } }));
    q.enqueue(item('a'));
    q.enqueue(item('b'));
    await q.flush();
    expect(q.pendingCount()).toBe(0);
    expect(q.failedItems().map((i) => [i.id, i.error?.code])).toEqual([['a', 'CONFLICT']]);
    q.discard('a');
    expect(q.items()).toHaveLength(0);
  });

  it('replaces a refused write with the fix submitted under the same id, and takes one back into its form', async () => {
    const q = load();
    answers.push(() => ({ ok: false, error: { code: 'INVALID_INPUT', message: '走访时间不能晚于现在' } }));
    expect(await submitted(q, 'a')).toMatchObject({ status: 'failed', error: { message: '走访时间不能晚于现在' } });
    expect(q.failedItems().map((i) => i.id)).toEqual(['a']);
    expect(await q.submit('visits', 'record', { id: 'a', notes: 'fixed' } as unknown as Parameters<Queue['submit']>[2])).toMatchObject({ status: 'sent' });
    expect(q.items()).toEqual([]);
    expect(sent.map((s) => s.payload.notes)).toEqual(['a', 'fixed']);

    answers.push(() => ({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这户' } }));
    await submitted(q, 'b');
    expect(q.takeBack('b')).toMatchObject({ payload: { id: 'b' }, error: { code: 'NOT_FOUND' } });
    expect(q.items()).toEqual([]);
    expect(q.takeBack('b')).toBeNull();
  });

  it('does not queue again a write this phone has already sent (a draft restored after a kill)', async () => {
    const q = load();
    expect(await submitted(q, 'a')).toMatchObject({ status: 'sent' });
    const restarted = load();
    expect(await submitted(restarted, 'a')).toMatchObject({ status: 'sent' });
    expect(sent).toHaveLength(1);
  });

  it('retries a server error that is not final (INTERNAL) instead of dropping it', async () => {
    const q = load();
    answers.push(() => ({ ok: false, error: { code: 'INTERNAL', message: '服务暂时出现问题' } }));
    expect(await submitted(q, 'a')).toEqual({ status: 'queued' });
    expect(q.pendingCount()).toBe(1);
  });

  it('writes the prepared payload back so uploads are not repeated on a re-send', async () => {
    const q = load();
    let uploads = 0;
    q.registerPreparer('visits', 'record', async (p) => ({ ...p, photos: (uploads++, ['cloud://x']) }));
    answers.push(() => NETWORK);
    q.enqueue({ ...item('a'), payload: { id: 'a', photos: ['local'] } });
    await q.flush();
    expect(q.items()[0].payload.photos).toEqual(['cloud://x']);
    expect(uploads).toBe(1);
  });

  it('keeps every stored key far below the 1 MB WeChat limit and refuses an oversized write', () => {
    const q = load();
    expect(() => q.enqueue({ ...item('big'), payload: { notes: 'x'.repeat(70_000) } })).toThrow(/内容太多/);
    q.enqueue(item('a'));
    for (const value of storage.values()) expect(JSON.stringify(value).length).toBeLessThan(64 * 1024 + 1024);
  });
});
