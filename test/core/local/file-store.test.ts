import type http from 'node:http';
import { freshDemoStore } from '../../support/store';
import { createHost, listen } from '../../../cloudfunctions/core/local/host';

let store: ReturnType<typeof freshDemoStore>;
let server: http.Server;
let url: string;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  store = freshDemoStore();
  process.env.BANGFU_DATA_DIR = store.dir;
  server = createHost('/nonexistent-h5-build');
  url = `http://127.0.0.1:${await listen(server, 0)}`;
});
afterAll(() => {
  delete process.env.BANGFU_DATA_DIR;
  server.close();
  store.close();
});

const upload = (body: Buffer, type: string, openid?: string) =>
  fetch(`${url}/api/files`, { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': type, ...(openid ? { 'x-dev-openid': openid } : {}) } });

describe('the local file store (photos)', () => {
  it('stores an image from a signed-in account and serves the same bytes back', async () => {
    const res = await upload(PNG, 'image/png', 'demo-helper');
    const body = (await res.json()) as { ok: boolean; data: { fileId: string } };
    expect(body.ok).toBe(true);
    const back = await fetch(`${url}/api/files/${body.data.fileId}`);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await back.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses an upload without a known account, and a file that is not an image', async () => {
    expect((await upload(PNG, 'image/png')).status).toBe(401);
    expect((await upload(PNG, 'image/png', 'not-a-user')).status).toBe(401);
    expect((await upload(Buffer.from('<script>'), 'text/html', 'demo-helper')).status).toBe(400);
  });

  it('answers 404 for unknown or path-like ids', async () => {
    expect((await fetch(`${url}/api/files/local-00000000-0000-0000-0000-000000000000.png`)).status).toBe(404);
    expect((await fetch(`${url}/api/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});
