import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, shot, signedIn, browserOnOwnHost } from './setup/browser';

/**
 * Issue #13 items 15, 16 and 19 as a person sees them: an adjustment with photographed evidence
 * that says who made it; one name per policy, counts that say what they count, and colours that
 * mean one thing (measured on the rendered page); select lists on a desk, the picker on a phone.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('admin-desk', (s) => ({ browser, url } = s));

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const GREEN = 'rgb(7, 193, 96)';
const RED = 'rgb(238, 10, 36)';
const ORANGE = 'rgb(255, 151, 106)';

const api = (page: Page, openid: string, fn: string, action: string, payload: unknown) =>
  page.evaluate(
    async ([o, f, a, p]) => {
      const res = await fetch(`/api/${f}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': o },
        body: JSON.stringify({ action: a, payload: p }),
      });
      return (await res.json()).data;
    },
    [openid, fn, action, payload] as const,
  );

/** Background colour of each tag whose text is `text`. */
const tagColours = (page: Page, text: string) =>
  page.locator('.bf-tag', { hasText: text }).evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));

describe('动态调整 with evidence photos (item 15)', () => {
  it('takes a photo as evidence, and the status history shows it with the name of the admin who made the change', async () => {
    const page = await signedIn(browser, 'demo-town-admin', DESKTOP, { url });
    const { items } = await api(page, 'demo-town-admin', 'households', 'list', { status: 'monitored', limit: 1 });
    await page.goto(`${url}/package-common/pages/household/index?id=${items[0]._id}`);
    await page.getByText('动态调整', { exact: true }).click();
    await page.getByText('风险消除', { exact: true }).click();
    await page.locator('.adjust__card').getByText('一般农户', { exact: true }).click();
    await page.locator('textarea[name="reason"], .adjust__reason textarea').first().fill('大病报销后收入恢复，经村民代表评议通过');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('＋ 佐证照片').click()]);
    await chooser.setFiles({ name: 'minutes.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.adjust-photos__img').waitFor();
    await shot(page, 'admin-adjust-evidence');
    await page.getByText('确认调整').click();
    await page.getByText(/风险消除：.+ → 一般农户/).waitFor();
    await page.getByText(/调整人：吴站长 · \d{4}年\d{1,2}月\d{1,2}日录入/).waitFor();
    const photo = page.locator('.hh-photos__img img, img.hh-photos__img').first();
    await photo.waitFor();
    expect(await photo.getAttribute('src')).toMatch(/^\/api\/files\/local-[0-9a-f-]{36}\.png$/);
    await page.waitForFunction(() => {
      const i = document.querySelector('.hh-photos__img img, img.hh-photos__img') as HTMLImageElement | null;
      return !!i && i.complete && i.naturalWidth > 0;
    });
    await shot(page, 'admin-adjust-history');
    await page.context().close();
  });
});

describe('names, counts and colours (item 16)', () => {
  it.each([
    ['phone', PHONE],
    ['desk', DESKTOP],
  ] as const)('我的政策 (%s): one name per policy, counts in 项政策 / 人次, green only for received and red for 待落实', async (label, viewport) => {
    const page = await signedIn(browser, 'demo-household', viewport, { url });
    await page.getByText('我的政策', { exact: true }).last().click();
    await page.getByText(/可享受的政策（/).waitFor();
    await page.getByText('点击展开，查看每项不适用的原因').click();
    const text = await page.locator('.bf-benefits').innerText();
    expect(text).not.toMatch(/高龄老人补贴|高龄补贴|(?<!学前至)义务教育免费|特困供养(?!人员)/);
    expect(text).toContain('经济困难老年人补贴');
    expect(text).toContain('学前至义务教育免费');
    const entitled = Number(/可享受的政策（(\d+) 项政策/.exec(text)?.[1]);
    const none = Number(/不适用的政策（(\d+) 项政策/.exec(text)?.[1]);
    expect(entitled + none).toBe(16);
    expect(text).toMatch(/待落实（\d+ 项政策(，共 \d+ 人次)?）/);

    const received = await tagColours(page, '已到账');
    expect(received.length).toBeGreaterThan(0);
    expect(new Set(received)).toEqual(new Set([GREEN]));
    const gaps = await tagColours(page, '待落实');
    expect(gaps.length).toBeGreaterThan(0);
    expect(new Set(gaps)).toEqual(new Set([RED]));
    expect(new Set(await tagColours(page, '不适用'))).not.toContain(GREEN);
    // An entitled amount is green only next to 已到账.
    const amounts = await page.locator('.bf-decision').evaluateAll((els) =>
      els.map((e) => ({
        tag: e.querySelector('.bf-tag')?.textContent ?? '',
        colour: (e.querySelector('.bf-decision__amount') as HTMLElement | null) ? getComputedStyle(e.querySelector('.bf-decision__amount')!).color : null,
      })),
    );
    for (const a of amounts.filter((x) => x.colour === GREEN)) expect(a.tag).toBe('已到账');
    await shot(page, `admin-desk-benefits-${label}`);
    await page.context().close();
  });

  it("the admin lists show a household's status without green or red, and name policies as the household page does", async () => {
    const page = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    await page.goto(`${url}/package-admin/pages/households/index`);
    await page.getByText(/共 [\d,]+ 户/).waitFor();
    const colours = await page.locator('.bf-table .bf-tag').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(colours.length).toBeGreaterThan(5);
    expect(colours.filter((c) => c === GREEN || c === RED)).toEqual([]);
    expect(colours).toContain(ORANGE);
    await shot(page, 'admin-desk-households-colours');
    await page.goto(`${url}/package-admin/pages/policies/index`);
    await page.getByText('经济困难老年人补贴', { exact: true }).waitFor();
    await page.getByText('学前至义务教育免费', { exact: true }).waitFor();
    await page.context().close();
  });
});

describe('desk controls (item 19)', () => {
  it('on a 1280 px screen the households filter is a select list and the list a table; choosing a village filters it and a row opens the household', async () => {
    const page = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    await page.goto(`${url}/package-admin/pages/households/index`);
    const village = page.locator('select[name="villageId"]');
    await village.waitFor();
    expect(await page.locator('.weui-picker').count()).toBe(0);
    const name = (await village.locator('option').nth(1).innerText()).split(' · ')[1];
    await village.selectOption({ index: 1 });
    // The list is a table on a desk: a header row, one row a household, the village in its own column.
    expect(await page.locator('.bf-table th').allInnerTexts()).toEqual(['户主', '户编号', '所在村', '人口', '户类型']);
    await page.waitForFunction((n) => {
      const villages = Array.from(document.querySelectorAll('.bf-table tbody tr td:nth-child(3)')).map((e) => e.textContent ?? '');
      return villages.length > 0 && villages.every((v) => v === n);
    }, name);
    await page.locator('select[name="cause"]').selectOption({ label: '因病' });
    await page.getByText(/共 [\d,]+ 户/).waitFor();
    await shot(page, 'admin-desk-households-select');
    const first = page.locator('.bf-table tbody tr').first();
    const head = await first.locator('td').first().innerText();
    await first.click();
    await page.locator('.hh-header__name', { hasText: head }).waitFor();
    await page.context().close();
  });

  it('on a 1280 px screen pairing and benefit records are tables too, amounts right-aligned with separators', async () => {
    const page = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    await page.goto(`${url}/package-admin/pages/pairing/index`);
    await page.locator('.bf-table tbody tr').first().waitFor();
    expect(await page.locator('.bf-table th').allInnerTexts()).toEqual(['帮扶责任人', '类别', '单位', '结对户', '主帮扶', '健康帮扶', '教育帮扶']);
    await shot(page, 'admin-desk-pairing-table');
    await page.goto(`${url}/package-admin/pages/benefit-records/index`);
    await page.locator('.bf-table tbody tr').first().waitFor();
    expect(await page.locator('.bf-table th').allInnerTexts()).toEqual(['户主', '政策', '成员', '发放期间', '发放日期', '金额']);
    const amount = page.locator('.bf-table tbody tr td:nth-child(6)').filter({ hasText: /元/ }).first();
    expect(await amount.innerText()).toMatch(/^[\d,]+ 元$/);
    expect(await amount.evaluate((e) => getComputedStyle(e).textAlign)).toBe('right');
    expect(await page.locator('.bf-table tbody tr td:nth-child(5)').first().innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await shot(page, 'admin-desk-records-table');
    await page.context().close();
  });

  it('on a 375 px phone the same filter is the picker and the list its cells, with no select list or table', async () => {
    const page = await signedIn(browser, 'demo-admin', PHONE, { url });
    await page.goto(`${url}/package-admin/pages/households/index`);
    const trigger = page.locator('.hh-filters__picker', { hasText: '全部村 ▾' });
    await trigger.waitFor();
    expect(await page.locator('select').count()).toBe(0);
    await page.locator('.bf-cell, .van-cell').first().waitFor();
    expect(await page.locator('table').count()).toBe(0);
    await trigger.click();
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).waitFor();
    await shot(page, 'admin-desk-households-phone-picker');
    await page.context().close();
  });
});
