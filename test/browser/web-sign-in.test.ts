/**
 * Issue #18 as a county admin at a desk would do it, on the production code path: the browser
 * has no demo account (no x-dev-openid); its sign-in page shows a QR; this test plays the
 * mini-program side, confirming through the same auth actions the mini-program calls as a WeChat
 * user (demo-household first, who is refused, then demo-admin); the desktop then signs in with the
 * custom-login ticket through @cloudbase/js-sdk (which the local host answers as CloudBase would)
 * and works with the registry. A used request cannot be used again, and 退出所有电脑端登录 ends it.
 */
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
});
