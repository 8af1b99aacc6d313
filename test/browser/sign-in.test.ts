import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, PHONE, DESKTOP, shot } from './setup/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function newPage(viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  return context.newPage();
}

/** Opens the app as a new user would: the root URL, then the demo account chosen by its description. */
async function signInFromList(page: Page, description: string) {
  await page.goto(baseUrl() + '/');
  await page.getByText('帮扶通 · 本地演示').waitFor();
  await page.getByText(description).click();
}

describe("signing in as each demo account lands on that role's home", () => {
  it('demo-admin sees the county workbench with 300 households and the tab bar', async () => {
    const page = await newPage(DESKTOP);
    await signInFromList(page, '县级管理员：全县户籍、结对、通报');
    await page.getByText('建档户数').waitFor();
    await page.getByText('青禾县').first().waitFor();
    expect(await page.locator('.admin__stats .bf-stat', { hasText: '建档户数' }).innerText()).toMatch(/300\s*户/);
    await shot(page, 'admin-home');
    await page.getByText('我的', { exact: true }).last().click();
    await page.getByText('周主任').first().waitFor();
    await shot(page, 'admin-me');
    await page.context().close();
  });

  it('demo-town-admin sees only their town', async () => {
    const page = await newPage(DESKTOP);
    await signInFromList(page, '乡镇管理员：只管本乡镇');
    await page.getByText('建档户数').waitFor();
    await page.getByText('青禾镇').first().waitFor();
    expect(await page.locator('.admin__stats .bf-stat', { hasText: '建档户数' }).innerText()).toMatch(/100\s*户/);
    await page.context().close();
  });

  it('demo-helper sees their paired households', async () => {
    const page = await newPage();
    await signInFromList(page, '帮扶干部：结对多户，按月走访');
    await page.getByText(/本月已走访/).waitFor();
    expect(await page.getByText(/ 户$/).count()).toBeGreaterThanOrEqual(5);
    await shot(page, 'helper-home');
    await page.context().close();
  });

  it('demo-doctor sees the households paired for health', async () => {
    const page = await newPage();
    await signInFromList(page, '家庭医生：健康帮扶');
    await page.getByText(/本月已走访/).waitFor();
    await page.getByText('健康帮扶').first().waitFor();
    await page.context().close();
  });

  it('demo-household sees its own household and village', async () => {
    const page = await newPage();
    await signInFromList(page, '帮扶户：查看政策、上报需求');
    await page.getByText('我的家庭').waitFor();
    await page.getByText('上坪村').first().waitFor();
    await shot(page, 'household-home');
    await page.context().close();
  });

  it('an unknown WeChat user is asked to bind a household', async () => {
    const page = await newPage();
    await page.goto(baseUrl() + '/');
    await page.getByText('帮扶通 · 本地演示').waitFor();
    await page.getByRole('textbox', { name: '输入任意 openid' }).fill('wx-new-user');
    await page.getByText('以此 openid 进入').click();
    await page.getByText('身份证号后 6 位').first().waitFor();
    await shot(page, 'bind');
    await page.context().close();
  });

  it('a returning user goes straight to their home, and signing out returns to the account list', async () => {
    const page = await newPage();
    await signInFromList(page, '帮扶干部：结对多户，按月走访');
    await page.getByText(/本月已走访/).waitFor();
    await page.goto(baseUrl() + '/');
    await page.getByText(/本月已走访/).waitFor();
    await page.getByText('我的', { exact: true }).last().click();
    await page.getByText('退出登录').click();
    const confirm = page.getByText('确定', { exact: true });
    if (await confirm.count()) await confirm.last().click();
    await page.getByText('帮扶通 · 本地演示').waitFor();
    await page.context().close();
  });
});
