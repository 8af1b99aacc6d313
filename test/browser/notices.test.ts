import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, PHONE, DESKTOP, shot, signedIn } from './setup/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const TITLE = '青禾镇帮扶责任人周五例会';

const signIn = (openid: string, viewport = PHONE) => signedIn(browser, openid, viewport);

/** H5 pages slide in when opened: let the transition finish before a screenshot. */
async function still(page: Page, name: string) {
  await page.waitForTimeout(600);
  await shot(page, name);
}

const tab = (page: Page, label: string) => page.locator('.bf-tabbar__item', { hasText: label });
const badge = (page: Page) => tab(page, '通知').locator('.bf-tabbar__badge');

describe('a notice to the helpers of one town, from writing it to chasing who has not read it', () => {
  it('demo-admin writes it for helpers of 青禾镇 with 已知悉 required, and publishes', async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await tab(page, '通知').click();
    await page.getByText('写通知', { exact: true }).first().click();
    await page.locator('.nc__chip', { hasText: '青禾镇' }).first().waitFor();
    await page.getByRole('textbox', { name: '例如：关于开展本月入户走访的通知' }).fill(TITLE);
    await page.locator('.nc__body textarea').fill('请各位帮扶责任人**周五下午 3 点**到镇政府三楼参会。\n\n- 带上本月走访台账\n- 不能参加的请提前请假');
    await page.locator('.nc__chip', { hasText: /^青禾镇$/ }).click();
    await still(page, 'notice-compose');
    await page.locator('.nc__actions').getByText('发布', { exact: true }).click();
    await page.locator('.nd__title', { hasText: TITLE }).waitFor();
    expect(await page.locator('.nb__bold').first().innerText()).toBe('周五下午 3 点');
    await page.getByText('复制纯文字版').waitFor();
    await still(page, 'notice-detail-admin');
    await page.context().close();
  });

  it('demo-helper sees the badge, opens it, and acknowledges with one tap', async () => {
    const page = await signIn('demo-helper');
    await badge(page).waitFor();
    const before = Number(await badge(page).innerText());
    expect(before).toBeGreaterThanOrEqual(1);
    await tab(page, '通知').click();
    const row = page.locator('.nl__row', { hasText: TITLE });
    await row.waitFor();
    expect(await row.locator('.nl__dot').count()).toBe(1);
    await still(page, 'notice-list-helper');
    await row.click();
    await page.locator('.nd__title', { hasText: TITLE }).waitFor();
    expect(await page.locator('.nb__item').count()).toBe(2);
    await still(page, 'notice-detail-helper');
    await page.locator('.nd__ack').getByText('已知悉').click();
    await page.getByText('您已确认“已知悉”').waitFor();
    await page.goBack();
    await page.locator('.nl__row', { hasText: TITLE }).waitFor();
    await page.waitForFunction((n) => {
      const b = document.querySelector('.bf-tabbar__item:nth-last-child(2) .bf-tabbar__badge');
      return (b ? Number(b.textContent) : 0) === n - 1;
    }, before);
    await page.context().close();
  });

  it('a household outside the audience does not see it', async () => {
    const page = await signIn('demo-household');
    await tab(page, '通知').click();
    await page.locator('.nl__row').first().waitFor();
    expect(await page.locator('.nl__row', { hasText: TITLE }).count()).toBe(0);
    await still(page, 'notice-list-household');
    await page.context().close();
  });

  it("the admin's stats show 1 read, 1 acknowledged and who has not read; the reminder lands in the outbox", async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await tab(page, '通知').click();
    await page.getByText('辖区发布的').click();
    await page.locator('.nl__row', { hasText: TITLE }).click();
    await page.locator('.ns__num', { hasText: '已读' }).waitFor();
    expect(await page.locator('.ns__num', { hasText: '已读' }).locator('.ns__num-value').innerText()).toBe('1');
    expect(await page.locator('.ns__num', { hasText: '已知悉' }).locator('.ns__num-value').innerText()).toBe('1');
    expect(await page.locator('.ns__num', { hasText: '应读人数' }).locator('.ns__num-value').innerText()).toBe('10');
    expect(await page.locator('.ns__person').count()).toBe(9);
    await still(page, 'notice-stats');
    await page.getByText('一键提醒未读的 9 人').click();
    await page.getByText(/已提醒：\d+ 人发送消息，\d+ 人未订阅/).waitFor();
    await page.locator('.ns__actions').getByText('消息发送记录').click();
    await page.locator('.no__row', { hasText: '未读提醒' }).first().waitFor();
    expect(await page.locator('.no__row', { hasText: `未读提醒：${TITLE.slice(0, 19)}` }).count()).toBe(9);
    await still(page, 'notice-outbox');
    await page.context().close();
  });
});

describe('drafts, link opens and revoking', () => {
  const DRAFT = '年底慰问安排';

  it('the admin saves a draft, finds it under 辖区发布的, edits and publishes it', async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await page.goto(`${baseUrl()}/package-admin/pages/notice-compose/index`);
    await page.getByRole('textbox', { name: '例如：关于开展本月入户走访的通知' }).fill(DRAFT);
    await page.locator('.nc__body textarea').fill('请提前准备慰问名单。');
    await page.getByText('保存草稿').click();
    await page.getByText('编辑草稿').waitFor();
    await page.goto(`${baseUrl()}/package-notices/pages/list/index`);
    await page.getByText('辖区发布的').click();
    const row = page.locator('.nl__row', { hasText: DRAFT });
    await row.getByText('草稿', { exact: true }).waitFor();
    await row.click();
    const title = page.getByRole('textbox', { name: '例如：关于开展本月入户走访的通知' });
    await page.waitForFunction((t) => (document.querySelector('input[name="title"]') as HTMLInputElement | null)?.value === t, DRAFT);
    await title.fill(`${DRAFT}（定稿）`);
    await page.locator('.nc__actions').getByText('发布', { exact: true }).click();
    await page.locator('.nd__title', { hasText: '（定稿）' }).waitFor();
    await page.context().close();
  });

  it('a helper opening the shared link is counted as a link open', async () => {
    const admin = await signIn('demo-admin', DESKTOP);
    await admin.goto(`${baseUrl()}/package-notices/pages/list/index`);
    await admin.getByText('辖区发布的').click();
    await admin.locator('.nl__row', { hasText: '（定稿）' }).click();
    await admin.getByText('查看通知 / 分享').click();
    const link = await admin.locator('.share__link').innerText();
    expect(link).toContain('from=link');
    const helper = await signIn('demo-doctor');
    await helper.goto(link);
    await helper.locator('.nd__title', { hasText: '（定稿）' }).waitFor();
    await admin.goBack();
    await admin.getByText(/链接打开 1 次 · 1 人/).waitFor();
    await helper.context().close();
    await admin.context().close();
  });

  it("revoking keeps the notice in the helper's list, marked as withdrawn", async () => {
    const admin = await signIn('demo-admin', DESKTOP);
    await admin.goto(`${baseUrl()}/package-notices/pages/list/index`);
    await admin.getByText('辖区发布的').click();
    await admin.locator('.nl__row', { hasText: '（定稿）' }).click();
    await admin.locator('.ns__actions').getByText('撤回').click();
    await admin.getByText('确定', { exact: true }).last().click();
    await admin.locator('.ns__revoked').waitFor();
    await admin.context().close();
    const helper = await signIn('demo-helper');
    await tab(helper, '通知').click();
    const row = helper.locator('.nl__row', { hasText: '（定稿）' });
    await row.getByText('已撤回').waitFor();
    await row.click();
    await helper.getByText(/此通知已于 .* 撤回/).waitFor();
    expect(await helper.locator('.nd__ack').count()).toBe(0);
    await still(helper, 'notice-revoked-helper');
    await helper.context().close();
  });
});
