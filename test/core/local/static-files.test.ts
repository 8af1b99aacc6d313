import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveStatic } from '../../../cloudfunctions/core/local/static-files';

let root = '';
let server: http.Server;
let url = '';
beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'bangfu-static-'));
  mkdirSync(path.join(root, 'js'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(path.join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(path.join(root, 'js', 'app.1234abcd.js'), 'console.info(1)');
  server = http.createServer((req, res) => serveStatic(root, decodeURIComponent((req.url ?? '/').split('?')[0]), res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the local host serves the H5 app shell so it opens offline', () => {
  it('serves the service worker at the root as JavaScript, checked on every load so a new build replaces it', async () => {
    const res = await fetch(`${url}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('lets hashed scripts be cached and answers any page route with index.html', async () => {
    expect((await fetch(`${url}/js/app.1234abcd.js`)).headers.get('cache-control')).toMatch(/max-age/);
    const page = await fetch(`${url}/package-helper/pages/record/index?householdId=hh-1`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });
});
