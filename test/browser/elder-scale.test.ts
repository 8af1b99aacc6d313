import type { Browser, Page } from 'playwright-core';
import { browserOnOwnHost, PHONE, shot } from './setup/browser';

/**
 * 长辈版 follows the system font size (SPEC §2): in H5 the browser's font size setting, which the
 * app reads as its `medium` size ÷ 16 (services/font-scale.h5.ts). Chromium's own setting is set
 * here through DevTools (Page.setFontSizes, standard 24 px = the largest factor, 1.5), before any
 * page loads; then every household page is measured as rendered: text size, main targets, contrast.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('elder-scale', (s) => ({ browser, url } = s));

async function largestSystemFont(openid: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
  await page.goto(`${url}/pages/login/index?openid=${openid}`);
  await page.locator('.bf-tabbar').waitFor();
  return page;
}

/** Visible text smaller than `min` px, and text under 4.5 : 1 against what is behind it. */
function measure(page: Page, min: number): Promise<{ small: string[]; faint: string[] }> {
  return page.evaluate((minPx) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const small: string[] = [];
    const faint: string[] = [];
    for (const el of Array.from(document.querySelectorAll('.bf-page *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim());
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!own || box.width === 0 || box.height === 0 || style.visibility === 'hidden' || el.closest('textarea, input, .bf-tabbar')) continue;
      const label = el.textContent!.trim().slice(0, 16);
      if (parseFloat(style.fontSize) < minPx) small.push(`${label} ${style.fontSize}`);
      const [a, b] = [lum(rgb(style.color).slice(0, 3)), lum(background(el))].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < 4.5) faint.push(`${label} ${style.color} ${ratio.toFixed(1)}`);
    }
    return { small, faint };
  }, min);
}

const PAGES: Array<[string, string, string]> = [
  ['home', '/package-household/pages/home/index', '.hh-contact'],
  ['我的政策', '/package-household/pages/benefits/index', '.bf-decision'],
  ['我要求助', '/package-household/pages/need-report/index', '.tile'],
  ['通知', '/package-notices/pages/list/index', '.bf-page__body'],
  ['帮扶明白卡', '/package-common/pages/card/index', '.hcard__line'],
  ['意见建议', '/package-common/pages/feedback/index', '.fb-form__chip'],
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

  for (const [name, path, ready] of PAGES) {
    it(`${name}: every text ≥ 18 px and ≥ 4.5 : 1, main buttons ≥ 60 × 60 px`, async () => {
      const page = await largestSystemFont('demo-household');
      await page.goto(`${url}${path}`);
      await page.locator('.bf-page--elder').waitFor();
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(500);
      const { small, faint } = await measure(page, 18);
      expect(small).toEqual([]);
      expect(faint).toEqual([]);
      const buttons = await page.locator('.bf-btn--large').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }));
      for (const [w, h] of buttons) expect(Math.min(w, h)).toBeGreaterThanOrEqual(60);
      await shot(page, `elder-largest-${path.split('/')[3]}`);
      await page.context().close();
    });
  }

  it('home has 联系帮扶人 one tap away, at least 60 px tall', async () => {
    const page = await largestSystemFont('demo-household');
    await page.goto(`${url}/package-household/pages/home/index`);
    const call = page.locator('.bf-btn', { hasText: '联系帮扶人' }).first();
    await call.waitFor();
    expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(60);
    await page.context().close();
  });
});
