import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { browserOnOwnHost, PHONE, shot } from './setup/browser';
import { boxesOf, smallTargets, unreadableText } from './support/measure';

/**
 * 长辈版 follows the system font size (SPEC §2): in H5 the browser's font size setting, which the
 * app reads as its `medium` size ÷ 16 (services/font-scale.h5.ts). Chromium's own setting is set
 * here through DevTools (Page.setFontSizes, standard 24 px = the largest factor, 1.5), before any
 * page loads; then every household page is measured as rendered (SPEC §2's 适老化 rules): text
 * ≥ 18 px at ≥ 4.5 : 1, main targets ≥ 60 × 60 px, one primary action, no status told by colour
 * alone, no pop-up — a failed send included — and 联系帮扶人 one tap away.
 * Its own host: a visit is recorded so home shows a visit to confirm.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('elder-scale', (s) => ({ browser, url } = s));
jest.setTimeout(120_000);

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

async function largestSystemFont(openid: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
  await page.goto(`${url}/pages/login/index?openid=${openid}`);
  await page.locator('.bf-tabbar').waitFor();
  return page;
}

/** Filled buttons: the screen's primary action (plain and default buttons are secondary). */
const PRIMARY = ['primary', 'success', 'danger'].map((t) => `.bf-btn--${t}:not(.bf-btn--plain)`).join(', ');
/** Anything that pops up over the page: Taro's modal and toast, and any dialog. */
const POP_UPS = '.taro__modal, .taro-modal__mask, .taro__toast, .taro-toast, [role=dialog], [role=alertdialog]';

let noticeId = '';
beforeAll(async () => {
  // A visit an hour ago, so home asks 帮扶人真的来过您家吗 (走访确认).
  await api(
    'visits',
    'record',
    { id: randomUUID(), householdId: 'hh-000001', visitedAt: new Date(Date.now() - 3600_000).toISOString(), occasion: 'routine', notes: '了解近况' },
    'demo-helper',
  );
  noticeId = (await api('notices', 'list', { box: 'inbox', limit: 1, offset: 0 }, 'demo-household')).items[0]?._id ?? '';
});

/**
 * name, path, what shows once loaded, the main targets to measure besides large buttons, and how
 * many filled (primary) buttons the screen has: one where there is something to do, none on a
 * screen that is only read (the notices list, a notice that asks for no 已知悉) — never two.
 */
const PAGES: Array<[string, () => string, string, string[], number]> = [
  ['home (走访确认 included)', () => '/package-household/pages/home/index', '.vc-card__buttons', ['.vc-card .bf-btn'], 1],
  ['我的政策', () => '/package-household/pages/benefits/index', '.bf-decision', [], 1],
  ['我要求助', () => '/package-household/pages/need-report/index', '.tile', ['.tile'], 1],
  ['通知', () => '/package-notices/pages/list/index', '.bf-page__body', [], 0],
  ['通知详情', () => `/package-notices/pages/detail/index?id=${noticeId}`, '.nd__title', [], 0],
  ['帮扶明白卡', () => '/package-common/pages/card/index', '.hcard__line', [], 1],
  ['意见建议', () => '/package-common/pages/feedback/index', '.fb-form__chip', [], 1],
];

describe('长辈版 with the system font at its largest', () => {
  it('turns on by itself and says it follows the font size; the switch still turns it off', async () => {
    const page = await largestSystemFont('demo-household');
    await page.goto(`${url}/package-household/pages/home/index`);
    await page.locator('.bf-page--elder').waitFor();
    const row = page.locator('.bf-cell', { hasText: '大字模式' });
    await row.locator('text=跟随微信字体').waitFor();
    await shot(page, 'elder-largest-home');
    await row.click();
    await page.locator('.bf-page:not(.bf-page--elder)').waitFor();
    await row.click();
    await page.locator('.bf-page--elder').waitFor();
    await page.context().close();
  });

  for (const [name, path, ready, targets, primaries] of PAGES) {
    it(`${name}: text ≥ 18 px at ≥ 4.5 : 1, main targets ≥ 60 × 60 px, one primary action, statuses in words, no pop-up`, async () => {
      const page = await largestSystemFont('demo-household');
      await page.goto(`${url}${path()}`);
      await page.locator('.bf-page--elder').waitFor();
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(500);
      expect(await unreadableText(page, 18)).toEqual({ small: [], faint: [] });
      expect(await smallTargets(page, ['.bf-btn--large', ...targets], 60, true)).toEqual([]);
      expect((await boxesOf(page, PRIMARY)).map((b) => b.text)).toHaveLength(primaries);
      // Every coloured status tag says what it means (已到账, 待落实, 逾期 …): colour is never the only signal.
      expect((await boxesOf(page, '.bf-tag')).filter((t) => !t.text)).toEqual([]);
      expect(await page.locator(POP_UPS).count()).toBe(0);
      await shot(page, `elder-largest-${path().split('/')[3]}`);
      await page.context().close();
    });
  }

  it('我要求助: a send the server refuses is said on the page, above the button, with no dialog, and what was typed stays', async () => {
    const page = await largestSystemFont('demo-household');
    await page.route('**/api/needs', async (route) => {
      const body = route.request().postDataJSON() as { action?: string };
      if (body?.action !== 'report') return route.continue();
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: '本户的求助暂时不能提交，请联系村干部' } }),
      });
    });
    await page.goto(`${url}/package-household/pages/need-report/index`);
    await page.locator('.tile').nth(1).click();
    // The chosen tile says so in words (✓) as well as by its border.
    await page.locator('.tile[aria-checked=true]', { hasText: '✓' }).waitFor();
    await page.locator('textarea').fill('老伴住院，押金交不起');
    await page.locator('.bf-btn', { hasText: '提交求助' }).click();
    const failed = page.locator('.report__failed');
    await failed.waitFor();
    expect(await failed.innerText()).toContain('本户的求助暂时不能提交，请联系村干部');
    expect(await page.locator(POP_UPS).count()).toBe(0);
    expect(await page.locator('textarea').inputValue()).toBe('老伴住院，押金交不起');
    expect(await unreadableText(page, 18)).toEqual({ small: [], faint: [] });
    await shot(page, 'elder-largest-need-report-failed');
    await page.context().close();
  });

  it('confirming a visit shows the answer in place, not in a toast', async () => {
    const page = await largestSystemFont('demo-household');
    await page.goto(`${url}/package-household/pages/home/index`);
    const card = page
      .locator('.vc-card')
      .filter({ has: page.locator('.vc-card__buttons') })
      .first();
    await card.locator('.bf-btn', { hasText: '确认来过' }).click();
    await page.getByText('您已确认来过').first().waitFor();
    expect(await page.locator(POP_UPS).count()).toBe(0);
    await shot(page, 'elder-largest-visit-confirmed');
    await page.context().close();
  });

  it('home, 我的政策 and 我的 each have 联系帮扶人 one tap away, at least 60 × 60 px', async () => {
    const page = await largestSystemFont('demo-household');
    for (const [tab, where] of [
      ['首页', '.hh-contact'],
      ['我的政策', '.bf-decision'],
      ['我的', '.bf-cell'],
    ] as const) {
      if (tab !== '首页') await page.locator('.bf-tabbar__item', { hasText: tab }).last().click();
      else await page.goto(`${url}/package-household/pages/home/index`);
      await page.locator(where).first().waitFor();
      const call = page.locator('.bf-btn', { hasText: /联系(帮扶人|村干部)/ }).first();
      await call.waitFor();
      const box = (await call.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(60);
    }
    await page.context().close();
  });
});
