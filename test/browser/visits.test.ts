import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, PHONE, shot } from './setup/browser';
import { freePort, startHost } from './setup/host';

/** A 1×1 PNG: enough for the upload path to store and serve a real image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function api(url: string, fn: string, action: string, payload: unknown, openid = 'demo-helper') {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  const body = (await res.json()) as { ok: boolean; data: any; error?: { message: string } };
  if (!body.ok) throw new Error(body.error!.message);
  return body.data;
}

async function visitsWith(url: string, householdId: string, marker: string): Promise<any[]> {
  const list = await api(url, 'visits', 'listByHousehold', { householdId, limit: 100 });
  return list.items.filter((v: any) => String(v.notes).startsWith(marker));
}

async function openHome(page: Page, url: string, openid = 'demo-helper') {
  await page.goto(`${url}/pages/login/index?openid=${openid}`);
  await page.locator('.helper__count').waitFor();
}

/** From the home list: 记走访 on the named household, type the notes, save, and wait for the toast. */
async function recordFromHome(page: Page, headName: string, notes: string, toast: RegExp, photo = false) {
  await page
    .locator('.due-row', { hasText: `${headName} 户` })
    .first()
    .getByText('记走访')
    .click();
  await page.getByText('走访类型').waitFor();
  await page.locator('.record__notes textarea, textarea').first().fill(notes);
  if (photo) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('＋ 照片').click();
    await (await chooser).setFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.photos__img').first().waitFor();
  }
  await page.getByText('保存走访').click();
  await page.getByText(toast).first().waitFor();
  await page.locator('.helper__count').waitFor();
}

describe("a helper's visits arrive exactly once, online or offline", () => {
  it('records one visit with a photo online and two offline, which arrive after a reload when the network returns', async () => {
    const url = baseUrl();
    const due = await api(url, 'visits', 'listDue', {});
    const { householdId, headName } = due.items[0];
    const marker = `E2E-${Date.now()}`;
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await openHome(page, url);
    await shot(page, 'visits-helper-home');
    await recordFromHome(page, headName, `${marker} 在线`, /走访已保存/, true);

    await context.setOffline(true);
    await recordFromHome(page, headName, `${marker} 离线一`, /联网后自动同步/);
    await recordFromHome(page, headName, `${marker} 离线二`, /联网后自动同步/);
    await page.getByText('待同步 2 条', { exact: false }).waitFor();
    await shot(page, 'visits-offline-pending');
    expect(await visitsWith(url, householdId, marker)).toHaveLength(1);

    // Reload as the app restarting with the cloud still unreachable: the queue survives in storage.
    await page.route('**/api/visits', (r) => r.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await page.getByText(/待同步 2 条/).waitFor();
    await page.unroute('**/api/visits');
    await context.setOffline(true);
    await context.setOffline(false);
    await page.locator('.sync-strip').waitFor({ state: 'detached', timeout: 30000 });

    const arrived = await visitsWith(url, householdId, marker);
    expect(arrived).toHaveLength(3);
    const withPhoto = arrived.find((v) => v.notes.endsWith('在线'));
    expect(withPhoto.photos).toHaveLength(1);
    expect((await fetch(`${url}/api/files/${withPhoto.photos[0]}`)).status).toBe(200);
    await context.close();
  });

  it('records a visit with plan progress offline as one queue item, which brings the progress with it', async () => {
    const url = baseUrl();
    const { householdId, headName } = (await api(url, 'visits', 'listDue', {})).items[0];
    const marker = `ONE-${Date.now()}`;
    const title = `养鸡 ${marker.slice(-5)}`;
    const measureId = randomUUID();
    await api(url, 'visits', 'saveMeasure', { householdId, id: measureId, category: 'industry', title, target: '' });
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await openHome(page, url);
    await page
      .locator('.due-row', { hasText: `${headName} 户` })
      .first()
      .getByText('记走访')
      .click();
    await page.locator('.chips__chip', { hasText: title }).click();
    await page
      .locator('.bf-field', { hasText: `${title} 进度%` })
      .locator('input')
      .fill('60');
    await page.locator('.record__notes textarea, textarea').first().fill(`${marker} 有进度`);
    await shot(page, 'visits-record-progress');

    await context.setOffline(true);
    await page.getByText('保存走访').click();
    await page
      .getByText(/联网后自动同步/)
      .first()
      .waitFor();
    await page.getByText('待同步 1 条', { exact: false }).waitFor();
    const queued = await page.evaluate(() => {
      const read = (key: string) => JSON.parse(localStorage.getItem(key) ?? 'null')?.data;
      const index: string[] = read('bf.oq.index') ?? [];
      return index.map((id) => JSON.parse(read(`bf.oq.item.${id}`)));
    });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ fn: 'visits', action: 'record', payload: { measureIds: [measureId], progress: [{ measureId, progress: 60 }] } });

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.locator('.sync-strip').waitFor({ state: 'detached', timeout: 30000 });
    const [visit] = await visitsWith(url, householdId, marker);
    const plan = await api(url, 'visits', 'getPlan', { householdId });
    expect(plan.measures.find((m: any) => m.id === measureId)).toMatchObject({ progress: 60, history: [{ visitId: visit._id }] });
    expect(visit.measures).toEqual([title]);
    await context.close();
  });

  it('opens a household from the list with its plan and timeline, where a helper adds a measure', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await openHome(page, baseUrl());
    await page.locator('.due-row__title').first().click();
    await page.getByText('帮扶动态').waitFor();
    await page.locator('.hh-section__when').first().waitFor();
    await page.getByRole('textbox', { name: '如：发展养殖、介绍务工' }).fill('发展林下养鸡');
    await page.getByText('添加措施', { exact: true }).last().click();
    await page.locator('.hh-section__name', { hasText: '发展林下养鸡' }).waitFor();
    await shot(page, 'visits-household-plan-timeline');
    await context.close();
  });

  it('shows a doctor the monthly service checklist', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await openHome(page, baseUrl(), 'demo-doctor');
    await page.locator('.due-row').first().getByText('记走访').click();
    await page.getByText('家庭医生每月服务清单').waitFor();
    await page.getByText('测量血压血糖').waitFor();
    await page.waitForTimeout(500); // let the page's slide-in transition finish before the screenshot
    await shot(page, 'visits-doctor-checklist');
    await context.close();
  });
});

/** Our own host (one node process, so SIGKILL really kills it) on a fixed port and data folder. */
const startOwnHost = async (port: number, dataDir: string): Promise<ChildProcess> => (await startHost(dataDir, port)).child;

describe('killing the host in the middle of a sync', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-visit-kill-'));
  let host: ChildProcess | null = null;
  afterAll(() => {
    host?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing and duplicates nothing, however often the host dies', async () => {
    const port = await freePort();
    const url = `http://localhost:${port}`;
    host = await startOwnHost(port, dataDir);
    const { householdId, headName } = (await api(url, 'visits', 'listDue', {})).items[0];
    const marker = `KILL-${Date.now()}`;
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await openHome(page, url);
    // Load the record page's code once while online, as a helper who used the app before would have it.
    await page.locator('.due-row').first().getByText('记走访').click();
    await page.getByText('走访类型').waitFor();
    await page.goBack();
    await page.locator('.helper__count').waitFor();
    await context.setOffline(true);
    const total = 6;
    for (let i = 1; i <= total; i++) await recordFromHome(page, headName, `${marker} #${i}`, /联网后自动同步/);
    await page.getByText(`待同步 ${total} 条`).waitFor();

    let kills = 0;
    // Each send takes a while, so the kills land while the queue is still draining.
    await page.route('**/api/visits', async (r) => {
      await new Promise((res) => setTimeout(res, 200));
      await r.continue().catch(() => undefined);
    });
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    while (kills < 4 && (await page.locator('.sync-strip').count()) > 0) {
      await new Promise((r) => setTimeout(r, 150 + kills * 100));
      host.kill('SIGKILL');
      kills += 1;
      await new Promise((r) => host!.once('exit', r));
      host = await startOwnHost(port, dataDir);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
    }
    await page.locator('.sync-strip').waitFor({ state: 'detached', timeout: 60000 });

    const arrived = await visitsWith(url, householdId, marker);
    expect(kills).toBeGreaterThan(0);
    expect(arrived.map((v) => v.notes).sort()).toEqual(Array.from({ length: total }, (_, i) => `${marker} #${i + 1}`).sort());
    await context.close();
  });
});
