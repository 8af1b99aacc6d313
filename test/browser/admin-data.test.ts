import ExcelJS from 'exceljs';
import path from 'node:path';
import { idCheckChar } from '../../types/id-number';
import type { Browser, Download, Page } from 'playwright-core';
import { DESKTOP, shot, signedIn, tmp, browserOnOwnHost } from './setup/browser';

/**
 * Issue 13, items 10 and 11 (admins at 1280×800): the registry import offers its template and reads
 * a county's own sheet, reporting every problem of a row; one disbursement can be entered by hand;
 * gaps, coverage and needs can be exported. Its own host: entering a disbursement writes.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('admin-data', (s) => ({ browser, url } = s));

const open = async (openid: string, route: string): Promise<Page> => {
  const page = await signedIn(browser, openid, DESKTOP, { url });
  await page.goto(`${url}${route}`);
  return page;
};

/** The sheet a click downloads, read back with exceljs. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; workbook: ExcelJS.Workbook }> {
  const event = page.waitForEvent('download');
  await click();
  const download = await event;
  const file = path.join(tmp, `admin-data-${Date.now()}.xlsx`);
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return { download, workbook };
}

async function api(fn: string, action: string, payload: unknown, openid: string): Promise<any> {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  return ((await res.json()) as { data: unknown }).data;
}

const idOf = (first17: string) => first17 + idCheckChar(first17);

describe('导入户籍表格 (demo-town-admin)', () => {
  it('downloads the import template, then reads a county sheet with a title row and its own column names, listing every problem of a row', async () => {
    const page = await open('demo-town-admin', '/package-admin/pages/import/index');
    await page.getByText('下载导入模板', { exact: true }).waitFor();
    expect(await page.getByText(/示例表格/).count()).toBe(0);
    const { download, workbook } = await downloaded(page, () => page.getByText('下载导入模板', { exact: true }).click());
    expect(download.suggestedFilename()).toMatch(/^户籍导入模板-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['建档立卡户', '填写说明', '村名对照']);

    const sheet = new ExcelJS.Workbook();
    const ws = sheet.addWorksheet('花名册');
    ws.addRow(['青禾镇防返贫监测对象花名册']);
    ws.addRow([
      '户号',
      '乡（镇）',
      '村（社区）',
      '家庭住址',
      '户属性',
      '主要致贫原因',
      '识别年份',
      '收入年度',
      '家庭年纯收入（元）',
      '住房安全等级',
      '是否饮水安全',
      '姓名',
      '与户主的关系',
      '身份证号码',
      '健康状况',
      '劳动能力',
      '是否务工',
      '是否有收入',
      '是否有赡养人',
    ]);
    ws.addRow([
      'QH-B-01',
      '青禾镇',
      '上坪村',
      '上坪村6组1号',
      '监测户',
      '因病',
      2024,
      2025,
      20000,
      'B',
      '是',
      '农卫东',
      '户主',
      idOf('99020119690505051'),
      '健康',
      '有劳动力',
      '是',
      '是',
      '否',
    ]);
    ws.addRow([
      'QH-B-02',
      '青禾镇',
      '上坪村',
      '上坪村6组2号',
      '监测户',
      '因病',
      2024,
      2025,
      9000,
      'A',
      '是',
      '',
      '表亲',
      '123',
      '健康',
      '有劳动力',
      '否',
      '否',
      '否',
    ]);
    const file = path.join(tmp, `county-sheet-${Date.now()}.xlsx`);
    await sheet.xlsx.writeFile(file);
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('选择 Excel 表格（.xlsx）').click();
    await (await chooser).setFiles(file);
    await page.getByText(/共 2 行：/).waitFor();
    await page.getByText('1 户可以导入').waitFor();
    const problem = page.locator('.import__row', { hasText: '第 4 行' });
    const text = await problem.innerText();
    expect(text).toMatch(/「姓名」不能为空/);
    expect(text).toMatch(/「与户主关系」应为/);
    expect(text).toMatch(/身份证号/);
    await shot(page, 'admin-data-import-county-sheet');
    await page.context().close();
  });
});

describe('录入一条兑现 (demo-admin)', () => {
  it('finds a household, refuses a missing amount beside its field, then records one payment that appears in the list', async () => {
    const [first] = (await api('households', 'list', { limit: 1 }, 'demo-admin')).items;
    const page = await open('demo-admin', '/package-admin/pages/benefit-records/index');
    await page.getByText('录入一条兑现').waitFor();
    await page.locator('input[name="record-q"]').fill(first.code);
    await page.getByText('查找', { exact: true }).click();
    await page.getByText(`${first.headName} 户`).first().click();
    await page.getByText(`已选：${first.headName} 户（${first.code}）`).waitFor();
    // A per-person policy with neither member nor amount: both problems at once, each beside its field.
    await page.locator('.rec__chip', { hasText: '城乡居民医保代缴' }).click();
    await page.getByText('录入', { exact: true }).click();
    await page.getByText('「城乡居民医保代缴」按人发放，请选择家庭成员').waitFor();
    await page.locator('.bf-field__error', { hasText: '请填写金额' }).waitFor();
    await shot(page, 'admin-data-record-problems');
    await page.locator('.rec__chip', { hasText: '农村最低生活保障' }).click();
    await page.locator('input[name="record-period"]').fill('2026-02');
    await page.getByText('录入', { exact: true }).click();
    await page.locator('.bf-field__error', { hasText: '请填写金额' }).waitFor();
    await page.locator('input[name="record-amount"]').fill('1350');
    await page.getByText('录入', { exact: true }).click();
    // On the desk the records are a table: one row per payment, the policy by its one name.
    const row = page
      .locator('.bf-table tbody tr', { hasText: `${first.headName}户` })
      .filter({ hasText: '农村最低生活保障' })
      .filter({ hasText: '2026-02 期' });
    await row
      .first()
      .waitFor()
      .catch(async (e) => {
        await shot(page, 'admin-data-record-failed');
        throw e;
      });
    expect(await row.first().innerText()).toContain('1,350 元');
    await shot(page, 'admin-data-record-one');
    const stored = await api('benefits', 'listRecords', { householdId: first._id, period: '2026-02' }, 'demo-admin');
    expect(stored.items).toEqual([expect.objectContaining({ policy: 'dibao', amount: 1350, memberId: null })]);
    await page.context().close();
  });
});

describe('导出 (demo-town-admin)', () => {
  it('exports the 应享未享 list with amounts as numbers', async () => {
    const page = await open('demo-town-admin', '/package-admin/pages/gaps/index');
    await page.getByText(/应享未享 [\d,]+ 人次，涉及 [\d,]+ 户/).waitFor();
    const { download, workbook } = await downloaded(page, () => page.getByText('导出 Excel').click());
    expect(download.suggestedFilename()).toMatch(/^应享未享-/);
    const gaps = workbook.getWorksheet('应享未享')!;
    expect(gaps.rowCount).toBeGreaterThan(1);
    const amounts: ExcelJS.Cell[] = [];
    gaps.eachRow((r, n) => {
      if (n > 1 && r.getCell(6).value !== null) amounts.push(r.getCell(6));
    });
    expect(amounts.length).toBeGreaterThan(0);
    expect(new Set(amounts.map((c) => c.type))).toEqual(new Set([ExcelJS.ValueType.Number]));
    await shot(page, 'admin-data-gaps-export');
    await page.context().close();
  });

  it("exports the month's coverage and the needs list from their pages", async () => {
    const page = await open('demo-town-admin', '/package-admin/pages/coverage/index');
    await page.getByText('逾期未走访的户').waitFor();
    const coverage = await downloaded(page, () => page.getByText('导出 Excel').click());
    expect(coverage.workbook.worksheets.map((w) => w.name)).toContain('按帮扶人');
    await shot(page, 'admin-data-coverage-export');
    await page.goto(`${url}/package-admin/pages/needs/index`);
    await page.getByText(/共 \d+ 条，超时的排在最前/).waitFor();
    const needs = await downloaded(page, () => page.getByText('导出 Excel').click());
    expect(needs.download.suggestedFilename()).toMatch(/^需求督办-/);
    expect(needs.workbook.getWorksheet('需求')!.rowCount).toBeGreaterThan(1);
    await shot(page, 'admin-data-needs-export');
    await page.context().close();
  });
});
