import type { Browser } from 'playwright-core';
import { browserOnOwnHost, PHONE, shot, signedIn } from './setup/browser';

/**
 * 数据维护 on 我的: a county admin rebuilds the derived data with one button that keeps going,
 * step by step, until it says it is done; admins of a town never see it.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('maintenance', (s) => ({ browser, url } = s));

describe('数据维护 on 我的', () => {
  it('the county admin rebuilds the summaries and reads what was put right', async () => {
    const admin = await signedIn(browser, 'demo-admin', PHONE, { url });
    await admin.goto(`${url}/pages/me/index`);
    const group = admin.locator('.bf-page');
    await group.locator('text=汇总数据为最新版本').waitFor();
    await group.locator('text=重建汇总数据').click();
    await group.locator('text=/已完成：\\d+ 户/').waitFor();
    await group.locator('text=汇总数据与原始记录一致，无需更正').waitFor();
    await shot(admin, 'maintenance-rebuilt');
    await admin.context().close();
  });

  it('a town admin has no such control', async () => {
    const town = await signedIn(browser, 'demo-town-admin', PHONE, { url });
    await town.goto(`${url}/pages/me/index`);
    await town.locator('text=大字模式').waitFor();
    expect(await town.locator('text=数据维护').count()).toBe(0);
    await town.context().close();
  });
});
