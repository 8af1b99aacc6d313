import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, PHONE, DESKTOP, shot, signedIn } from './setup/browser';
import { startHost } from './setup/host';

/**
 * Issue 3 as a new admin, helper and household would try it: import the shipped sample sheet (with
 * its bad rows), confirm, find a household, reveal an ID number, edit a member, exit a household,
 * move a helper's households, and bind a WeChat account to a household. One flow: each step
 * builds on the one before, on the host's fresh demo county.
 */
let browser: Browser;
let host: ChildProcess;
let dataDir: string;
let url = '';
const baseUrl = () => url;

/**
 * This flow imports households and moves pairings: it gets its own host and demo county, so the
 * other browser tests (which count households and the demo helper's pairings) see the seed as is.
 */
async function startOwnHost() {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-registry-'));
  ({ url, child: host } = await startHost(dataDir));
}

beforeAll(async () => {
  await startOwnHost();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  host?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const SAMPLE = path.resolve(__dirname, '../fixtures/registry-sample.xlsx');

const signIn = (openid: string, viewport = DESKTOP) => signedIn(browser, openid, viewport, { home: false, url });
const input = (page: Page, name: string) => page.locator(`input[name="${name}"], textarea[name="${name}"]`).first();

async function openHousehold(page: Page, q: string) {
  await page.goto(`${baseUrl()}/package-admin/pages/households/index`);
  await page.locator('.hh-filters__input input').fill(q);
  await page.getByText('搜索', { exact: true }).click();
  await page.getByText(/共 1 户/).waitFor();
  await page.getByText(`${q} 户`).click();
  await page.locator('.hh-header__name', { hasText: `${q} 户` }).waitFor();
}

describe('registry, pairing and binding in the browser', () => {
  it('an admin imports the sample sheet: sees each bad row, confirms, and finds the new households', async () => {
    const page = await signIn('demo-town-admin');
    await page.getByText('建档户数').waitFor();
    await page.getByText('户籍', { exact: true }).click();
    await page.getByText('共 100 户').waitFor();
    await shot(page, 'registry-list');
    await page.getByText('导入', { exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('选择 Excel 表格（.xlsx）').click();
    await (await chooser).setFiles(SAMPLE);
    await page.getByText('3 户可以导入').waitFor();
    for (const [row, text] of [
      ['第 8 行', '校验位'],
      ['第 9 行', '月亮村'],
      ['第 10 行', '重复'],
      ['第 11 行', '手机号'],
      ['第 12 行', '没有户主'],
    ]) {
      expect(await page.locator('.import__row', { hasText: row }).innerText()).toContain(text);
    }
    await shot(page, 'registry-import-errors');
    await page.getByText('确认导入 3 户').click();
    await page.locator('.import__big', { hasText: '已导入 3 户' }).waitFor();
    await page.getByText('查看户籍台账').click();
    await page.getByText('共 103 户').waitFor();
    const download = page.waitForEvent('download');
    await page.getByText('导出', { exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(/^户籍台账-.*\.xlsx$/);
    await page.context().close();
  });

  it('an admin finds the imported households without a primary helper and pairs one', async () => {
    const page = await signIn('demo-town-admin');
    await page.getByText('建档户数').waitFor();
    await page.goto(`${baseUrl()}/package-admin/pages/pairing/index`);
    await page.getByText('无主帮扶人的户').click();
    await page.getByText('共 3 户没有主帮扶人').waitFor();
    await page.getByText('林国栋 户').click();
    await page.getByText('为 林国栋 户安排主帮扶人').waitFor();
    await page.locator('.bf-cell, .van-cell', { hasText: '已结对' }).first().click();
    await page.getByText('确定', { exact: true }).last().click();
    await page.goto(`${baseUrl()}/package-admin/pages/pairing/index`);
    await page.getByText('无主帮扶人的户').click();
    await page.getByText('共 2 户没有主帮扶人').waitFor();
    await page.context().close();
  });

  it('an admin sees masked ID numbers, reveals one, and edits a member', async () => {
    const page = await signIn('demo-town-admin');
    await page.getByText('建档户数').waitFor();
    await openHousehold(page, '林国栋');
    const lin = page.locator('.hh-member', { hasText: '林国栋' });
    expect(await lin.innerText()).toMatch(/990\*{13}\d[\dX]/);
    await lin.getByText('显示').first().click();
    await lin.getByText(/990201197003120\d{2}[\dX]/).waitFor();
    await shot(page, 'registry-detail-revealed');

    await page.getByText('编辑户信息').click();
    await input(page, 'member-2-name').waitFor();
    expect(await input(page, 'member-2-id').getAttribute('placeholder')).toMatch(/\*{10}.*不修改请留空/);
    await input(page, 'member-2-name').fill('林小雪');
    await page.getByText('保存', { exact: true }).click();
    await page.locator('.hh-member', { hasText: '林小雪' }).waitFor();
    await page.context().close();
  });

  it('an admin exits a household with a reason and sees it in the status history', async () => {
    const page = await signIn('demo-town-admin');
    await page.getByText('建档户数').waitFor();
    await openHousehold(page, '宋长海');
    await page.getByText('动态调整').click();
    await page.getByText('脱贫退出', { exact: true }).click();
    await page.locator('.adjust__card').getByText('脱贫户（享受政策）', { exact: true }).click();
    await input(page, 'reason').fill('家庭人均纯收入稳定超过标准，经村民代表评议通过');
    await page.getByText('确认调整').click();
    await page.getByText(/脱贫退出：贫困户 → 脱贫户（享受政策）/).waitFor();
    await page.getByText('原因：家庭人均纯收入稳定超过标准，经村民代表评议通过').waitFor();
    await page
      .getByText(/调整人：吴站长 · \d{4}年\d{1,2}月\d{1,2}日录入/)
      .first()
      .waitFor();
    await shot(page, 'registry-exited');
    await page.context().close();
  });

  it('a helper opens a paired household from their home and sees masked ID numbers without a reveal button', async () => {
    const page = await signIn('demo-helper', PHONE);
    await page.locator('.helper__title').waitFor();
    await page.locator('.due-row__title').first().click();
    await page.locator('.hh-member').first().waitFor();
    expect(await page.locator('.hh-member').first().innerText()).toMatch(/\d{3}\*{13}[\dX]{2}/);
    expect(await page.getByText('显示', { exact: true }).count()).toBe(0);
    await page.getByText('结对帮扶人').waitFor();
    await shot(page, 'registry-helper-detail');
    await page.context().close();
  });

  it("an admin sees helper loads and moves all of a leaving helper's households to another", async () => {
    const page = await signIn('demo-town-admin');
    await page.getByText('建档户数').waitFor();
    await page.goto(`${baseUrl()}/package-admin/pages/pairing/index`);
    const first = page
      .locator('.bf-table tbody tr')
      .filter({ hasText: /帮扶干部/ })
      .first();
    await first.waitFor();
    await shot(page, 'registry-pairing');
    const name = (await first.locator('td').first().innerText()).trim();
    await first.click();
    await page.getByText(`${name} 的结对户`).waitFor();
    // The title shows at once; the rows arrive with their request.
    await page.locator('.helper-admin__row').first().waitFor();
    const count = await page.locator('.helper-admin__row').count();
    expect(count).toBeGreaterThan(0);
    const target = page.locator('select[name="target"]');
    await target.selectOption({ index: 0 });
    expect(await target.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toMatch(/.+（\d+ 户）/);
    await page.getByText('全部移交（调离）').click();
    await page.getByText('确定', { exact: true }).last().click();
    await page.getByText('该帮扶责任人目前没有结对户。').waitFor();
    await page.goto(`${baseUrl()}/package-admin/pages/pairing/index`);
    await page.getByText('无结对的人').click();
    await page.locator('.bf-table tbody tr', { hasText: name }).first().waitFor();
    await page.context().close();
  });

  it('a new WeChat user binds to an imported household with name, ID suffix and phone', async () => {
    const page = await signIn('wx-browser-new', PHONE);
    await page.getByText('绑定您的家庭').waitFor();
    await input(page, 'name').fill('林国栋');
    await input(page, 'idSuffix').fill('000000');
    await input(page, 'phone').fill('13900001111');
    await page.getByText('绑定', { exact: true }).click();
    await page.getByText(/没有找到匹配的家庭成员/).waitFor();
    expect(await input(page, 'name').inputValue()).toBe('林国栋');
    const idNumber = '99020119700312011';
    const { idCheckChar } = await import('../../types/id-number');
    await input(page, 'idSuffix').fill((idNumber + idCheckChar(idNumber)).slice(-6));
    await page.getByText('绑定', { exact: true }).click();
    await page
      .getByText(/林国栋/)
      .first()
      .waitFor();
    await shot(page, 'registry-bound-household');
    await page.context().close();
  });

  it("an admin generates a bind code on a household's page; a new WeChat user binds with it and lands on that household's home", async () => {
    const admin = await signIn('demo-town-admin');
    await admin.getByText('建档户数').waitFor();
    await admin.goto(`${baseUrl()}/package-common/pages/household/index?id=hh-000002`);
    const headName = (await admin.locator('.hh-header__name').innerText()).replace(/\s*户\s*$/, '').trim();
    await admin.getByText('＋ 生成绑定码').click();
    await admin.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    const shown = await admin.locator('.hh-bind-code__code').innerText();
    expect(shown).toMatch(/^\d{3} \d{3} \d{4}$/);
    await admin.getByText(/前有效，只能使用一次/).waitFor();
    await admin.getByText(/请当面或打电话把绑定码告诉/).waitFor();
    await admin.getByText('已生成绑定码').waitFor({ state: 'hidden' });
    await admin.locator('.hh-bind-code').scrollIntoViewIfNeeded();
    await shot(admin, 'registry-bind-code');

    const page = await signIn('wx-browser-code', PHONE);
    await page.getByText('绑定您的家庭').waitFor();
    await page.getByText('有扶贫办给的绑定码？用绑定码绑定 ›').click();
    const typed = shown.replace(/ /g, '');
    const wrong = typed.slice(0, 9) + String((Number(typed[9]) + 1) % 10);
    await input(page, 'bindCode').fill(wrong);
    await page.getByText('用绑定码绑定', { exact: true }).click();
    await page.getByText(/绑定码不正确或已失效/).waitFor();
    await shot(page, 'registry-bind-code-wrong');
    await input(page, 'bindCode').fill(typed);
    await page.getByText('用绑定码绑定', { exact: true }).click();
    await page.getByText('我的家庭').waitFor();
    await page.locator('.hh__value', { hasText: headName }).waitFor();
    expect(page.url()).toContain('/package-household/pages/home/index');
    await shot(page, 'registry-bound-with-code');
    await page.context().close();

    await admin.reload();
    await admin.locator('.hh-section__item', { hasText: '解除绑定' }).filter({ hasText: headName }).waitFor();
    await admin.context().close();
  });
});
