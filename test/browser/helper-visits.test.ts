import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { browserOnOwnHost, PHONE, shot } from './setup/browser';

/**
 * Issue 13, items 7 and 9 (the helper's side): a doctor with many households finds one by name
 * and by tag, opens it, records a visit from its page with the browser's location, and the visit
 * then shows everything recorded. Its own host: the visits and the need change the seed.
 */
jest.setTimeout(180_000);

let browser: Browser;
let url = '';
browserOnOwnHost('helper-visits', (s) => ({ browser, url } = s));

/** A 1×1 PNG: enough for the upload path to store and serve a real image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** A courtyard in a Guizhou village, as the phone's GPS reads it (WGS-84). */
const GPS = { latitude: 26.58, longitude: 106.71, accuracy: 12 };

async function api(fn: string, action: string, payload: unknown, openid: string) {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  const body = (await res.json()) as { ok: boolean; data: any; error?: { message: string } };
  if (!body.ok) throw new Error(body.error!.message);
  return body.data;
}

/** The list filters as one types: wait until it shows `n` rows (fails after 10 s with the last count). */
async function rowsBecome(rows: Locator, n: number) {
  let count = -1;
  for (let i = 0; i < 50 && count !== n; i++) {
    count = await rows.count();
    if (count !== n) await new Promise((r) => setTimeout(r, 200));
  }
  expect(count).toBe(n);
}

async function doctorPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', geolocation: GPS, permissions: ['geolocation'] });
  const page = await context.newPage();
  await page.goto(`${url}/pages/login/index?openid=demo-doctor`);
  await page.locator('.helper__count').waitFor();
  return { context, page };
}

describe('a doctor with many households (demo-doctor)', () => {
  it('finds a household by name, village and tag on the list', async () => {
    const due = await api('visits', 'listDue', {}, 'demo-doctor');
    const { headName, villageName } = due.items.find((i: any) => i.householdId === 'hh-000001');
    const { context, page } = await doctorPhone();
    const rows = page.locator('.due-row');
    expect(await rows.count()).toBe(due.items.length);

    await page.getByRole('searchbox', { name: '搜索户主姓名或村名' }).fill(headName);
    await page
      .locator('.due-row', { hasText: `${headName} 户` })
      .first()
      .waitFor();
    const byName = due.items.filter((i: any) => i.headName.includes(headName) || i.villageName.includes(headName));
    await rowsBecome(rows, byName.length);

    await page.getByRole('searchbox', { name: '搜索户主姓名或村名' }).fill(villageName);
    await rowsBecome(rows, due.items.filter((i: any) => i.villageName.includes(villageName)).length);
    await page.getByRole('searchbox', { name: '搜索户主姓名或村名' }).fill('');

    const overdue = due.items.filter((i: any) => !i.visitedThisMonth && i.status === 'overdue').length;
    await page.locator('.bf-chips__chip', { hasText: `逾期 ${overdue}` }).click();
    await rowsBecome(rows, overdue);
    expect(await page.locator('.due-row', { hasNotText: '逾期' }).count()).toBe(0);
    await shot(page, 'helper-list-filter-overdue');

    await page.getByRole('searchbox', { name: '搜索户主姓名或村名' }).fill('没有这个人');
    await page.getByText('没有符合条件的帮扶户').waitFor();
    await page.getByText('清除筛选').click();
    await rowsBecome(rows, due.items.length);
    await context.close();
  });

  it('records a visit from the household page with location, checklist and a photo, and sees all of it afterwards', async () => {
    const need = `家中老人需要轮椅 ${randomUUID().slice(0, 6)}`;
    await api('needs', 'report', { id: randomUUID(), category: 'other', description: need }, 'demo-household');
    const { headName } = (await api('visits', 'listDue', {}, 'demo-doctor')).items.find((i: any) => i.householdId === 'hh-000001');
    const { context, page } = await doctorPhone();
    await page.getByRole('searchbox', { name: '搜索户主姓名或村名' }).fill(headName);
    await page
      .locator('.due-row__title', { hasText: `${headName} 户` })
      .first()
      .click();

    // The household page: its needs, its visits, and the helper's one action at the bottom.
    await page.locator('.hh-section__title', { hasText: '需求' }).waitFor();
    await page.locator('.need-card__desc', { hasText: need }).waitFor();
    await page.locator('.hh-section__title', { hasText: '走访记录' }).waitFor();
    await page.locator('.household-detail__record').getByText('记录走访').click();

    await page.getByText('走访类型').waitFor();
    expect(await page.locator('.record__head').innerText()).toContain(headName);
    const marker = `详情-${Date.now()}`;
    await page.locator('textarea').first().fill(`${marker} 血压偏高，已嘱按时服药`);
    await page.locator('.chips__chip', { hasText: '测量血压血糖' }).click();
    await page.getByText('记录走访位置（可选）').click();
    await page.getByText('已记录位置（精度约 12 米）', { exact: false }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('＋ 照片').click();
    await (await chooser).setFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.photos__img').first().waitFor();
    await shot(page, 'helper-record-with-location');
    await page.getByText('保存走访').click();
    await page.getByText('走访已保存').first().waitFor();

    // Back on the household page: the visit as recorded.
    const item = page.locator('.hh-visit', { hasText: marker });
    await item.waitFor({ timeout: 30000 });
    const doctor = await api('auth', 'whoami', {}, 'demo-doctor');
    await item.getByText(`走访人：${doctor.name}`).waitFor();
    await item.getByText('服务清单：测量血压血糖').waitFor();
    await item.getByText('已定位 · 约 12 米').waitFor();
    await item.locator('.need-photos__img').first().waitFor();
    await item.scrollIntoViewIfNeeded();
    await shot(page, 'household-visit-details');

    // The fix's accuracy reaches the list, never its coordinates.
    const stored = (await api('visits', 'listByHousehold', { householdId: 'hh-000001', limit: 100 }, 'demo-doctor')).items.find((v: any) =>
      v.notes.startsWith(marker),
    );
    expect(stored.location).toEqual({ accuracy: 12 });
    expect(stored.photos).toHaveLength(1);
    // The household sees its visit without where it was recorded.
    const own = (await api('visits', 'listByHousehold', { householdId: 'hh-000001', limit: 100 }, 'demo-household')).items.find(
      (v: any) => v._id === stored._id,
    );
    expect(own.location).toBeUndefined();
    await context.close();
  });
});
