/**
 * 回头看 and 数据核查 as people use them: a county admin draws a round at the desk, a helper works
 * the households of it that are theirs (a re-check visit, then 标记已复核), the admin runs a check.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { browserOnOwnHost, DESKTOP, PHONE, shot, signedIn } from './setup/browser';

let browser: Browser;
let url = '';
browserOnOwnHost('review', (s) => ({ browser, url } = s));

const api = async (fn: string, action: string, payload: unknown, openid: string) => {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  return res.json() as Promise<{ ok: boolean; data: any }>;
};

describe('回头看', () => {
  it('an admin draws a round per village; the helper works a household of theirs by a re-check visit', async () => {
    const admin = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    await admin.goto(`${url}/package-common/pages/review/index`);
    await admin.getByText('抽取新一轮').waitFor();
    // 10 of a village's 25 households: the demo helper's 16 households are all but surely among them.
    await admin.locator('input[name=perVillage]').fill('10');
    await admin.locator('input[name=nonRegistered]').fill('0');
    await admin.getByText('抽取', { exact: true }).click();
    await admin.getByText(/每村随机抽取 10 户建档立卡户/).waitFor();
    await admin.getByText('确定', { exact: true }).click();
    // 12 villages × 10 households, listed 50 to a page with their village.
    await admin.getByText(/12 个村 120 户 · 已复核 0 户/).waitFor();
    await admin.getByText('需复核的户（共 120 户）').waitFor();
    expect(await admin.locator('.review__item').count()).toBe(50);
    await shot(admin, 'review-round-admin');

    const helper = await signedIn(browser, 'demo-helper', PHONE, { url });
    await helper.goto(`${url}/package-common/pages/review/index`);
    await helper.locator('.review__round').first().click();
    await helper.locator('.review__item').first().waitFor();
    const mine = await helper.locator('.review__item').count();
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThan(50);
    const first = helper.locator('.review__item').first();
    // Nothing recorded since the draw yet: the helper is told what to do first.
    await first.getByText('标记已复核').click();
    await helper.getByText('请先记录复核走访或登记问题').waitFor();

    const roundId = new URL(helper.url()).searchParams.get('id')!;
    const items = await api('findings', 'roundItems', { roundId, limit: 100 }, 'demo-helper');
    const householdId = items.data.items[0].householdId;
    const visit = await api(
      'visits',
      'record',
      { id: randomUUID(), householdId, visitedAt: new Date().toISOString(), occasion: 'routine', notes: '回头看复核' },
      'demo-helper',
    );
    expect(visit.ok).toBe(true);
    await first.getByText('标记已复核').click();
    await first.getByText('已复核走访').waitFor();
    await shot(helper, 'review-round-helper');
    // The admin's round now counts it.
    await admin.goto(`${url}/package-common/pages/review/index`);
    await admin.getByText(/已复核 1 户/).waitFor();
  });

  it('数据核查 lists one helper at several households within minutes', async () => {
    const households = (await api('assignments', 'listByHelper', {}, 'demo-helper')).data.items.slice(0, 3).map((p: { householdId: string }) => p.householdId);
    for (const householdId of households) {
      const r = await api(
        'visits',
        'record',
        { id: randomUUID(), householdId, visitedAt: new Date().toISOString(), occasion: 'routine', notes: '连走' },
        'demo-helper',
      );
      expect(r.ok).toBe(true);
    }
    const admin = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    await admin.goto(`${url}/package-admin/pages/integrity/index`);
    await admin
      .locator('.integrity__item', { hasText: /分钟内连续走访 [3-9] 户/ })
      .first()
      .waitFor();
    await shot(admin, 'integrity-rapid');
  });
});
