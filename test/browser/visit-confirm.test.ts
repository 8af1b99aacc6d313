import type { Browser, Page } from 'playwright-core';
import { browserOnOwnHost, DESKTOP, shot, signedIn } from './setup/browser';

/**
 * 走访确认 (issue 17 A) in the browser: demo-helper records a visit, demo-household confirms it on
 * its home with the large buttons, denies a second one with a reason, the helper's visit history
 * shows both answers, and demo-admin finds the denial on 走访确认 (from the findings workbench).
 * Its own host: the visits and answers are writes.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('visit-confirm', (s) => ({ browser, url } = s));
jest.setTimeout(180_000);

async function api(fn: string, action: string, payload: unknown, openid = 'demo-helper') {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  const body = (await res.json()) as { ok: boolean; data: any; error?: { message: string } };
  if (!body.ok) throw new Error(body.error!.message);
  return body.data;
}

async function recordOnPage(page: Page, headName: string, notes: string) {
  await page
    .locator('.due-row', { hasText: `${headName} 户` })
    .first()
    .getByText('记走访')
    .click();
  await page.getByText('走访类型').waitFor();
  await page.locator('textarea').first().fill(notes);
  await page.getByText('保存走访').click();
  await page.getByText('走访已保存').first().waitFor();
}

describe('a household answers for its visits', () => {
  it('confirms one visit, denies another with a reason; the helper sees both and the admin finds the denial', async () => {
    const marker = `确认-${Date.now()}`;
    const household = await api('households', 'get', { householdId: 'hh-000001' }, 'demo-household');
    const helper = await signedIn(browser, 'demo-helper', undefined, { url });
    await recordOnPage(helper, household.headName, `${marker} 一`);
    await recordOnPage(helper, household.headName, `${marker} 二`);
    const mine = (await api('visits', 'listByHousehold', { householdId: 'hh-000001', limit: 100 })).items.filter((v: any) => v.notes.startsWith(marker));
    expect(mine).toHaveLength(2);

    const home = await signedIn(browser, 'demo-household', undefined, { url });
    await home.locator('.vc__title', { hasText: '走访确认' }).waitFor();
    const firstCard = home
      .locator('.vc-card')
      .filter({ has: home.locator('.vc-card__buttons') })
      .last();
    await firstCard.locator('.vc-card__title', { hasText: '来家走访' }).waitFor();
    await shot(home, 'visit-confirm-household-ask');
    await firstCard.getByText('确认来过').click();
    await home.getByText('您已确认来过').first().waitFor();
    const answered = (await api('visits', 'listByHousehold', { householdId: 'hh-000001', limit: 100 }, 'demo-household')).items;
    const confirmedOne = answered.find((v: any) => v.confirmation?.happened === true && mine.some((m: any) => m._id === v._id));
    expect(confirmedOne).toBeTruthy();

    const open = home
      .locator('.vc-card')
      .filter({ has: home.locator('.vc-card__buttons') })
      .last();
    await open.getByText('没有来过').click();
    await open.locator('.vc-card__reason', { hasText: '只打了电话' }).click();
    await shot(home, 'visit-confirm-household-deny');
    await open.getByText('确定没有来过').click();
    await home.getByText('您说没有来过').first().waitFor();
    await shot(home, 'visit-confirm-household-answered');
    const after = (await api('visits', 'listByHousehold', { householdId: 'hh-000001', limit: 100 })).items.filter((v: any) => v.notes.startsWith(marker));
    const states = after.map((v: any) => v.confirmation && [v.confirmation.happened, v.confirmation.reason]);
    expect(states).toEqual(
      expect.arrayContaining([
        [true, ''],
        [false, '只打了电话'],
      ]),
    );

    // The helper's visit history shows the answers.
    await helper.goto(`${url}/package-common/pages/household/index?id=hh-000001`);
    await helper.locator('.hh-visit', { hasText: '户已确认' }).first().waitFor();
    const denied = helper.locator('.hh-visit', { hasText: `${marker}` }).filter({ hasText: '户称未来：只打了电话' });
    await denied.waitFor();
    await denied.scrollIntoViewIfNeeded();
    await shot(helper, 'visit-confirm-helper-history');

    // The admin: from the findings workbench to 走访确认, the denial in the list with its reason.
    const admin = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    await admin.goto(`${url}/package-admin/pages/findings/index`);
    await admin.getByText('走访确认', { exact: true }).click();
    await admin.getByText('走访确认率').first().waitFor();
    const row = admin.locator('tr', { hasText: '只打了电话' });
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain('户称未来');
    await shot(admin, 'visit-confirm-admin-desk');
    // 消息发送记录: the alert to the village and town admins.
    await admin.goto(`${url}/package-admin/pages/notice-outbox/index`);
    await admin.locator('.no__what', { hasText: '走访未获确认' }).first().waitFor();
    await shot(admin, 'visit-confirm-admin-outbox');
    // The same page on a phone: the rows instead of the table.
    const phone = await signedIn(browser, 'demo-admin', undefined, { url });
    await phone.goto(`${url}/package-admin/pages/visit-confirmations/index`);
    await phone.locator('.vconf__row', { hasText: '理由：只打了电话' }).waitFor();
    await shot(phone, 'visit-confirm-admin-phone');
  });

  it('the household rates its helper once a quarter; the helper sees only the mean on 我的', async () => {
    const name = (await api('auth', 'whoami', {}, 'demo-helper')).name;
    const home = await signedIn(browser, 'demo-household', undefined, { url });
    const card = home.locator('.rh-card', { hasText: name });
    await card.waitFor();
    await card.locator('.rh-card__star').nth(3).click();
    await card.getByText('满意', { exact: true }).waitFor();
    await card.locator('.rh-card__reason', { hasText: '办事热心' }).click();
    await card.scrollIntoViewIfNeeded();
    await shot(home, 'rate-helper-household');
    await card.getByText('提交评价').click();
    await home.locator('.rh-card', { hasText: name }).getByText('本季度已评价', { exact: false }).waitFor();
    const ratings = await api('assignments', 'householdRatings', {}, 'demo-household');
    expect(ratings.items.find((i: any) => i.helperName === name).rating).toMatchObject({ rating: 4, reasons: ['办事热心'] });

    const helper = await signedIn(browser, 'demo-helper', undefined, { url });
    await helper.goto(`${url}/pages/me/index`);
    const row = helper.locator('.bf-cell', { hasText: '帮扶户满意度' });
    await row.waitFor();
    await row.getByText('4 分（1 次评价）').waitFor();
    await shot(helper, 'rate-helper-helper-me');
  });
});
