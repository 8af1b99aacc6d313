import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, DESKTOP, launch, PHONE, shot, tmp, signedIn } from './setup/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const signIn = (openid: string, viewport = PHONE) => signedIn(browser, openid, viewport);

async function anonymous(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  return context.newPage();
}

/** The H5 field for `name` (Taro renders its Input as a native input with that name). */
const field = (page: Page, name: string) => page.locator(`input[name="${name}"]`);

describe('我的政策 (demo-household)', () => {
  it('shows the summary on the home page, then each benefit with its reason and the gap with a call button', async () => {
    const page = await signIn('demo-household');
    await page
      .getByText(/您家可享受/)
      .first()
      .waitFor();
    expect(await page.locator('.bf-summary').innerText()).toMatch(/您家可享受\s*\d+\s*项政策，今年已到账\s*[\d,]+ 元\s*，有 \d+ 项待落实/);
    await shot(page, 'benefits-household-home');
    await page.getByText('我的政策', { exact: true }).last().click();
    await page.getByText(/待落实（\d+ 项政策(，共 \d+ 人次)?）/).waitFor();
    await page.getByText('慢性病门诊').first().waitFor();
    await page.getByText('联系帮扶人').first().waitFor();
    const premium = page.locator('.bf-decision', { hasText: '城乡居民医保代缴' }).first();
    await premium.getByText('财政代缴城乡居民医保个人缴费 100 元/年').waitFor();
    await premium.click();
    await premium.getByText('户状态为脱贫户（享受政策），属于享受帮扶政策的对象').waitFor();
    await page
      .getByText(/年兑现记录/)
      .first()
      .waitFor();
    await page.getByText('点击展开，查看每项不适用的原因').click();
    await page
      .getByText(/不低于低保标准|不在.*范围内/)
      .first()
      .waitFor();
    await shot(page, 'benefits-my-benefits');
    await page.context().close();
  });
});

describe('the gap on the household (demo-helper)', () => {
  it("flags 应享未享 on the helper's list, and the household page says what is missing and whom it is handed to", async () => {
    const page = await signIn('demo-helper');
    const row = page.locator('.due-row', { hasText: '何志刚 户' });
    await row.getByText(/应享未享 \d+/).waitFor();
    await row.locator('.due-row__title').click();
    await page.getByText(/该户可享受/).waitFor();
    const gap = page.locator('.bf-gap', { hasText: '慢性病门诊' });
    await gap.getByText('尚未办理慢病认定：协助到乡镇卫生院办理认定').waitFor();
    await gap.getByText(/负责帮扶人：/).waitFor();
    expect(await page.getByText('联系帮扶人', { exact: true }).count()).toBe(0);
    await page.locator('.bf-gap').first().scrollIntoViewIfNeeded();
    await shot(page, 'benefits-helper-household');
    await page.context().close();
  });
});

describe('政策计算器 (no login)', () => {
  async function openCalculatorFromLogin(): Promise<Page> {
    const page = await anonymous();
    await page.goto(`${baseUrl()}/pages/login/index`);
    await page.getByText('不登录，先用政策计算器算一算 ›').click();
    await page.getByText('回答几个关于家庭的问题', { exact: false }).waitFor();
    return page;
  }

  async function fillSpecExample(page: Page) {
    await field(page, 'income').fill('9000');
    await page.getByText('C 级危房').click();
    await field(page, 'date').fill('2021-03-01');
    await field(page, 'birth-0').fill('1958-05-02');
    await page.locator('.calc-choice', { hasText: '有慢性病吗' }).getByText('是', { exact: true }).click();
    await page.locator('.calc-choice', { hasText: '办过慢病认定吗' }).getByText('否', { exact: true }).click();
    await page.getByText('能干轻活').click();
  }

  it("answers SPEC §3's example: no dibao (9,000 per head is not below 5,160), housing repair 15,000 yuan", async () => {
    const page = await openCalculatorFromLogin();
    await fillSpecExample(page);
    await page.getByText('开始测算').click();
    await page.getByText(/测算结果：可能享受 \d+ 项政策/).waitFor();
    await page.getByText('家庭年人均收入 9,000 元，不低于低保标准 5,160 元').waitFor();
    const housing = page.locator('.bf-decision', { hasText: '危房改造' });
    expect(await housing.innerText()).toContain('15,000 元');
    await shot(page, 'benefits-calculator');
    await page.context().close();
  });

  it('rejects a negative income and a member born 200 years ago with messages a person can act on', async () => {
    const page = await openCalculatorFromLogin();
    await fillSpecExample(page);
    await field(page, 'income').fill('-100');
    await page.getByText('开始测算').click();
    // Each message sits under its own field (issue 13, item 17), in plain words.
    await page
      .locator('.bf-field', { has: field(page, 'income') })
      .locator('.bf-field__error', { hasText: '家庭年纯收入不能为负数' })
      .waitFor();
    await field(page, 'income').fill('9000');
    await field(page, 'birth-0').fill('1826-01-01');
    await page.getByText('开始测算').click();
    await page
      .locator('.bf-field', { has: field(page, 'birth-0') })
      .locator('.bf-field__error', { hasText: '出生日期不合理' })
      .waitFor();
    expect(await field(page, 'birth-0').inputValue()).toBe('1826-01-01');
    await shot(page, 'benefits-calculator-error');
    await page.context().close();
  });

  it('rejects an unknown schooling sent straight to the function, naming the allowed values', async () => {
    const res = await fetch(`${baseUrl()}/api/benefits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'calculate',
        payload: { household: { status: 'poor', annualNetIncome: 1, members: [{ birthDate: '1990-01-01', laborCapacity: 'full', schooling: 'phd' }] } },
      }),
    });
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('在校情况') } });
  });
});

describe('政策目录 (demo-admin)', () => {
  it('raises the dibao standard from a future date: today still 5,160, from that date 6,000', async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await page.getByText('政策', { exact: true }).last().click();
    const dibao = page.locator('.bf-card', { hasText: '农村最低生活保障' });
    await dibao.getByText(/现行：低保标准（元\/人\/年） 5,160（自2020年1月1日起）/).waitFor();
    await dibao.getByText('查看历史与调整参数 ›').click();
    await field(page, 'from-dibao').fill('2027-01-01');
    await field(page, 'param-dibao-standard').fill('6000');
    await dibao.getByText('保存新参数').click();
    await dibao
      .getByText(/待执行.*自2027年1月1日起：低保标准（元\/人\/年） 6,000/)
      .first()
      .waitFor();
    await dibao.getByText(/现行：低保标准（元\/人\/年） 5,160/).waitFor();
    await field(page, 'on').fill('2027-01-01');
    await dibao.getByText(/2027年1月1日执行：低保标准（元\/人\/年） 6,000（自2027年1月1日起）/).waitFor();
    await field(page, 'on').fill('2026-12-31');
    await dibao.getByText(/2026年12月31日执行：低保标准（元\/人\/年） 5,160（自2020年1月1日起）/).waitFor();
    await shot(page, 'benefits-admin-policies');
    await page.context().close();
  });

  it('sweeps the county for 应享未享 and hands each gap to a helper', async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await page.goto(`${baseUrl()}/package-admin/pages/gaps/index`);
    await page.getByText(/应享未享 [\d,]+ 人次，涉及 [\d,]+ 户/).waitFor();
    expect(await page.getByText(/^交 .+ 落实$/).count()).toBeGreaterThan(0);
    await page.locator('.gaps__chip', { hasText: '农村最低生活保障' }).click();
    await page.waitForTimeout(300);
    await page.getByText(/应享未享 [\d,]+ 人次/).waitFor();
    expect(await page.locator('.gaps__title').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('· 农村最低生活保障')]));
    await shot(page, 'benefits-admin-gaps');
    await page.context().close();
  });

  it('lists disbursement records of the county', async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await page.getByText('政策', { exact: true }).last().click();
    await page.getByText('兑现记录与导入').click();
    await page.getByText(/兑现记录（共 [\d,]+ 条）/).waitFor();
    await page.getByText('导入兑现清单（.xlsx）').waitFor();
    await shot(page, 'benefits-admin-records');
    await page.context().close();
  });

  it('checks an imported sheet row by row and writes nothing while a row is wrong', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('兑现清单');
    ws.addRow(['政策', '身份证号', '发放期间', '金额', '发放日期']);
    ws.addRow(['城乡居民医保代缴', '110101199003071234', '2026', 100, '2026-10-01']);
    ws.addRow(['不存在的政策', '110101199003071234', '2026', 100, '2026-10-01']);
    const file = path.join(tmp, `ben-import-${Date.now()}.xlsx`);
    await workbook.xlsx.writeFile(file);
    const page = await signIn('demo-admin', DESKTOP);
    await page.goto(`${baseUrl()}/package-admin/pages/benefit-records/index`);
    await page.getByText(/兑现记录（共 [\d,]+ 条）/).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('选择表格').click();
    await (await chooser).setFiles(file);
    await page
      .getByText(/共 2 行，可新增 0 条，已存在 0 条，有问题 2 行/)
      .waitFor()
      .catch(async (e) => {
        await shot(page, 'benefits-admin-import-failed');
        throw e;
      });
    await page.getByText(/第 2 行：/).waitFor();
    await page.getByText(/第 3 行：/).waitFor();
    expect(await page.getByText(/确认导入/).count()).toBe(0);
    await shot(page, 'benefits-admin-import-errors');
    await page.context().close();
  });
});
