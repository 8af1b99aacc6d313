import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { browserOnOwnHost, DESKTOP, PHONE, shot, signedIn } from './setup/browser';

/**
 * Issue 16, the channels in, as a family and an admin would use them: the household runs the
 * self-check by tapping, sees its risks with their reasons, applies and then sees where its
 * application stands; the admin imports the 医保 bureau's sheet with bad rows, confirms, and sees
 * the warnings it opened. Writes warnings: its own host and demo county.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('monitoring-channels', (s) => ({ browser, url } = s));

async function api(fn: string, action: string, payload: unknown, openid: string) {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  const body = (await res.json()) as { ok: boolean; data: any; error?: { message: string } };
  if (!body.ok) throw new Error(body.error!.message);
  return body.data;
}

/** A household of the demo county with no risk yet and no warning (the seed follows the host's clock, so it is looked up). */
async function householdWithoutRisk(): Promise<string> {
  for (let i = 2; i < 300; i++) {
    const householdId = `hh-${String(i).padStart(6, '0')}`;
    const a = await api('monitoring', 'assessHousehold', { householdId }, 'demo-admin').catch(() => null);
    const h = a && (await api('households', 'get', { householdId }, 'demo-admin'));
    if (a?.level === 'none' && h.status !== 'monitored') return householdId;
  }
  throw new Error('no household without risk in the demo county');
}

/** The head of a household, with the full ID number as the 医保 sheet carries it (revealed by the admin, audit-logged). */
async function headOf(householdId: string) {
  const h = await api('households', 'get', { householdId }, 'demo-admin');
  const m = h.members[0];
  const { value } = await api('households', 'reveal', { householdId, memberId: m.id, field: 'idNumber' }, 'demo-admin');
  return { idNumber: value as string, name: m.name as string, headName: h.headName as string };
}

describe('monitoring: self-check, application and the 医保 import in the browser', () => {
  it('a household runs the self-check by tapping, sees its risks with their reasons, applies, and sees the stage', async () => {
    const page = await signedIn(browser, 'demo-household', PHONE, { url });
    await page.getByText('风险自查 · 申请帮扶').click();
    await page.getByText('近一年看病自己掏的钱').waitFor();
    await shot(page, 'self-check-questions');
    await page.locator('.sc-q', { hasText: '近一年看病自己掏的钱' }).getByText('2 万', { exact: true }).click();
    await page.getByText('看看有没有风险').click();
    const medical = page.locator('.sc-risk--on', { hasText: '大额医疗支出' });
    await medical.waitFor();
    expect(await medical.innerText()).toMatch(/自付医疗费用 20,000 元，达到大额医疗支出线 10,000 元/);
    expect(await page.locator('.sc-level').innerText()).toContain('返贫风险');
    await shot(page, 'self-check-results');
    await page.getByText('申请帮扶', { exact: true }).click();
    await page.getByText('申请已提交').waitFor();
    expect(await page.locator('.sc-status__headline').innerText()).toMatch(/已收到您的帮扶申请，帮扶人将在\d{4}年\d+月\d+日前上门核实情况/);
    expect(await page.locator('.sc-stepline--current').innerText()).toContain('上门核实');
    await shot(page, 'self-check-applied');
    // Coming back later: the application's progress is the first thing on the page.
    await page.reload();
    await page.locator('.sc-status', { hasText: '我的帮扶申请' }).waitFor();
    expect(await page.locator('.sc-stepline--current').innerText()).toContain('正在办');
    // The home says so too, one tap from the progress.
    await page.goto(`${url}/package-household/pages/home/index`);
    expect(await page.locator('.sc-entry', { hasText: '我的帮扶申请' }).innerText()).toMatch(/上门核实情况/);
    await page.context().close();
  });

  it('an admin imports a 医保 sheet with bad rows, sees each one, confirms, and new warnings appear', async () => {
    const householdId = await householdWithoutRisk();
    const big = await headOf(householdId);
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('大额自付');
    ws.addRow(['2026年10月 个人自付费用较高人员名单']);
    ws.addRow(['身份证号码', '参保人姓名', '结算日期', '个人自付金额']);
    ws.addRow([big.idNumber, big.name, '2026-10-12', 16800]);
    ws.addRow(['41010119700101001X', '王五', '2026-10-12', 500]);
    ws.addRow([big.idNumber, big.name, '2099-01-01', 300]);
    ws.addRow(['110101199003070011', '赵六', '2026-10-12', 30000]);
    const file = path.join(os.tmpdir(), `medical-${Date.now()}.xlsx`);
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    const page = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    await page.getByText('医保大额自付导入').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('选择 Excel 表格（.xlsx）').click();
    await (await chooser).setFiles(file);
    await page.getByText('1 笔可以导入').waitFor();
    expect(await page.locator('.import__row', { hasText: '第 4 行' }).first().innerText()).toContain('身份证');
    expect(await page.locator('.import__row', { hasText: '第 5 行' }).first().innerText()).toContain('不能晚于今天');
    expect(await page.locator('.mi-unmatched .import__row', { hasText: '第 6 行' }).innerText()).toContain('赵六');
    await shot(page, 'medical-import-checked');
    await page.getByText('确认导入 1 笔').click();
    await page.locator('.import__big', { hasText: '已导入 1 笔' }).waitFor();
    expect(await page.locator('.mi-opened').innerText()).toContain(`户主 ${big.headName}`);
    await shot(page, 'medical-import-done');
    const warnings = await api('monitoring', 'listWarnings', { limit: 50 }, 'demo-admin');
    expect(warnings.items.some((w: { householdId: string; source: string }) => w.householdId === householdId && w.source === 'department')).toBe(true);
    await page.context().close();
  });
});
