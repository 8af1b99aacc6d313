import type { Browser, Page } from 'playwright-core';
import { DESKTOP, shot, signedIn, browserOnOwnHost } from './setup/browser';

/**
 * Issue 13, items 12 and 14: the 政策目录 refuses implausible values with the range, asks before
 * replacing a pending value of the same date, and shows the editor to county admins only. Its own
 * host: saving changes the catalogue.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('policies', (s) => ({ browser, url } = s));

async function openDibao(openid: string): Promise<Page> {
  const page = await signedIn(browser, openid, DESKTOP, { url });
  await page.goto(`${url}/package-admin/pages/policies/index`);
  await page.getByText('农村最低生活保障').waitFor();
  await page
    .getByText(/查看(历史与调整参数|参数历史)/)
    .first()
    .click();
  await page.getByText('参数历史', { exact: true }).waitFor();
  return page;
}

async function save(page: Page, from: string, standard: string) {
  await page.locator('input[name="from-dibao"]').fill(from);
  await page.locator('input[name="param-dibao-standard"]').fill(standard);
  await page.getByText('保存新参数').click();
}

describe('政策目录 · 低保标准 (demo-admin, county)', () => {
  it('refuses a standard of 540,000 with the plausible range, and keeps what was typed', async () => {
    const page = await openDibao('demo-admin');
    await save(page, '2027-01-01', '540000');
    await page.getByText('低保标准应在 1,000–20,000 元/人·年之间，填写的是 540,000').waitFor();
    expect(await page.locator('input[name="param-dibao-standard"]').inputValue()).toBe('540000');
    await shot(page, 'policies-range');
  });

  it('shows the pending value of a date already set and asks before replacing it', async () => {
    const page = await openDibao('demo-admin');
    await save(page, '2027-01-01', '6000');
    await page
      .getByText(/自2027年1月1日起：低保标准（元\/人\/年） 6,000/)
      .first()
      .waitFor();
    // Every household's 应享未享 is re-evaluated after a change; the admin sees it finish.
    await page.getByText(/应享未享已按新参数重新测算：\d[\d,]* 户/).waitFor();

    await save(page, '2027-01-01', '6100');
    await page.getByText('该日期已有待执行的参数：低保标准（元/人/年） 6,000').waitFor();
    await page.getByText('替换待执行的参数？').waitFor();
    await shot(page, 'policies-replace-ask');
    await page.getByText('不替换', { exact: true }).click();
    expect(await page.getByText(/自2027年1月1日起：低保标准（元\/人\/年） 6,100/).count()).toBe(0);

    await page.getByText('保存新参数').click();
    await page.getByText('替换', { exact: true }).last().click();
    await page
      .getByText(/自2027年1月1日起：低保标准（元\/人\/年） 6,100/)
      .first()
      .waitFor();
    expect(await page.getByText(/自2027年1月1日起：低保标准（元\/人\/年） 6,000/).count()).toBe(0);
  });
});

describe.each(['demo-town-admin', 'demo-village-admin'])('政策目录 (%s)', (openid) => {
  it('shows the parameters read-only with who sets them, and no form to fill in', async () => {
    const page = await openDibao(openid);
    await page.getByText('政策参数由县扶贫办统一设置，如需调整请联系县扶贫办。').waitFor();
    expect(await page.locator('input[name="from-dibao"]').count()).toBe(0);
    expect(await page.getByText('保存新参数').count()).toBe(0);
    await shot(page, `policies-readonly-${openid}`);
  });
});
