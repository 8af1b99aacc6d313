import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { shot, signedIn, browserOnOwnHost } from './setup/browser';

/**
 * Issue 13, item 5: a household visited this month and then struck by an emergency is due again,
 * but its visit still counts. Its own host: the emergency and visit would change the shared seed.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('visit-again', (s) => ({ browser, url } = s));

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

describe("an emergency after this month's visit (demo-helper)", () => {
  it('shows the visit as made, says why another is due, and keeps it in 本月已走访', async () => {
    await api(
      'visits',
      'record',
      { id: randomUUID(), householdId: 'hh-000001', visitedAt: new Date(Date.now() - 3_600_000).toISOString(), occasion: 'routine', notes: '了解近况' },
      'demo-helper',
    );
    const before = await api('visits', 'listDue', {}, 'demo-helper');
    await api('needs', 'report', { id: randomUUID(), category: 'emergency', description: '老人在家摔伤，需要帮助' }, 'demo-household');

    const { headName } = before.items.find((i: any) => i.householdId === 'hh-000001');

    const page = await signedIn(browser, 'demo-helper', undefined, { url });
    const row = page.locator('.due-row', { hasText: `${headName} 户` });
    await row.getByText('急难后需再次走访').waitFor();
    await row.getByText('已走访', { exact: true }).waitFor();
    expect(await row.getByText('本月待走访').count()).toBe(0);
    expect(await page.locator('.helper__count').innerText()).toContain(`${before.visited}/${before.total}`);
    await shot(page, 'helper-home-visit-again');
    await page.context().close();
  });
});
