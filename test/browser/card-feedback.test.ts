import type { Browser } from 'playwright-core';
import { browserOnOwnHost, DESKTOP, PHONE, shot, signedIn } from './setup/browser';

/**
 * Issue 17 part B at 375×812: the 帮扶明白卡 as the household, its helper and a stranger who scans
 * the door code see it; 意见建议 written by the household, answered by the county office, and the
 * answer read by the household. Its own host: the household writes.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('card-feedback', (s) => ({ browser, url } = s));

async function api(fn: string, action: string, payload: unknown, openid = 'demo-admin') {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  const body = (await res.json()) as { ok: boolean; data: any; error?: { message: string } };
  if (!body.ok) throw new Error(body.error!.message);
  return body.data;
}
const ID_NUMBER = /\d{17}[\dXx]/;

describe('帮扶明白卡', () => {
  it("the household opens it from home and sees its helper to call, this year's policies with amounts and its latest visits, and no ID number", async () => {
    const me = await api('auth', 'whoami', {}, 'demo-household');
    const contact = (await api('assignments', 'listByHousehold', { householdId: me.household.id }, 'demo-household')).contact;
    const page = await signedIn(browser, 'demo-household', PHONE, { url });
    await page.locator('.bf-cell', { hasText: '帮扶明白卡' }).click();
    await page.locator('.hcard__title', { hasText: '帮扶明白卡' }).waitFor();
    await page.locator('.hcard .hh-contact__who', { hasText: contact.name }).waitFor();
    await page
      .locator('.hcard .bf-btn', { hasText: `联系帮扶人 ${contact.name}` })
      .first()
      .waitFor();
    const policies = page.locator('.hcard .bf-card', { hasText: '年享受的政策' });
    await policies.locator('.hcard__line').first().waitFor();
    expect(await policies.innerText()).toMatch(/应享 [\d,]+ 元/);
    await page.locator('.hcard .bf-card', { hasText: '最近走访' }).locator('.hcard__line').first().waitFor();
    expect(await page.locator('.hcard').innerText()).not.toMatch(ID_NUMBER);
    expect(await page.locator('.card-qr').count()).toBe(0);
    await shot(page, 'household-card');
    await page.context().close();
  });

  it("the helper opens it from the household's detail with a door QR and 打印, and gets no call button for the main contact", async () => {
    const page = await signedIn(browser, 'demo-helper', PHONE, { url });
    await page.goto(`${url}/package-common/pages/household/index?id=hh-000001`);
    await page.locator('.bf-btn', { hasText: '帮扶明白卡' }).first().click();
    await page.locator('.hcard__title').waitFor();
    // The door code: households.doorCode's picture (locally a plain QR of this card's address and scene), loaded.
    const qr = page.locator('.card-qr img, img.card-qr').first();
    await qr.waitFor();
    await page.waitForFunction(() => {
      const i = document.querySelector('.card-qr img, img.card-qr') as HTMLImageElement | null;
      return !!i && i.complete && i.naturalWidth > 100;
    });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await page.locator('.hcard .bf-card', { hasText: '打印张贴' }).locator('text=打印明白卡').waitFor();
    // The main contact's number goes to the household only (householdContact); fellow helpers' pairings keep theirs.
    expect(await page.locator('.hcard .hh-contact__main .bf-btn').count()).toBe(0);
    await page.locator('.hcard .hh-contact__who', { hasText: '主帮扶人' }).waitFor();
    await shot(page, 'helper-card-print');
    await page.context().close();
  });

  it("someone who scans the door code signed out signs in and lands back on that household's card", async () => {
    const { scene } = await api('households', 'doorCode', { householdId: 'hh-000001' }, 'demo-helper');
    const head = (await api('benefits', 'evaluateHousehold', { householdId: 'hh-000001' })).headName as string;
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${url}/package-common/pages/card/index?scene=${scene}`);
    await page.getByText('登录后查看').click();
    await page.waitForURL(/pages\/login\/index\?redirect=/);
    // Picks the household's account from the demo sign-in list, as a person would.
    const accounts = (
      (await (await fetch(`${url}/api/dev/accounts`)).json()) as { data: { items: Array<{ openid: string; name: string; description: string }> } }
    ).data.items;
    const mine = accounts.find((a) => a.openid === 'demo-household')!;
    await page
      .locator('.bf-cell', { hasText: mine.description || mine.openid })
      .filter({ hasText: mine.name })
      .first()
      .click();
    await page.waitForURL(new RegExp(`package-common/pages/card/index\\?scene=${scene}`));
    await page.locator('.hcard__title', { hasText: `${head} 户` }).waitFor();
    await shot(page, 'card-after-sign-in');
    await context.close();
  });

  it("a WeChat user not bound yet scans the code, binds with the office's code and lands back on the card", async () => {
    const { scene } = await api('households', 'doorCode', { householdId: 'hh-000001' }, 'demo-helper');
    const household = await api('households', 'get', { householdId: 'hh-000001' });
    const bound = new Set((await api('auth', 'listBindings', { householdId: 'hh-000001' })).items.map((b: any) => b.memberId));
    const member = household.members.find((m: any) => !bound.has(m.id));
    const { code } = await api('auth', 'createBindCode', { householdId: 'hh-000001', memberId: member.id });
    const page = await signedIn(browser, 'wx-door-scan', PHONE, { url, home: false });
    // Signed in once the launcher has sent the unbound user on to binding.
    await page.waitForURL(/pages\/bind\/index/);
    await page.goto(`${url}/package-common/pages/card/index?scene=${scene}`);
    await page.getByText('去绑定').click();
    await page.getByText('有扶贫办给的绑定码？用绑定码绑定 ›').click();
    await page.locator('input[name=bindCode]').fill(code);
    await page.locator('.bf-btn', { hasText: '用绑定码绑定' }).click();
    await page.waitForURL(new RegExp(`package-common/pages/card/index\\?scene=${scene}`));
    await page
      .locator('.hcard__title', { hasText: `${household.headName} 户` })
      .filter({ visible: true })
      .waitFor();
    await page.context().close();
  });

  it('a sign-in link that names another site goes home instead', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${url}/pages/login/index?redirect=${encodeURIComponent('https://evil.example/')}&openid=demo-household`);
    await page.locator('.bf-tabbar').waitFor();
    expect(new URL(page.url()).host).toBe(new URL(url).host);
    await context.close();
  });

  it('a stranger who scans the door code sees only that signing in is needed, nothing of the household', async () => {
    const head = (await api('benefits', 'evaluateHousehold', { householdId: 'hh-000001' })).headName as string;
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${url}/package-common/pages/card/index?id=hh-000001`);
    await page.locator('text=登录后查看').waitFor();
    const text = await page.locator('.bf-page').innerText();
    expect(text).not.toContain(head);
    expect(text).not.toMatch(/元|走访人/);
    await shot(page, 'card-stranger');
    await context.close();
  });
});

describe('意见建议', () => {
  it('the household sends a suggestion from 我的, the county office answers it, and the household reads the answer', async () => {
    const text = `希望低保到账时发短信通知 ${Date.now()}`;
    const hh = await signedIn(browser, 'demo-household', PHONE, { url });
    await hh.goto(`${url}/pages/me/index`);
    await hh.locator('.bf-cell', { hasText: '意见建议' }).click();
    await hh.locator('text=提交给县扶贫办').first().waitFor();
    await hh.locator('.fb-form__submit').locator('text=提交给县扶贫办').click();
    await hh.locator('.fb-form__error', { hasText: '请先选一类' }).waitFor();
    await hh.locator('.fb-form__chip', { hasText: '建议' }).click();
    await hh.locator('textarea').fill(text);
    await hh.locator('.fb-form__submit').locator('text=提交给县扶贫办').click();
    await hh.locator('.fb-item', { hasText: text }).locator('text=待答复').waitFor();
    await shot(hh, 'feedback-household-sent');

    const admin = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    await admin.locator('.bf-card', { hasText: '意见建议' }).locator('text=查看并答复').click();
    const card = admin.locator('.bf-card', { hasText: text });
    await card.waitFor();
    await card.locator('textarea').fill('已请乡镇民政办每月到账后发短信通知。');
    await card.locator('.bf-btn', { hasText: '答复' }).first().click();
    await admin.locator('text=已答复，提交人可以看到').waitFor();
    await shot(admin, 'feedback-admin-answered');

    await hh.reload();
    const mine = hh.locator('.fb-item', { hasText: text });
    await mine.locator('text=已请乡镇民政办每月到账后发短信通知。').waitFor();
    await mine.locator('text=已答复').waitFor();
    await shot(hh, 'feedback-household-answer');
    await admin.context().close();
    await hh.context().close();
  });

  it('a town admin has no 意见建议 entry: they go to the county office', async () => {
    const page = await signedIn(browser, 'demo-town-admin', DESKTOP, { url });
    await page.locator('.admin__title').waitFor();
    expect(await page.locator('.bf-card', { hasText: '查看并答复' }).count()).toBe(0);
    await page.context().close();
  });
});
