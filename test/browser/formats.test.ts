import type { Browser, Page } from 'playwright-core';
import { baseUrl, DESKTOP, launch, shot, signedIn } from './setup/browser';

/**
 * Issue #13 item 16 (UX.md): dates read 2026年11月23日 or 11月23日 and amounts carry thousands
 * separators, on every role's pages, reasons included. Each page is scanned as rendered.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const ISO_DAY = /\d{4}-\d{2}-\d{2}/g;
/** 1000 元 or more written without a separator (6708 元, 12000.5元), not part of a longer number. */
const BARE_YUAN = /(?<![\d,.])\d{4,}(?:\.\d+)?\s*元/g;

/** Every ISO day and unseparated amount on the page, with a little of the text around it. */
async function offenders(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...text.matchAll(ISO_DAY), ...text.matchAll(BARE_YUAN)].map((m) => text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 10));
}

/** Opens each folded section (full reasons, policy history) so what they hold is scanned too. */
async function unfold(page: Page, selector: string): Promise<void> {
  const n = Math.min(await page.locator(selector).count(), 20);
  for (let i = 0; i < n; i++) await page.locator(selector).nth(i).click();
}

it('a household reads 我的政策 with Chinese dates and separated amounts', async () => {
  const page = await signedIn(browser, 'demo-household');
  await page.goto(`${baseUrl()}/package-household/pages/benefits/index`);
  await page
    .getByText(/您家可享受/)
    .first()
    .waitFor();
  await page
    .getByText(/年兑现记录/)
    .first()
    .waitFor();
  await unfold(page, '.bf-decision__more');
  await shot(page, 'formats-household-benefits');
  expect(await offenders(page)).toEqual([]);
  await page.context().close();
});

it("a helper reads their home, the record form and a household's timeline with Chinese dates and separated amounts", async () => {
  const page = await signedIn(browser, 'demo-helper');
  await page.locator('.due-row').first().waitFor();
  await page
    .getByText(/上次走访/)
    .first()
    .waitFor();
  await shot(page, 'formats-helper-home');
  expect(await offenders(page)).toEqual([]);
  await page.locator('.due-row').first().getByText('记走访').click();
  await page.getByText('走访类型').waitFor();
  await page.getByText(/走访日期：\d{4}年\d{1,2}月\d{1,2}日/).waitFor();
  expect(await offenders(page)).toEqual([]);
  await page.goto(`${baseUrl()}/package-common/pages/household/index?id=hh-000001`);
  await page.locator('.hh-section__item--timeline').first().waitFor();
  await shot(page, 'formats-household-timeline');
  expect(await offenders(page)).toEqual([]);
  await page.context().close();
});

it('an admin reads the policy catalogue and its history with Chinese dates and separated amounts', async () => {
  const page = await signedIn(browser, 'demo-admin', DESKTOP);
  await page.goto(`${baseUrl()}/package-admin/pages/policies/index`);
  await page.getByText('农村最低生活保障').waitFor();
  await unfold(page, '.pol__more');
  await page.locator('.pol__history').first().waitFor();
  await shot(page, 'formats-admin-policies');
  expect(await offenders(page)).toEqual([]);
  await page.context().close();
});

it('the scan itself finds an ISO day and an unseparated amount', () => {
  expect('于 2026-11-23 设置，6708 元'.match(ISO_DAY)).toEqual(['2026-11-23']);
  expect('6708 元 · 6,708 元 · 999 元 · 12000.5元'.match(BARE_YUAN)).toEqual(['6708 元', '12000.5元']);
});
