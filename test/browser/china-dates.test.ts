import type { Browser } from 'playwright-core';
import { baseUrl, DESKTOP, launch, shot } from './setup/browser';

/**
 * Issue #13 item 4: a desk browser set to UTC at 18:30 on 1 December, which is 02:30 on 2
 * December in China. The day it offers is China's, as the county office reads it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

it('at 02:30 China time on 2 December, in a UTC browser, a status adjustment takes effect on 2026年12月2日', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'UTC' });
  const page = await context.newPage();
  await page.clock.install({ time: new Date('2026-12-01T18:30:00Z') });
  await page.goto(`${baseUrl()}/pages/login/index?openid=demo-town-admin`);
  await page.locator('.bf-tabbar').waitFor();
  await page.goto(`${baseUrl()}/package-admin/pages/adjust/index?id=hh-000001`);
  // On a desk the day is the browser's date field, with the day as Bangfu writes it beside it.
  const day = page.locator('input[name="effectiveOn"]');
  await day.waitFor();
  await shot(page, 'china-dates-adjust');
  expect(await day.inputValue()).toBe('2026-12-02');
  expect(await day.getAttribute('max')).toBe('2026-12-02');
  expect(await page.locator('.bf-select__display').innerText()).toBe('2026年12月2日');
  await context.close();
});
