import { freshDemoStore, call, callRaw } from '../support/store';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { handler } from '../../cloudfunctions/core/handler';
import { defineApi } from '../../types/api/define';
import { z } from '../../types/z';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
afterAll(() => store.close());

describe('the shared function handler', () => {
  it.each([
    ['a missing event', undefined],
    ['a string event', 'whoami'],
    ['an event without action', { payload: {} }],
    ['an empty action', { action: '' }],
  ])('answers INVALID_INPUT for %s', async (_name, event) => {
    const result = await FUNCTIONS.auth(event, { devOpenid: 'demo-admin' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('names an unknown action in Chinese', async () => {
    const result = await callRaw('auth', 'dropDatabase', {}, 'demo-admin');
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '「auth」没有名为「dropDatabase」的操作' } });
  });

  it('answers UNAUTHENTICATED to an anonymous call of a protected action', async () => {
    const result = await call('reports', 'dashboard', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers FORBIDDEN when a household calls an admin action', async () => {
    const result = await call('reports', 'dashboard', {}, 'demo-household');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers FORBIDDEN when a WeChat user who has not bound calls a role action', async () => {
    const result = await call('assignments', 'listByHelper', {}, 'wx-stranger');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('绑定') } });
  });

  it('checks the payload against the contract and says which field is wrong', async () => {
    const result = await call('assignments', 'listByHelper', { helperId: 42 }, 'demo-helper');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('帮扶人编号') } });
  });

  it('does not offer an action not built yet: the contract lists only actions that exist', async () => {
    const result = await callRaw('findings', 'archive', {}, 'demo-admin');
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '「findings」没有名为「archive」的操作' } });
  });

  it('requires an implementation of every action the contract lists (tsc fails otherwise)', () => {
    const api = defineApi('probe', {
      done: { input: z.object({}), output: z.object({}), access: 'signedIn' },
      notYet: { input: z.object({}), output: z.object({}), access: 'signedIn' },
    });
    // @ts-expect-error notYet has no implementation
    expect(typeof handler(api, { done: async () => ({}) })).toBe('function');
  });

  it('never leaks a stack trace when an action fails unexpectedly', async () => {
    const api = defineApi('probe', { boom: { input: z.object({}), output: z.object({}), access: 'signedIn' } });
    const main = handler(api, {
      boom: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x') at /srv/core/x.ts:12");
      },
    });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await main({ action: 'boom', payload: {} }, { devOpenid: 'demo-admin' });
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('请稍后重试') } });
    expect(JSON.stringify(result)).not.toMatch(/x\.ts|TypeError|undefined/);
  });
});

describe('the log line of an unexpected failure', () => {
  it('names the request, action and error class but not the input the message quoted', async () => {
    const api = defineApi('probe', { boom: { input: z.object({}), output: z.object({}), access: 'signedIn' } });
    const main = handler(api, {
      boom: async () => {
        throw new Error('malformed EJSON: found: "王小明 430124199001011234"');
      },
    });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await main({ action: 'boom', payload: {}, requestId: 'req-probe-1' }, { devOpenid: 'demo-admin' });
    const logged = spy.mock.calls.map((args) => args.join(' ')).join('\n');
    spy.mockRestore();
    expect(logged).toContain('[probe.boom] req-probe-1 failed: Error: malformed EJSON');
    expect(logged).not.toMatch(/王小明|430124/);
  });

  it('does not quote a request id that is not an id', async () => {
    const api = defineApi('probe', { boom: { input: z.object({}), output: z.object({}), access: 'signedIn' } });
    const main = handler(api, {
      boom: async () => {
        throw new Error('boom');
      },
    });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const result: any = await main({ action: 'boom', payload: {}, requestId: '王小明 13812345678\n[fake] line' }, { devOpenid: 'demo-admin' });
    const logged = spy.mock.calls.map((args) => args.join(' ')).join('\n');
    spy.mockRestore();
    expect(logged).not.toMatch(/王小明|13812345678|\n/);
    expect(logged).toContain(`[probe.boom] ${result.error.details.requestId} failed`);
  });
});
