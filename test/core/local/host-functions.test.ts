import { localHostForFile } from '../../support/host';

const host = localHostForFile();

/** FUNCTIONS is a plain object: a lookup by name must not find what every object inherits. */
describe('a function name that is a member of every object', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'])(
    'POST /api/%s answers 404',
    async (name) => {
      const res = await fetch(`${host.url()}/api/${name}`, {
        method: 'POST',
        body: JSON.stringify({ action: 'whoami' }),
        headers: { 'x-dev-openid': 'demo-admin' },
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `没有名为「${name}」的云函数` } });
    },
  );
});
