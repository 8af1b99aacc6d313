/**
 * 电脑端扫码登录 (issue #18): a desktop's one-time request, confirmed by an admin in the
 * mini-program, claimed once for a CloudBase custom-login ticket; the web session then resolves to
 * the admin's own users record, until they sign out everywhere.
 */
import { clock } from '../../cloudfunctions/core/clock';
import { verifyTicket } from '../../cloudfunctions/core/local/cloudbase-auth';
import { getDb } from '../../cloudfunctions/core/store';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { browserLabel } from '../../cloudfunctions/core/auth/web-login.rules';
import { call, freshDemoStore, ok, SEED_NOW } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeEach(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterEach(() => store.close());

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const MINUTE = 60_000;
const later = (ms: number) => clock.set(new Date(SEED_NOW.getTime() + ms));
/** A call as the js-sdk's web session makes it (the local host puts the token's custom user id in the context). */
const asWeb = (customUserId: string, fn: 'auth' | 'households', action: string, payload: unknown = {}) => FUNCTIONS[fn]({ action, payload }, { customUserId });

async function confirmedTicket(openid = 'demo-admin') {
  const start = await ok(call('auth', 'webLoginStart', { userAgent: CHROME }));
  const peek = await ok(call('auth', 'webLoginPeek', { id: start.id }, openid));
  await ok(call('auth', 'webLoginConfirm', { id: start.id, version: peek.version }, openid));
  const claim = await ok(call('auth', 'webLoginClaim', { id: start.id, secret: start.secret }));
  return { start, claim, uid: verifyTicket(claim.ticket!)!.uid };
}

describe('a desktop sign-in request', () => {
  it('shows the scanning admin the browser, an unknown place and the time, and tells the desktop it was scanned', async () => {
    const start = await ok(call('auth', 'webLoginStart', { userAgent: CHROME }));
    expect(Date.parse(start.expiresAt) - SEED_NOW.getTime()).toBe(3 * MINUTE);
    expect(await ok(call('auth', 'webLoginClaim', { id: start.id, secret: start.secret }))).toEqual({ status: 'pending', ticket: null });
    const peek = await ok(call('auth', 'webLoginPeek', { id: start.id }, 'demo-admin'));
    expect(peek).toMatchObject({ status: 'scanned', browser: 'Chrome 浏览器 · Windows', place: '未知', createdAt: SEED_NOW.toISOString() });
    expect(await ok(call('auth', 'webLoginClaim', { id: start.id, secret: start.secret }))).toEqual({ status: 'scanned', ticket: null });
    expect(JSON.stringify((await getDb().collection('web_logins').doc(start.id).get()).data)).not.toContain(start.secret);
  });

  it('once confirmed by an admin, answers a custom-login ticket exactly once; the session is that admin', async () => {
    const { start, claim, uid } = await confirmedTicket();
    expect(claim.status).toBe('used');
    const me = await asWeb(uid, 'auth', 'whoami');
    expect(me).toMatchObject({ ok: true, data: { role: 'admin', userId: 'admin-county' } });
    expect(await call('auth', 'webLoginClaim', { id: start.id, secret: start.secret })).toEqual({ ok: true, data: { status: 'used', ticket: null } });
    expect(await call('auth', 'webLoginConfirm', { id: start.id, version: 2 }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已经用过') },
    });
    const actions = (await getDb().collection('audit_logs').where({ userId: 'admin-county' }).get()).data.map((l) => l.action);
    expect(actions).toEqual(expect.arrayContaining(['web_sign_in_confirm', 'web_sign_in']));
  });

  it('the web session works with the registry as the admin does in WeChat', async () => {
    const { uid } = await confirmedTicket();
    const web = await asWeb(uid, 'households', 'list', { limit: 5 });
    const wechat = await call('households', 'list', { limit: 5 }, 'demo-admin');
    expect(web).toMatchObject({ ok: true });
    expect(web).toEqual(wechat);
  });

  it.each([
    ['a household', 'demo-household'],
    ['a helper', 'demo-helper'],
    ['a WeChat user not bound', 'wx-nobody'],
  ])('refuses %s: only admins sign in on the web', async (_who, openid) => {
    const start = await ok(call('auth', 'webLoginStart', { userAgent: CHROME }));
    expect(await call('auth', 'webLoginPeek', { id: start.id }, openid)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('只有管理员') },
    });
    expect(await call('auth', 'webLoginConfirm', { id: start.id, version: 0 }, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ok(call('auth', 'webLoginClaim', { id: start.id, secret: start.secret }))).toEqual({ status: 'pending', ticket: null });
  });

  it('cannot be confirmed or claimed once expired', async () => {
    const start = await ok(call('auth', 'webLoginStart', { userAgent: CHROME }));
    later(3 * MINUTE + 1000);
    expect(await call('auth', 'webLoginPeek', { id: start.id }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已过期') },
    });
    expect(await call('auth', 'webLoginConfirm', { id: start.id, version: 0 }, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ok(call('auth', 'webLoginClaim', { id: start.id, secret: start.secret }))).toEqual({ status: 'expired', ticket: null });
  });

  it('a confirmed request not claimed in time expires too', async () => {
    const start = await ok(call('auth', 'webLoginStart', { userAgent: CHROME }));
    await ok(call('auth', 'webLoginConfirm', { id: start.id, version: 0 }, 'demo-admin'));
    later(3 * MINUTE + 1000);
    expect(await ok(call('auth', 'webLoginClaim', { id: start.id, secret: start.secret }))).toEqual({ status: 'expired', ticket: null });
  });

  it('is claimed only with its secret: the id a QR shows is not enough', async () => {
    const start = await ok(call('auth', 'webLoginStart', { userAgent: CHROME }));
    await ok(call('auth', 'webLoginConfirm', { id: start.id, version: 0 }, 'demo-admin'));
    expect(await call('auth', 'webLoginClaim', { id: start.id, secret: 'a'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a stale version (someone else acted first) is refused', async () => {
    const start = await ok(call('auth', 'webLoginStart', { userAgent: CHROME }));
    await ok(call('auth', 'webLoginPeek', { id: start.id }, 'demo-admin'));
    expect(await call('auth', 'webLoginConfirm', { id: start.id, version: 0 }, 'demo-town-admin')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('declined on the phone, the desktop is told and the request is dead', async () => {
    const start = await ok(call('auth', 'webLoginStart', { userAgent: CHROME }));
    await ok(call('auth', 'webLoginDecline', { id: start.id }, 'demo-admin'));
    expect(await ok(call('auth', 'webLoginClaim', { id: start.id, secret: start.secret }))).toEqual({ status: 'declined', ticket: null });
    expect(await call('auth', 'webLoginConfirm', { id: start.id, version: 1 }, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('signing out', () => {
  it('everywhere (from WeChat) ends every web session issued before, and the next sign-in works again', async () => {
    const first = await confirmedTicket();
    const second = await confirmedTicket();
    expect(first.uid).toBe(second.uid);
    await ok(call('auth', 'webSignOutEverywhere', {}, 'demo-admin'));
    expect(await asWeb(first.uid, 'auth', 'whoami')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('退出所有电脑端登录') },
    });
    const third = await confirmedTicket();
    expect(third.uid).not.toBe(first.uid);
    expect(await asWeb(third.uid, 'auth', 'whoami')).toMatchObject({ ok: true, data: { role: 'admin' } });
    const logs = (await getDb().collection('audit_logs').where({ action: 'web_sign_out_all' }).get()).data;
    expect(logs).toMatchObject([{ userId: 'admin-county' }]);
  });

  it('from the web session itself is audited; from WeChat it is nothing to sign out', async () => {
    const { uid } = await confirmedTicket();
    expect(await asWeb(uid, 'auth', 'webSignOut')).toEqual({ ok: true, data: { signedOut: true } });
    expect(await call('auth', 'webSignOut', {}, 'demo-admin')).toEqual({ ok: true, data: { signedOut: false } });
    expect((await getDb().collection('audit_logs').where({ action: 'web_sign_out' }).get()).data).toHaveLength(1);
  });

  it('a web session of an account no longer an admin is refused', async () => {
    const { uid } = await confirmedTicket();
    await getDb().collection('users').doc('admin-county').update({ active: false });
    expect(await asWeb(uid, 'auth', 'whoami')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('a custom user id this system never issued names no one', async () => {
    expect(await asWeb('0123456789abcdef0123.1', 'auth', 'whoami')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await asWeb('admin-county', 'auth', 'whoami')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('a web session cannot confirm another browser', async () => {
    const { uid } = await confirmedTicket();
    const start = await ok(call('auth', 'webLoginStart', { userAgent: CHROME }));
    expect(await asWeb(uid, 'auth', 'webLoginConfirm', { id: start.id, version: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('browserLabel', () => {
  it.each([
    [CHROME, 'Chrome 浏览器 · Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari 浏览器 · macOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0', 'Edge 浏览器 · Windows'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox 浏览器 · Linux'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36', 'Chrome 浏览器 · Linux'],
    ['', '未知浏览器'],
  ])('%s reads as %s', (ua, label) => expect(browserLabel(ua)).toBe(label));
});
