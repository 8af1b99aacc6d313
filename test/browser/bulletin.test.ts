/**
 * 月度通报 end to end (issue 15): the county admin reads last month's bulletin, drills into the
 * weakest town down to the households not visited, and publishes it; a helper gets the notice and
 * opens the published bulletin from it. Publishing writes, so the file has its own host.
 */
import type { Browser } from 'playwright-core';
import { browserOnOwnHost, DESKTOP, PHONE, signedIn } from './setup/browser';

let browser: Browser;
let url = '';
browserOnOwnHost('bulletin', (s) => ({ browser, url } = s));

describe('月度通报', () => {
  it('demo-admin reads, drills into the weakest town and publishes; demo-helper opens it from the notice', async () => {
    const page = await signedIn(browser, 'demo-admin', DESKTOP, { url });
    await page.getByText('月度通报（上月排名与短板）').click();
    await page.locator('.bulletin__title').waitFor();
    await page.getByText('实时数据 · 发布后定稿').waitFor();
    // Three towns as bars and in the ranking, best first, with one green and one red.
    await page.locator('.bf-card', { hasText: '各乡镇走访覆盖率' }).locator('.coverage-bars__row').nth(2).waitFor();
    const ranking = page.locator('.bf-card', { hasText: '乡镇排名' });
    const towns = ranking.locator('.bf-table__row');
    expect(await towns.count()).toBe(3);
    expect(await towns.first().locator('.bulletin__band').innerText()).toContain('绿');
    expect(await towns.last().locator('.bulletin__band').innerText()).toContain('红');
    expect(await page.locator('.bulletin__trend-col').count()).toBe(6);
    await page.locator('.bulletin__sentence--weak').first().waitFor();

    // The weakest town → its villages → the households of one village not visited.
    const weakest = (await towns.last().locator('td').nth(1).innerText()).trim();
    await towns.last().click();
    await page.getByText(`${weakest}各村排名`).first().waitFor();
    const villages = page.locator('.bf-card', { hasText: `${weakest}各村排名` }).locator('.bf-table__row');
    const last = villages.last();
    const covered = (await last.locator('td').nth(5).innerText()).match(/(\d+)\/(\d+)/)!;
    const missing = Number(covered[2]) - Number(covered[1]);
    await last.click();
    const card = page.locator('.bf-card', { hasText: '当月未走访的户' });
    if (missing > 0) expect(await card.locator('.bulletin__household').nth(missing - 1).waitFor().then(() => card.locator('.bulletin__household').count())).toBe(missing);
    else await card.getByText('这个村月末结对的户当月都走访过').waitFor();

    // Publish, after the confirmation.
    await page.getByText('发布通报').click();
    await page.getByText(/发布后.*数据将定稿/).waitFor();
    await page.getByText('发布', { exact: true }).last().click();
    await page.getByText(/已发布 · .* 定稿/).waitFor();
    await page.context().close();

    const helper = await signedIn(browser, 'demo-helper', PHONE, { url });
    await helper.goto(`${url}/package-notices/pages/list/index`);
    await helper.getByText(/月度通报$/).first().click();
    await helper.getByText('查看月度通报', { exact: true }).click();
    await helper.locator('.bulletin__title').waitFor();
    await helper.getByText(/已发布 · .* 定稿/).waitFor();
    // A helper reads the published figures; publishing and the households not visited stay with admins.
    expect(await helper.getByText('发布通报').count()).toBe(0);
    await helper.context().close();
  });
});
