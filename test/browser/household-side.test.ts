import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { idCheckChar } from '../../types';
import { browserOnOwnHost, shot, signedIn } from './setup/browser';
import { lowContrastText, smallTargets } from './support/measure';

/**
 * Issue 13, items 8, 17 and 18, as the household sees them at 375×812: whom to call from home and
 * 我的 (and the village admin when there is no helper), plain messages next to their fields, the
 * calculator, and 大字模式's contrast, tap targets and tab icons, measured on the rendered page.
 * Its own host: the last tests register and bind a household nobody is paired with yet.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('household-side', (s) => ({ browser, url } = s));

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
const primaryOf = async () =>
  (await api('assignments', 'listByHousehold', { householdId: 'hh-000001' }, 'demo-household')).items.find((p: any) => p.role === 'primary' && p.active);

async function elderOn(page: Page) {
  await page.goto(`${url}/package-household/pages/home/index`);
  const row = page.locator('.bf-cell', { hasText: '大字模式' });
  await row.waitFor();
  if (!(await page.locator('.bf-page--elder').count())) await row.click();
  await page.locator('.bf-page--elder').waitFor();
}

describe('whom the household calls (item 8)', () => {
  it('home and 我的 show the primary helper by name with a button that calls them', async () => {
    const primary = await primaryOf();
    const page = await signedIn(browser, 'demo-household', undefined, { url });
    const card = page.locator('.bf-card', { hasText: '我的帮扶人' });
    await card.getByText(`主帮扶人：${primary.helperName}`).waitFor();
    await card.locator('.bf-btn', { hasText: `联系帮扶人 ${primary.helperName}` }).waitFor();
    await shot(page, 'household-home-contact');
    await page.locator('.bf-tabbar__item', { hasText: '我的' }).last().click();
    const mine = page.locator('.bf-card', { hasText: '我的帮扶人' });
    await mine.locator('.bf-btn', { hasText: `联系帮扶人 ${primary.helperName}` }).waitFor();
    await page.context().close();
  });
});

describe('plain messages next to their fields; the calculator (item 17)', () => {
  const fill = async (page: Page, fields: { income: string; date?: string; birth: string }) => {
    await page.goto(`${url}/package-public/pages/calculator/index`);
    await page.locator('input[name=income]').fill(fields.income);
    if (fields.date) await page.locator('input[name=date]').fill(fields.date);
    await page.locator('input[name=birth-0]').fill(fields.birth);
    await page.locator('.calc-chip', { hasText: '能干轻活' }).click();
    await page.getByText('开始测算').click();
  };

  it('reads 1958年5月2日, scrolls to the result and tells a 62-year-old who 能干轻活 why 小额信贷 does not apply', async () => {
    const page = await signedIn(browser, 'demo-household', undefined, { url });
    await fill(page, { income: '9000', date: '2021年3月1日', birth: '1958年5月2日' });
    const results = page.locator('.calc-results');
    await results.waitFor();
    await page.waitForFunction(() => {
      const r = document.querySelector('.calc-results')!.getBoundingClientRect();
      return r.top >= -1 && r.top < 200;
    });
    const credit = results.locator('.bf-decision', { hasText: '小额信贷' });
    await credit.click();
    await credit.getByText('家中 18–65 周岁的成员只能干轻活（弱劳动力），小额信贷要求至少有一名 18–65 周岁、能正常干活（有劳动力）的成员').waitFor();
    await shot(page, 'calculator-result');
    await page.context().close();
  });

  it('offers a date picker for the birth date, which fills the field in the way people write dates', async () => {
    const page = await signedIn(browser, 'demo-household', undefined, { url });
    await page.goto(`${url}/package-public/pages/calculator/index`);
    await page.locator('.calc-birth__pick').click();
    await page.getByText('确定', { exact: true }).click();
    await page.waitForFunction(() => (document.querySelector('input[name=birth-0]') as HTMLInputElement | null)?.value === '1960年1月1日');
    await page.context().close();
  });

  it('a date that does not exist is said under that birth date, in plain words', async () => {
    const page = await signedIn(browser, 'demo-household', undefined, { url });
    await fill(page, { income: '9000', birth: '1958年2月30日' });
    const error = page.locator('.calc-birth .bf-field__error');
    await error.waitFor();
    expect(await error.innerText()).toBe('出生日期请按“1958年5月2日”的样子填写，或点“选日期”');
    await page.context().close();
  });

  it("the server's refusal lands under its own field without a schema path", async () => {
    const page = await signedIn(browser, 'demo-household', undefined, { url });
    await fill(page, { income: '200000000', birth: '1958-05-02' });
    const field = page.locator('.bf-field', { has: page.locator('input[name=income]') });
    await field.locator('.bf-field__error', { hasText: '家庭年纯收入过大，请核对' }).waitFor();
    expect(await page.locator('.bf-page').innerText()).not.toMatch(/家庭 · |第 \d+ 项|annualNetIncome/);
    await page.context().close();
  });

  it("asking for 重新办理 the household reads its own hint, never the staff's 办理说明", async () => {
    const need = await api('needs', 'report', { id: randomUUID(), category: 'housing', description: '房顶漏雨' }, 'demo-household');
    const accepted = await api('needs', 'transition', { needId: need._id, to: 'accepted', version: need.version }, 'demo-helper');
    await api('needs', 'transition', { needId: need._id, to: 'resolved', version: accepted.version, note: '已请人修好房顶' }, 'demo-helper');
    const page = await signedIn(browser, 'demo-household', undefined, { url });
    await page.goto(`${url}/package-household/pages/need/index?id=${need._id}`);
    await page.getByText('问题没有解决？写明原因，可以要求重新办理').waitFor();
    const hints = await page.locator('textarea').evaluateAll((els) => els.map((e) => e.getAttribute('placeholder')));
    expect(hints).toContain('写明哪里还没有解决，例如：房顶还在漏雨');
    expect(hints.filter((h) => /办理说明|办结|不予受理/.test(h ?? ''))).toEqual([]);
    await page.context().close();
  });
});

describe('大字模式 (item 18)', () => {
  it('is switched on from the household home with one tap on its row', async () => {
    const page = await signedIn(browser, 'demo-household', undefined, { url });
    const row = page.locator('.bf-cell', { hasText: '大字模式' });
    expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await row.click();
    await page.locator('.bf-page--elder').waitFor();
    await page.context().close();
  });

  it('shows no low-contrast grey or blue text on home, 我的政策, 我的 and the calculator', async () => {
    const page = await signedIn(browser, 'demo-household', undefined, { url });
    await elderOn(page);
    await page.locator('.bf-card', { hasText: '我的帮扶人' }).locator('.bf-btn').first().waitFor();
    expect(await lowContrastText(page)).toEqual([]);
    await page.locator('.bf-tabbar__item', { hasText: '我的政策' }).click();
    await page.getByText('点击展开，查看每项不适用的原因').click();
    await page.locator('.bf-tag', { hasText: '不适用' }).first().waitFor();
    expect(await lowContrastText(page)).toEqual([]);
    await shot(page, 'household-benefits-elder');
    await page.locator('.bf-tabbar__item', { hasText: '我的' }).last().click();
    await page.locator('.bf-cell', { hasText: '身份' }).waitFor();
    expect(await lowContrastText(page)).toEqual([]);
    await page.goto(`${url}/package-public/pages/calculator/index`);
    await page.getByText('开始测算').waitFor();
    expect(await lowContrastText(page)).toEqual([]);
    await page.context().close();
  });

  it('makes every tap target at least 44 px tall, 查看全部理由 included', async () => {
    const page = await signedIn(browser, 'demo-household', undefined, { url });
    await elderOn(page);
    await page.locator('.bf-tabbar__item', { hasText: '我的政策' }).click();
    await page.locator('.bf-decision__more').first().waitFor();
    expect(await smallTargets(page, ['.bf-decision__more', '.bf-fold', '.bf-btn', '.bf-tabbar__item'])).toEqual([]);
    await page.goto(`${url}/package-household/pages/home/index`);
    await page.locator('.hh__coming').first().waitFor();
    expect(await smallTargets(page, ['.hh__coming', '.bf-btn', '.bf-cell'])).toEqual([]);
    await page.goto(`${url}/package-public/pages/calculator/index`);
    await page.locator('.calc-chip').first().waitFor();
    expect(await smallTargets(page, ['.calc-chip', '.calc-birth__pick', '.bf-btn'])).toEqual([]);
    await page.context().close();
  });

  it("draws each of the household's five tabs with an icon of its own", async () => {
    const page = await signedIn(browser, 'demo-household', undefined, { url });
    await page.locator('.bf-tabbar__icon').first().waitFor();
    // Same colour for all and no unread badge: only the shapes are compared.
    await page.addStyleTag({ content: '.bf-tabbar__item { color: #000 !important; } .bf-tabbar__badge { display: none !important; }' });
    const icons = page.locator('.bf-tabbar__icon');
    expect(await icons.count()).toBe(5);
    const images = await Promise.all([0, 1, 2, 3, 4].map(async (i) => (await icons.nth(i).screenshot()).toString('base64')));
    expect(new Set(images).size).toBe(5);
    await page.context().close();
  });
});

describe('a household with no primary helper (item 8)', () => {
  const idOf = (seq: number) => {
    const f = `990301197001${String(seq).padStart(2, '0')}001`;
    return f + idCheckChar(f);
  };
  const OPENID = 'wx-no-helper';
  beforeAll(async () => {
    // A household the village admin has just registered: nobody is paired with it yet (未结对).
    const created = await api(
      'households',
      'create',
      {
        code: 'T-NOHELPER',
        villageId: 'village-1-1',
        address: '上坪村2组8号',
        status: 'monitored',
        causes: ['illness'],
        identifiedYear: 2024,
        incomes: [{ year: 2025, amount: 12000 }],
        housingGrade: 'B',
        safeWater: true,
        members: [{ name: '赵新户', relation: 'head', idNumber: idOf(15), phone: '13911112222', health: 'healthy', laborCapacity: 'full' }],
      },
      'demo-village-admin',
    );
    const { code } = await api('auth', 'createBindCode', { householdId: created._id, memberId: created.members[0].id }, 'demo-village-admin');
    await api('auth', 'bindWithCode', { code }, OPENID);
  });

  it('is shown its village admin 郑书记 on home, with a button that calls them', async () => {
    const page = await signedIn(browser, OPENID, undefined, { url });
    const card = page.locator('.bf-card', { hasText: '我的帮扶人' });
    await card.getByText('村干部：郑书记').waitFor();
    await card.locator('.bf-btn', { hasText: '联系村干部 郑书记' }).waitFor();
    await shot(page, 'household-home-village-admin');
    await page.context().close();
  });

  it("我的政策's gap cards name 郑书记 and call them, instead of a nameless 请联系帮扶人", async () => {
    const page = await signedIn(browser, OPENID, undefined, { url });
    await page.locator('.bf-tabbar__item', { hasText: '我的政策' }).click();
    const gap = page.locator('.bf-gap').first();
    await gap.getByText(/请联系村干部 郑书记/).waitFor();
    await gap.locator('.bf-btn', { hasText: '联系村干部 郑书记' }).waitFor();
    expect(await page.locator('.bf-gap', { hasText: /请联系帮扶人/ }).count()).toBe(0);
    await shot(page, 'household-gaps-village-admin');
    await page.context().close();
  });
});
