import type { Browser } from 'playwright-core';
import { DESKTOP, shot, signedIn, browserOnOwnHost } from './setup/browser';

/**
 * Issue 13, item 3: after 编辑户信息 the household page shows the decisions of the saved household,
 * not those it had when first opened. Its own host: the edit changes the seed's household.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('benefits-edit', (s) => ({ browser, url } = s));

describe('编辑户信息 → 收入 6,000 → 保存 (demo-admin)', () => {
  it('shows the new per-capita income in the header and in the benefits section without a reload', async () => {
    const page = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    await page.goto(`${url}/package-common/pages/household/index?id=hh-000001`);
    await page.getByText(/该户可享受/).waitFor();
    expect(await page.locator('.bf-benefits-section').innerText()).not.toContain('家庭年人均收入 1,500 元');

    await page.getByText('编辑户信息').click();
    await page.locator('input[name="income"]').fill('6000');
    await page.getByText('保存', { exact: true }).click();
    await page.getByText('6,000 元').first().waitFor();
    await page
      .locator('.bf-benefits-section')
      .getByText(/家庭年人均收入 1,500 元，低于/)
      .first()
      .waitFor();
    await shot(page, 'household-benefits-after-edit');
    await page.context().close();
  });
});
