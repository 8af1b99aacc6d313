import type http from 'node:http';
import net from 'node:net';
import { freshDemoStore } from '../../support/store';
import { createHost, listen } from '../../../cloudfunctions/core/local/host';

let store: ReturnType<typeof freshDemoStore>;
let server: http.Server;
let url: string;
let port: number;

beforeAll(async () => {
  store = freshDemoStore();
  server = createHost('/nonexistent-h5-build');
  port = await listen(server, 0);
  url = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  server.close();
  store.close();
});

const post = (path: string, body: string, openid?: string) =>
  fetch(url + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) } });

describe('the local function host', () => {
  it('runs a function with the event as JSON body and the caller from x-dev-openid', async () => {
    const res = await post('/api/auth', JSON.stringify({ action: 'whoami', payload: {} }), 'demo-admin');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, data: { role: 'admin', name: '周主任' } });
  });

  it('treats a call without the header as anonymous', async () => {
    const res = await post('/api/reports', JSON.stringify({ action: 'dashboard', payload: {} }));
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers a body that is not JSON with INVALID_INPUT', async () => {
    const res = await post('/api/auth', '{"action":', 'demo-admin');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' } });
  });

  it('answers an unknown function with NOT_FOUND', async () => {
    const res = await post('/api/payroll', '{}', 'demo-admin');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists the demo accounts for the sign-in page', async () => {
    const body = await (await fetch(`${url}/api/dev/accounts`)).json();
    expect(body.data.items.map((a: any) => a.openid)).toEqual(
      expect.arrayContaining(['demo-admin', 'demo-town-admin', 'demo-helper', 'demo-doctor', 'demo-household']),
    );
  });

  it('says how to build the H5 client when it is missing', async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm start');
  });
});

/** Sends a raw request line, so the path reaches the host exactly as written (fetch would normalise it). */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let head = '';
    socket.on('data', (chunk) => (head += chunk.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('a path that is not valid percent-encoding', () => {
  it.each(['/%E0%A4%A', '/%', '/%ff', '/%ZZ', '/api/files/%c0%ae', '/api/files/%', '/some/page%E0'])('answers 400 to %s and keeps serving', async (path) => {
    expect(await rawGet(path)).toBe(400);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });
});
