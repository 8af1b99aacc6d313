import type { Browser } from 'playwright-core';
import { baseUrl, launch, PHONE, DESKTOP, shot, signedIn } from './setup/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const signIn = (openid: string, viewport = PHONE) => signedIn(browser, openid, viewport);

/** A 1×1 PNG, enough to go through picking, the local file store and the timeline. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const DESCRIPTION = `老人在家摔倒，腿动不了 ${Date.now().toString(36)}`;
let needUrl = '';

describe('an emergency goes from the household to its helper and back', () => {
  it('demo-household reports an emergency with a callback number and sees who handles it and the countdown', async () => {
    const page = await signIn('demo-household');
    await page.locator('.bf-tabbar').getByText('求助', { exact: true }).click();
    await page.locator('.my-needs__title').waitFor();
    await shot(page, 'needs-household-list');
    await page.getByText('我要求助', { exact: true }).click();
    await page.getByText('遇到了什么困难？').waitFor();
    const tiles = page.locator('.tile');
    expect(await tiles.count()).toBe(6);
    expect(await tiles.first().innerText()).toContain('急难求助');
    await page.getByText('提交求助', { exact: true }).click();
    await page.getByText('请先选一类困难').waitFor();
    await tiles.first().click();
    await page.locator('textarea').first().fill(DESCRIPTION);
    await page.locator('input[name="callbackPhone"]').fill('13800001111');
    await shot(page, 'needs-report');
    await page.getByText('提交急难求助').click();
    await page.locator('.need-summary__clock').waitFor();
    await page.getByText(/距受理时限还剩 2[34] 小时/).waitFor();
    const handler = page.locator('.need-summary__row', { hasText: '办理人：' });
    expect(await handler.innerText()).toMatch(/办理人：[^待]\S+/);
    await page.getByText(/联系帮扶人/).waitFor();
    needUrl = page.url();
    expect(needUrl).toContain('/package-household/pages/need/index?id=');
    await shot(page, 'needs-household-status');
    await page.context().close();
  });

  it('demo-helper sees it at the top (after any overdue ones), accepts; a stale second copy gets a clear conflict', async () => {
    const helper = await signIn('demo-helper');
    await helper.locator('.bf-tabbar').getByText('需求', { exact: true }).click();
    await helper.locator('.helper-needs__title').waitFor();
    const cards = helper.locator('.need-card');
    await cards.first().waitFor();
    const texts = await cards.allInnerTexts();
    const mine = texts.findIndex((t) => t.includes(DESCRIPTION));
    expect(mine).toBeGreaterThanOrEqual(0);
    const classes = await cards.evaluateAll((els) => els.map((e) => e.className));
    expect(classes.slice(0, mine).every((c) => c.includes('need-card--overdue'))).toBe(true);
    expect(texts[mine]).toContain('急难求助');
    await shot(helper, 'needs-helper-list');
    await cards.nth(mine).click();
    await helper.getByText('拨打回拨电话').waitFor();
    await helper.getByText('回拨电话：13800001111').waitFor();

    const stale = await signIn('demo-village-admin', DESKTOP);
    await stale.goto(baseUrl() + helper.url().replace(/^.*\/package-helper\/pages\/need\//, '/package-admin/pages/need/'));
    await stale.getByText('受理', { exact: true }).waitFor();

    await helper.getByText('受理', { exact: true }).click();
    await helper.locator('.bf-card').getByText('已受理').waitFor();

    await stale.getByText('受理', { exact: true }).click();
    await stale.getByText('这条需求刚被其他人更新过，已为您显示最新状态，请确认后再操作').waitFor();
    await stale.locator('.bf-card').getByText('已受理').waitFor();
    await shot(stale, 'needs-stale-conflict');
    await stale.context().close();

    await helper.locator('textarea').fill('已送县医院，申请临时救助 3000 元');
    const [chooser] = await Promise.all([helper.waitForEvent('filechooser'), helper.getByText('＋ 佐证照片').click()]);
    await chooser.setFiles({ name: 'evidence.png', mimeType: 'image/png', buffer: PNG });
    await helper.locator('.need-evidence .need-photos__img').waitFor();
    await helper.getByText('办结', { exact: true }).click();
    await helper.locator('.bf-card').getByText('已办结').waitFor();
    await helper.getByText('已送县医院，申请临时救助 3000 元').waitFor();
    await helper.locator('.need-timeline .need-photos__img').waitFor();
    await shot(helper, 'needs-helper-resolved');
    await helper.context().close();
  });

  it('the household confirms and rates the resolution', async () => {
    const page = await signIn('demo-household');
    await page.goto(needUrl);
    await page.getByText('问题解决了吗？请确认并打分').waitFor();
    await page.getByText('确认解决并评价').click();
    await page.getByText('请点星星打分，1 到 5 星').waitFor();
    await page.locator('.rate__star').nth(4).click();
    await page.getByText('非常满意').waitFor();
    await page.getByText('确认解决并评价').click();
    await page.locator('.bf-card').getByText('已确认').waitFor();
    await page.getByText('评价：★★★★★').waitFor();
    await shot(page, 'needs-household-rated');
    await page.context().close();
  });

  it('the village admin oversees needs in the village: figures, filters, overdue first in red', async () => {
    const page = await signIn('demo-village-admin', DESKTOP);
    await page.locator('.bf-tabbar').getByText('需求', { exact: true }).click();
    await page.locator('.admin-needs__title').waitFor();
    await page.getByText('平均受理用时').waitFor();
    await page.locator('.need-card').first().waitFor();
    await shot(page, 'needs-admin');
    await page.locator('.filters__chip', { hasText: '急难求助' }).click();
    await page.getByText(DESCRIPTION).waitFor();
    const categories = await page.locator('.need-card').allInnerTexts();
    expect(categories.every((t) => t.includes('急难求助'))).toBe(true);
    await page.locator('.filters__chip', { hasText: '已超时' }).click();
    await page.getByText(DESCRIPTION).waitFor({ state: 'detached' });
    await page.context().close();
  });
});

describe('escalation', () => {
  it('the needs oversight page loads without a page error or a console error', async () => {
    const page = await signIn('demo-village-admin', DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.locator('.bf-tabbar').getByText('需求', { exact: true }).click();
    await page.locator('.need-card').first().waitFor();
    await page.getByText('办理时限').waitFor();
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the county admin sees overdue needs first, in red, with how far they have been escalated', async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await page.goto(baseUrl() + '/package-admin/pages/needs/index');
    await page.locator('.need-card').first().waitFor();
    const overdue = page.locator('.needs-stats__value--red');
    expect(await overdue.count()).toBe(1);
    const n = Number((await overdue.innerText()).replace(/\D/g, ''));
    expect(n).toBeGreaterThan(0);
    const classes = await page.locator('.need-card').evaluateAll((els) => els.map((e) => e.className));
    expect(classes.slice(0, Math.min(n, classes.length)).every((c) => c.includes('need-card--overdue'))).toBe(true);
    expect(await page.locator('.need-card').first().innerText()).toMatch(/已超时/);
    expect(await page.locator('.need-card').first().innerText()).toMatch(/已提醒村管理员督办|已升级至乡镇督办/);
    await shot(page, 'needs-admin-county');
    await page.context().close();
  });
});

describe('提请协调, 转派 and 督办', () => {
  it('the helper escalates a need they cannot solve; the admin sees why, reassigns it and urges; the history shows each step', async () => {
    const household = await signIn('demo-household');
    await household.locator('.bf-tabbar').getByText('求助', { exact: true }).click();
    await household.getByText('我要求助', { exact: true }).click();
    await household.locator('.tile', { hasText: '住房安全' }).click();
    const description = `屋顶漏雨需要修缮 ${Date.now().toString(36)}`;
    await household.locator('textarea').first().fill(description);
    await household.getByText('提交求助', { exact: true }).click();
    await household.locator('.need-summary__clock').waitFor();
    const needPath = household.url().replace(/^.*\/package-household\/pages\/need\//, '');
    await household.context().close();

    const helper = await signIn('demo-helper');
    await helper.goto(`${baseUrl()}/package-helper/pages/need/${needPath}`);
    await helper.getByText(description).waitFor();
    await helper.getByText('提请协调', { exact: true }).click();
    await helper.getByText('确认提请协调').click();
    await helper.locator('.need-step__error', { hasText: '请写明为什么需要协调' }).waitFor();
    const reason = `需要住建部门鉴定 ${Date.now().toString(36)}`;
    await helper.locator('.need-step textarea').fill(reason);
    await helper.getByText('确认提请协调').click();
    await helper.getByText('确定', { exact: true }).last().click();
    await helper.locator('.need-timeline__title', { hasText: '提请协调' }).waitFor();
    await helper.locator('.need-timeline__note', { hasText: reason }).waitFor();
    await shot(helper, 'needs-helper-escalated');

    const admin = await signIn('demo-admin', DESKTOP);
    await admin.goto(baseUrl() + '/package-admin/pages/needs/index');
    await admin.locator('.filters__chip', { hasText: '提请协调' }).click();
    await admin.locator('.need-card', { hasText: reason }).locator('.need-card__escalation', { hasText: '帮扶人提请协调' }).waitFor();
    await admin.goto(baseUrl() + helper.url().replace(/^.*\/package-helper\/pages\/need\//, '/package-admin/pages/need/'));
    await admin.getByText(reason).first().waitFor();
    await admin.getByText('转派', { exact: true }).click();
    await admin.getByText('确认转派').click();
    await admin.locator('.need-step__error', { hasText: '请选择转派给哪位帮扶人' }).waitFor();
    const choice = admin.locator('.need-step__choice').first();
    const name = (await choice.innerText()).replace(/（.*$/, '');
    await choice.click();
    await admin.getByText('确认转派').click();
    await admin.getByText('确定', { exact: true }).last().click();
    await admin.locator('.need-timeline__note', { hasText: `转派给 ${name}` }).waitFor();
    await admin.getByText('督办', { exact: true }).click();
    await admin.locator('.need-step textarea').fill('请本周内办结');
    await admin.getByText('确认督办').click();
    await admin.getByText('确定', { exact: true }).last().click();
    await admin.locator('.need-timeline__title', { hasText: '督办' }).waitFor();
    await admin.locator('.need-timeline__note', { hasText: '请本周内办结' }).waitFor();
    await shot(admin, 'needs-admin-reassigned');
    await admin.context().close();
    await helper.context().close();
  });
});

describe('reporting without signal', () => {
  it('keeps the report on the phone while offline and sends it once the network is back', async () => {
    const page = await signIn('demo-household');
    await page.locator('.need-entry').waitFor();
    await page.locator('.bf-tabbar').getByText('求助', { exact: true }).click();
    await page.locator('.my-needs__title').waitFor();
    await page.getByText('我要求助', { exact: true }).click();
    await page.getByText('遇到了什么困难？').waitFor();
    await page.locator('.tile', { hasText: '住房安全' }).click();
    const text = `没信号时上报：屋顶漏雨 ${Date.now().toString(36)}`;
    await page.locator('textarea').first().fill(text);
    await page.context().setOffline(true);
    await page.getByText('提交求助', { exact: true }).click();
    await page.getByText('有 1 条求助还在手机上，联网后会自动发送').waitFor();
    await shot(page, 'needs-offline-queued');
    expect(await page.locator('.need-card', { hasText: text }).count()).toBe(0);
    await page.context().setOffline(false);
    await page.locator('.need-card', { hasText: text }).waitFor();
    await page.getByText('有 1 条求助还在手机上，联网后会自动发送').waitFor({ state: 'detached' });
    expect(await page.locator('.need-card', { hasText: text }).count()).toBe(1);
    await page.context().close();
  });
});
