/**
 * Issue #18 as a county admin at a desk would do it, on the production code path: the browser
 * has no demo account (no x-dev-openid); its sign-in page shows a QR; this test plays the
 * mini-program side, confirming through the same auth actions the mini-program calls as a WeChat
 * user (demo-household first, who is refused, then demo-admin); the desktop then signs in with the
 * custom-login ticket through @cloudbase/js-sdk (which the local host answers as CloudBase would)
 * and works with the registry. A used request cannot be used again, and 退出所有电脑端登录 ends it.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { browserOnOwnHost, DESKTOP, PHONE, shot } from './setup/browser';

let browser: Browser;
let url = '';
browserOnOwnHost('web-sign-in', (s) => ({ browser, url } = s));

/** The mini-program's call: `POST /api/auth` as the WeChat user `openid` (how the local host names a WeChat caller). */
async function asWeChat(openid: string, action: string, payload: unknown) {
  const res = await fetch(`${url}/api/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  return (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } };
}

/** A fresh desktop browser on the sign-in page, with the request its QR shows (read from the js-sdk call's answer). */
async function desktopWithQr(): Promise<{ page: Page; request: { id: string; secret: string }; calls: Request[] }> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const page = await context.newPage();
  const calls: Request[] = [];
  // Function calls: POSTs (the local build's demo list is a GET of /api/dev/accounts, not a call).
  page.on('request', (r) => {
    if (r.method() === 'POST' && (r.url().includes('/api/') || r.url().includes('/v1/functions/'))) calls.push(r);
  });
  const started = page.waitForResponse(async (r) => r.url().endsWith('/v1/functions/auth') && (r.request().postData() ?? '').includes('webLoginStart'));
  await page.goto(url + '/');
  const answer = await (await started).json();
  await page.getByRole('img', { name: '登录二维码' }).waitFor();
  return { page, request: answer.data, calls };
}

describe('desktop sign-in by scanning with the mini-program', () => {
  it('shows a QR; a household is refused; an admin confirms and the desktop works with the registry through the js-sdk', async () => {
    const { page, request, calls } = await desktopWithQr();
    await page.getByText('微信扫码登录').waitFor();
    await page.getByText(/二维码 \d 分 \d\d 秒后失效/).waitFor();
    await shot(page, 'web-sign-in-qr');

    const refused = await asWeChat('demo-household', 'webLoginConfirm', { id: request.id, version: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('只有管理员') } });

    const peek = await asWeChat('demo-admin', 'webLoginPeek', { id: request.id });
    expect(peek).toMatchObject({ ok: true, data: { browser: expect.stringContaining('浏览器'), place: '未知' } });
    await page.getByText('已扫码，请在手机上点「确认登录」').waitFor();
    await shot(page, 'web-sign-in-scanned');
    expect(await asWeChat('demo-admin', 'webLoginConfirm', { id: request.id, version: peek.data.version })).toMatchObject({ ok: true });

    await page.getByText('建档户数').waitFor({ timeout: 20_000 });
    await page.getByText('户籍', { exact: true }).click();
    await page.getByText(/共 300 户/).waitFor();
    await shot(page, 'web-sign-in-registry');

    // Every call went through the js-sdk's gateway with a bearer token; none named a caller by header.
    expect(calls.length).toBeGreaterThan(3);
    for (const call of calls) {
      expect(call.url()).toContain('/v1/functions/');
      expect(call.headers()['x-dev-openid']).toBeUndefined();
      expect(call.headers()['authorization']).toMatch(/^Bearer /);
    }
    expect(await page.evaluate(() => localStorage.getItem('bf.demoOpenid'))).toBeNull();

    // The request is used: neither a second claim nor a second confirm signs anyone in.
    expect(await asWeChat('demo-admin', 'webLoginClaim', request)).toEqual({ ok: true, data: { status: 'used', ticket: null } });
    expect(await asWeChat('demo-admin', 'webLoginConfirm', { id: request.id, version: 3 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // A reload keeps the session (the js-sdk keeps it, as CloudBase sessions last).
    await page.goto(url + '/');
    await page.getByText('建档户数').waitFor({ timeout: 20_000 });

    // 我的 → 退出所有电脑端登录 ends it, and the browser is back at the QR.
    await page.getByText('我的', { exact: true }).last().click();
    await page.getByText('退出所有电脑端登录').click();
    await page.getByText('全部退出').click();
    await page.getByRole('img', { name: '登录二维码' }).waitFor({ timeout: 20_000 });
    await shot(page, 'web-sign-in-after-sign-out');
    await page.context().close();
  });

  it('a request declined on the phone tells the desktop, which offers a new QR', async () => {
    const { page, request } = await desktopWithQr();
    expect(await asWeChat('demo-admin', 'webLoginDecline', { id: request.id })).toMatchObject({ ok: true });
    await page.getByText('已在手机上取消登录').waitFor();
    await page.getByText('刷新二维码').click();
    await page.getByRole('img', { name: '登录二维码' }).waitFor();
    await page.context().close();
  });

  it('the confirm page in the mini-program shows the browser, place and time (H5 stand-in at phone size)', async () => {
    const { page: desk, request } = await desktopWithQr();
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const phone = await context.newPage();
    await phone.goto(`${url}/pages/login/index?openid=demo-admin`);
    await phone.locator('.bf-tabbar').waitFor();
    await phone.goto(`${url}/package-common/pages/web-login/index?q=${encodeURIComponent(`${url}/package-common/pages/web-login/index?id=${request.id}`)}`);
    await phone.getByText('有电脑正在请求登录您的账号').waitFor();
    await phone
      .getByText(/Chrome 浏览器/)
      .first()
      .waitFor();
    await phone.getByText('未知', { exact: true }).waitFor();
    await shot(phone, 'web-sign-in-confirm-page');
    await phone.getByText('确认登录', { exact: true }).click();
    await phone.getByText('已确认登录，请回到电脑上继续操作').waitFor();
    await desk.getByText('建档户数').waitFor({ timeout: 20_000 });
    await context.close();
    await desk.context().close();
  });

  it('a web admin imports a registry sheet and downloads the export through cloud storage, never naming a caller by header', async () => {
    const { page, request } = await desktopWithQr();
    const sent: Request[] = [];
    page.on('request', (r) => sent.push(r));
    const peek = await asWeChat('demo-admin', 'webLoginPeek', { id: request.id });
    expect(await asWeChat('demo-admin', 'webLoginConfirm', { id: request.id, version: peek.data.version })).toMatchObject({ ok: true });
    await page.getByText('建档户数').waitFor({ timeout: 20_000 });
    await page.getByText('户籍', { exact: true }).click();
    await page.getByText(/共 300 户/).waitFor();

    // One household of three, in the import sheet's columns (as test/fixtures/registry-sample.xlsx).
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'bf-web-import-'));
    const sheet = path.join(tmp, '网页导入.xlsx');
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('建档立卡户');
    ws.addRow([
      '户编号',
      '乡镇',
      '行政村',
      '住址',
      '户类型',
      '致贫原因',
      '识别年度',
      '收入年度',
      '家庭年纯收入',
      '住房安全等级',
      '住房鉴定日期',
      '饮水安全',
      '姓名',
      '与户主关系',
      '身份证号',
      '联系电话',
      '健康状况',
      '慢病已认定',
      '残疾等级',
      '在校情况',
      '劳动能力',
      '务工就业',
      '有收入',
      '有赡养人',
    ]);
    const blank = Array(12).fill(null);
    ws.addRow([
      'QH-2026-001',
      '青禾镇',
      '上坪村',
      '上坪村3组01号',
      '监测户',
      '因病、缺技术',
      '2024',
      '2025',
      '18600',
      'B',
      '2025-06-15',
      '是',
      '林国栋',
      '户主',
      '990201197003120111',
      '13900001111',
      '慢性病',
      '是',
      '0',
      '非在校生',
      '有劳动力',
      '是',
      '是',
      '否',
    ]);
    ws.addRow([...blank, '何秀兰', '配偶', '990201197205080226', '', '健康', '否', '0', '非在校生', '有劳动力', '是', '是', '否']);
    ws.addRow([...blank, '林小雨', '子女', '990201201209010320', '', '健康', '否', '0', '初中', '无劳动能力', '否', '否', '是']);
    await workbook.xlsx.writeFile(sheet);

    await page.getByText('导入', { exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('选择 Excel 表格（.xlsx）').click();
    await (await chooser).setFiles(sheet);
    await page.getByText('1 户可以导入').waitFor({ timeout: 20_000 });
    await page.getByText('确认导入 1 户').click();
    await page.locator('.import__big', { hasText: '已导入 1 户' }).waitFor({ timeout: 20_000 });
    await page.getByText('查看户籍台账').click();
    await page.getByText('共 301 户').waitFor();
    await shot(page, 'web-sign-in-imported');

    const download = page.waitForEvent('download');
    await page.getByText('导出', { exact: true }).click();
    const saved = path.join(tmp, 'export.xlsx');
    await (await download).saveAs(saved);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(readFileSync(saved) as any);
    expect(JSON.stringify(exported.worksheets[0].getSheetValues())).toContain('林国栋');
    rmSync(tmp, { recursive: true, force: true });

    // The sheet went to storage as the js-sdk uploads (metadata, then a signed PUT); the functions got
    // its cloud:// id; the export came through the link the function answered; no request named a caller.
    const posts = (needle: string) => sent.filter((r) => r.url().includes(needle) && r.method() === 'POST');
    const metadata = posts('/v1/storages/get-objects-upload-info');
    expect(metadata).toHaveLength(1);
    expect(metadata[0].headers()['authorization']).toMatch(/^Bearer /);
    expect(sent.filter((r) => r.method() === 'PUT' && new URL(r.url()).pathname.startsWith('/cos/registry/imports/'))).toHaveLength(1);
    expect(posts('/v1/functions/households').some((r) => /cloud:\/\/[^"]+\/registry\/imports\/[0-9a-f-]{36}\.xlsx/.test(r.postData() ?? ''))).toBe(true);
    expect(sent.filter((r) => r.method() === 'GET' && /\/api\/files\/local-[0-9a-f-]{36}\.xlsx\?grant=/.test(r.url()))).toHaveLength(1);
    expect(sent.filter((r) => new URL(r.url()).pathname === '/api/files')).toEqual([]);
    expect(sent.filter((r) => new URL(r.url()).pathname.startsWith('/api/') && r.method() === 'POST')).toEqual([]);
    for (const r of sent) expect([r.url(), r.headers()['x-dev-openid']]).toEqual([r.url(), undefined]);
    await page.context().close();
  });
});
