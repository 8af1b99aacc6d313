import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, PHONE, shot } from './setup/browser';
import { startHost, type Host } from './setup/host';

/**
 * Issue 13, item 6: offline, a page never opened online failed silently (its chunk could not
 * load), and a reload without signal did not open the app at all. After one online start the
 * app shell is kept (H5 service worker): the helper reloads with the host unreachable, opens
 * 记录走访 for the first time, saves, and the visit arrives once the network is back.
 */
jest.setTimeout(180_000);

let browser: Browser;
let host: Host | null = null;
let dataDir = '';
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-offline-start-'));
  host = await startHost(dataDir);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  host?.child.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

async function stopHost(): Promise<void> {
  const child = host!.child;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function visitsWith(url: string, householdId: string, marker: string): Promise<unknown[]> {
  const res = await fetch(`${url}/api/visits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': 'demo-helper' },
    body: JSON.stringify({ action: 'listByHousehold', payload: { householdId, limit: 100 } }),
  });
  const body = (await res.json()) as { data: { items: Array<{ notes: string }> } };
  return body.data.items.filter((v) => v.notes.startsWith(marker));
}

describe('a helper starting the app without signal (demo-helper, H5)', () => {
  it('starts offline at the launcher into the kept list, records a first visit on a never-opened page, and it syncs once online', async () => {
    const { url, port } = host!;
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${url}/pages/login/index?openid=demo-helper`);
    await page.locator('.helper__count').waitFor();
    // The worker took the page over: the shell (every page's scripts) is kept.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, {
      timeout: 30000,
    });
    const headName = (await page.locator('.due-row__title').first().innerText()).replace(/ 户$/, '');

    // No signal and no server: nothing can come from the network now.
    await stopHost();
    await context.setOffline(true);
    // A cold start: the app opened at its launcher, which finds who this is without the server.
    await page.goto(url);
    await page.locator('.helper__offline').waitFor();
    await page
      .locator('.due-row', { hasText: `${headName} 户` })
      .first()
      .waitFor();
    await shot(page, 'offline-start-helper-home');

    // 记录走访 was never opened online: its chunk comes from the kept shell.
    await page
      .locator('.due-row', { hasText: `${headName} 户` })
      .first()
      .getByText('记走访')
      .click();
    await page.getByText('走访类型').waitFor();
    const marker = `冷启动-${Date.now()}`;
    await page.locator('textarea').first().fill(`${marker} 离线记录`);
    await page.getByText('保存走访').click();
    await page
      .getByText(/联网后自动同步/)
      .first()
      .waitFor();
    await page.getByText('待同步 1 条', { exact: false }).waitFor();
    await shot(page, 'offline-start-queued');

    host = await startHost(dataDir, port);
    const householdId = await page.evaluate(() => {
      const read = (key: string) => JSON.parse(localStorage.getItem(key) ?? 'null')?.data;
      const [id] = (read('bf.oq.index') ?? []) as string[];
      return JSON.parse(read(`bf.oq.item.${id}`)).payload.householdId as string;
    });
    expect(await visitsWith(url, householdId, marker)).toHaveLength(0);
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.locator('.sync-strip').waitFor({ state: 'detached', timeout: 30000 });
    expect(await visitsWith(url, householdId, marker)).toHaveLength(1);
    await page.locator('.helper__offline').waitFor({ state: 'detached', timeout: 30000 });
    await context.close();
  });

  it('says plainly what to do when a page was never kept (offline before the shell was saved)', async () => {
    // `block`: as on the very first visit, before the worker has kept anything.
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${host!.url}/pages/login/index?openid=demo-helper`);
    await page.locator('.helper__count').waitFor();
    await context.setOffline(true);
    await page.locator('.due-row').first().getByText('记走访').click();
    await page.getByText('这个页面还没有保存到手机上', { exact: false }).waitFor();
    await shot(page, 'offline-page-not-kept');
    await context.close();
  });
});
