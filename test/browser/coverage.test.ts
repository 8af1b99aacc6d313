/** 走访覆盖 as a county admin sees it: on the workbench, then by town, village, unit and helper, any month, and who is overdue. */
import type { Browser } from 'playwright-core';
import { baseUrl, DESKTOP, launch, PHONE, shot, signedIn } from './setup/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const signIn = (openid: string, viewport = DESKTOP) => signedIn(browser, openid, viewport);

const numbers = (text: string) => (text.match(/[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, '')));

describe('走访覆盖 (demo-admin)', () => {
  it("shows this month's coverage on the workbench, then every town, village, unit and helper, and the overdue households", async () => {
    const page = await signIn('demo-admin');
    const card = page.locator('.bf-card', { hasText: '本月走访覆盖' });
    await card.getByText(/已走访 [\d,]+ \/ [\d,]+ 户/).waitFor();
    const [visited, paired] = numbers(await card.getByText(/已走访 [\d,]+ \/ [\d,]+ 户/).innerText());
    expect(paired).toBe(300);
    // Early on the 1st of a month nobody has been visited yet: zero is a right answer then.
    expect(visited).toBeLessThan(paired);
    // The demo county's three towns, each with its share.
    expect(await card.locator('.coverage-bars__row').count()).toBe(3);
    await shot(page, 'coverage-admin-home');

    await card.getByText('按村、单位、帮扶人查看与逾期名单').click();
    await page.getByText('按乡镇（覆盖率低的在前）').waitFor();
    const month = await page.locator('.coverage__month').innerText();
    expect(month).toMatch(/^\d{4}年\d{1,2}月$/);
    // The same totals as the workbench, and the overdue households listed with their helper.
    expect(numbers(await page.locator('.coverage__summary .bf-stat').first().innerText()).slice(0, 2)).toEqual([visited, paired]);
    const overdue = numbers(await page.locator('.coverage__summary .bf-stat').nth(1).innerText())[0];
    expect(overdue).toBeGreaterThan(0);
    expect(await page.locator('.coverage__overdue').count()).toBe(Math.min(overdue, 200));
    await page
      .locator('.coverage__overdue')
      .first()
      .getByText(/主帮扶人 /)
      .waitFor();

    // The workbench (hidden in the page stack) has a 按村 card too: click this page's tab.
    await page.locator('.coverage__tab', { hasText: /^按村$/ }).click();
    await page.getByText('按村（覆盖率低的在前）').waitFor();
    // Lowest rate first, each village with its town.
    // The workbench stays in the page stack (hidden): count within this page's card.
    const rows = page.locator('.bf-card', { hasText: '按村（覆盖率低的在前）' }).locator('.coverage-bars__row');
    const rates = (await rows.locator('.coverage-bars__pct').allInnerTexts()).map((t) => Number(t.replace('%', '')));
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(await rows.first().locator('.coverage-bars__note').innerText()).toMatch(/镇|乡/);
    await page.locator('.coverage__tab', { hasText: /^按帮扶人$/ }).click();
    await page.getByText(/再显示 \d+ 项/).waitFor();
    const helpers = page.locator('.bf-card', { hasText: '按帮扶人（覆盖率低的在前）' }).locator('.coverage-bars__row');
    const before = await helpers.count();
    await page.getByText(/再显示 \d+ 项/).click();
    await helpers.nth(before).waitFor();
    await shot(page, 'coverage-admin-page');

    // Last month: its own numbers, and 下月 leads back.
    await page.getByText('上月', { exact: true }).click();
    await page.locator('.coverage__month', { hasNotText: month }).waitFor();
    await page.getByText('按帮扶人（覆盖率低的在前）').waitFor();
    await page.getByText('下月', { exact: true }).click();
    await page.locator('.coverage__month', { hasText: month }).waitFor();
    await page.getByText('按帮扶人（覆盖率低的在前）').waitFor();

    // An overdue household opens on its page.
    const first = page.locator('.coverage__overdue').first();
    const name = (await first.locator('.coverage__overdue-name').innerText()).replace(/户$/, '');
    await first.click();
    // The coverage page stays in the H5 page stack (hidden) with the same name on it: wait for a shown one.
    await page.getByText(name).filter({ visible: true }).first().waitFor();
  });

  it('fits a phone as well', async () => {
    const page = await signIn('demo-admin', PHONE);
    await page.goto(`${baseUrl()}/package-admin/pages/coverage/index`);
    await page.locator('.coverage__overdue').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'coverage-admin-phone');
  });
});

describe('走访覆盖 with a hand-edited link', () => {
  it('shows this month when the month in the link is not a month', async () => {
    const page = await signIn('demo-admin', PHONE);
    await page.goto(`${baseUrl()}/package-admin/pages/coverage/index?month=2026-13`);
    await page.getByText('按乡镇（覆盖率低的在前）').waitFor();
    expect(await page.locator('.coverage__month').innerText()).toMatch(/^\d{4}年\d{1,2}月$/);
  });
});
