import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { baseUrl, DESKTOP, launch, shot, signedIn } from './setup/browser';
import { startHost } from './setup/host';

/** Issue 13, item 19: an unknown path, an unbound user on the household home, the reassign picker. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('an unknown path', () => {
  it("shows 页面不存在 with a way home that lands on the role's home", async () => {
    const page = await signedIn(browser, 'demo-household');
    await page.goto(`${baseUrl()}/package-household/pages/no-such-page/index`);
    await page.getByText('页面不存在', { exact: true }).last().waitFor();
    await shot(page, 'not-found');
    await page.getByText('返回首页', { exact: true }).click();
    await page.locator('.bf-tabbar').waitFor();
    expect(page.url()).toContain('/package-household/pages/home/index');
  });
});

describe('the household home for a WeChat user who has not bound a household', () => {
  it('offers 去绑定, which opens the bind page', async () => {
    const page = await signedIn(browser, 'wx-not-bound-13', undefined, { home: false });
    // Signed in once the bind page shows (an unbound user lands there); going elsewhere earlier races the sign-in.
    await page.getByText('绑定您的家庭').waitFor();
    await page.goto(`${baseUrl()}/package-household/pages/home/index`);
    await page.getByText(/还没有绑定家庭/).waitFor();
    await shot(page, 'household-home-unbound');
    await page.getByText('去绑定', { exact: true }).click();
    await page.waitForURL(/\/pages\/bind\/index/);
  });
});

describe("调整帮扶人 on a helper's page (demo-admin)", () => {
  let host: ChildProcess;
  let dataDir: string;
  let url = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-reassign-'));
    ({ url, child: host } = await startHost(dataDir));
  });
  afterAll(() => {
    host?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the receiver picker on the least loaded helper who can take the households over, not the busiest', async () => {
    const page = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    const api = (fn: string, action: string, payload: unknown) =>
      page.evaluate(
        async ([f, a, p]) => {
          const res = await fetch(`/api/${f}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-dev-openid': 'demo-admin' },
            body: JSON.stringify({ action: a, payload: p }),
          });
          return (await res.json()).data;
        },
        [fn, action, payload] as const,
      );
    type Helper = { _id: string; name: string; total: number; townId: string; helperKind: string | null };
    const primary = (h: Helper) => !['doctor', 'teacher'].includes(h.helperKind ?? '');
    const all = ((await api('assignments', 'listHelpers', {})) as { items: Helper[] }).items.filter(primary);
    const town = all.filter((h) => h.townId === all[0].townId && h.total > 3);
    expect(town.length).toBeGreaterThanOrEqual(3);
    // Make sure the loads differ: three of the first helper's households go to the second.
    const [light, busy, from] = town;
    const moved = ((await api('assignments', 'listByHelper', { helperId: light._id })) as { items: Array<{ _id: string }> }).items
      .slice(0, 3)
      .map((p) => p._id);
    await api('assignments', 'reassign', { pairingIds: moved, toHelperId: busy._id });

    const after = ((await api('assignments', 'listHelpers', {})) as { items: Helper[] }).items.filter(
      (h) => primary(h) && h.townId === from.townId && h._id !== from._id,
    );
    const least = Math.min(...after.map((h) => h.total));
    expect(least).toBeLessThan(Math.max(...after.map((h) => h.total)));

    await page.goto(`${url}/package-admin/pages/helper/index?id=${from._id}&name=${encodeURIComponent(from.name)}`);
    // On a desk the receiver is a select list, opened on the least loaded helper.
    const target = page.locator('select[name="target"]');
    await page.getByText(/的结对户/).waitFor();
    await target.waitFor();
    expect(await target.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toMatch(new RegExp(`^\\S+（${least} 户）$`));
    await shot(page, 'reassign-picker');
  });
});
