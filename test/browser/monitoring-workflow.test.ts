import type { Browser, Page } from 'playwright-core';
import { browserOnOwnHost, DESKTOP, PHONE, shot, signedIn } from './setup/browser';

/**
 * 识别纳入 (issue #16) as its people do it: demo-helper verifies a warning at home and it goes to
 * 村级评议, where the village admin cannot pass it before its 公示 has run 5 days; a seeded warning
 * whose 公示 has run is passed by the village admin, the town admin and the county admin, and its
 * household shows as 监测户 with the whole history.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('monitoring-workflow', (s) => ({ browser, url } = s));

const signIn = (openid: string, viewport = PHONE) => signedIn(browser, openid, viewport, { url });
const open = (page: Page, path: string) => page.goto(`${url}${path}`);
const warningPage = (id: string) => `/package-common/pages/warning/index?id=${id}`;
const head = (page: Page) => page.locator('.warning-head');

async function step(page: Page, button: string, note?: string) {
  if (note) await page.locator('.warning-form textarea').first().fill(note);
  await page.locator('.warning-form .bf-btn', { hasText: button }).click();
  await page.locator('.taro-modal__foot').getByText('确认').click();
}

describe('a warning from 入户核实 to 监测户', () => {
  it('demo-helper sees the warning on the home, verifies it, and it goes to 村级评议 with its 公示', async () => {
    const page = await signIn('demo-helper');
    await page.locator('.finding-tasks__title', { hasText: '监测预警' }).waitFor();
    await page.locator('.warning-row', { hasText: '待我核实' }).first().waitFor();
    await open(page, warningPage('warning-hh-000097'));
    await head(page).getByText('入户核实', { exact: true }).waitFor();
    await shot(page, 'monitoring-verify-phone');
    await step(page, '核实属实，提交村级评议', '入户核实：家庭收入情况属实');
    await head(page).getByText('村级评议', { exact: true }).waitFor();
    expect(await head(page).innerText()).toMatch(/公示自\d{4}年\d{1,2}月\d{1,2}日起/);
    await page.locator('.warning-history').getByText('入户核实：家庭收入情况属实').waitFor();
    // The helper's step is done: nothing more to take here.
    expect(await page.locator('.warning-form textarea').count()).toBe(0);
    await page.close();
  });

  it('the village admin cannot pass it to the town while its 公示 runs: the reason shows beside the button', async () => {
    const page = await signIn('demo-village-admin');
    await open(page, warningPage('warning-hh-000097'));
    await step(page, '评议通过，提交乡镇审核', '村民代表评议通过');
    await page.locator('.warning-form__error', { hasText: '公示期不少于 5 天' }).waitFor();
    expect(await page.locator('.warning-form textarea').first().inputValue()).toBe('村民代表评议通过');
    await page.close();
  });

  it('the village, town and county admins pass a warning whose 公示 has run; the household shows as 监测户 with its history', async () => {
    for (const [openid, button, next] of [
      ['demo-village-admin', '评议通过，提交乡镇审核', '乡镇审核'],
      ['demo-town-admin', '审核通过，提交县级确认', '县级确认'],
      ['demo-admin', '确认纳入监测', '已纳入监测'],
    ] as const) {
      const page = await signIn(openid, DESKTOP);
      await open(page, warningPage('warning-hh-000073'));
      await head(page).waitFor();
      await step(page, button, `${next}意见：同意`);
      await head(page).getByText(next, { exact: true }).waitFor();
      if (openid === 'demo-admin') await shot(page, 'monitoring-confirmed-desktop');
      await page.close();
    }
    const page = await signIn('demo-admin', DESKTOP);
    await open(page, warningPage('warning-hh-000073'));
    const history = await page.locator('.warning-history').innerText();
    for (const text of ['县级确认完成 → 已纳入监测', '乡镇审核完成 → 县级确认', '村级评议完成 → 乡镇审核', '周主任', '吴站长', '郑书记'])
      expect(history).toContain(text);
    await page.locator('.warning-form').getByText('查看户档案', { exact: true }).click();
    await page.waitForURL(/package-common\/pages\/household\/index/);
    await page.locator('.household-warning').getByText('监测户', { exact: false }).first().waitFor();
    expect(await page.locator('.household-warning').innerText()).toContain('脱贫不稳定户');
    await page.getByText('→ 监测户', { exact: false }).first().waitFor();
    await shot(page, 'monitoring-household-desktop');
    await page.close();
  });

  it('the board shows the overdue warning in red and the 公示名单 lists the running notice', async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await open(page, '/package-admin/pages/warnings/index');
    const overdue = page.locator('.warning-row--overdue').first();
    await overdue.waitFor();
    // Red means overdue everywhere (the Tag's `alert` status).
    expect(await overdue.locator('.bf-tag--danger', { hasText: '已逾期' }).count()).toBe(1);
    await shot(page, 'monitoring-board-desktop');
    await page.getByText('公示名单', { exact: true }).click();
    await page.waitForURL(/warning-notice/);
    await page.getByText('正在公示', { exact: false }).waitFor();
    await shot(page, 'monitoring-notice-desktop');
    await page.setViewportSize(PHONE);
    await open(page, '/package-admin/pages/warnings/index');
    await page.locator('.warning-row').first().waitFor();
    await shot(page, 'monitoring-board-phone');
    await page.close();
  });
});
