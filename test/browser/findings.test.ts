import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { browserOnOwnHost, DESKTOP, PHONE, signedIn } from './setup/browser';

/**
 * 督查整改 (issue #14) as its users do it: the county admin records a finding against a household
 * and issues the notice; the household's helper acknowledges, claims, plans, submits evidence and
 * asks to close; the admin sends it back with a reason; the helper submits again; the town admin
 * passes it; it shows as 已销号 and on the household's timeline. Seeded overdue findings are red.
 */
let browser: Browser;
let url = '';
browserOnOwnHost('findings', (s) => ({ browser, url } = s));

const signIn = (openid: string, viewport = PHONE) => signedIn(browser, openid, viewport, { url });
const open = (page: Page, path: string) => page.goto(`${url}${path}`);

/** A 1×1 PNG, enough to go through picking, the local file store and the history. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const RED = 'rgb(238, 10, 36)';
const DESCRIPTION = `危房改造未验收即入住 ${Date.now().toString(36)}`;
const SHOTS = '/tmp/shots-find';
let findingPath = '';
let code = '';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const status = (page: Page) => page.locator('.finding-summary .bf-card__extra');
const colour = (l: Locator) => l.evaluate((el) => getComputedStyle(el).color);

const action = (page: Page, button: string) => page.locator('.finding-actions').getByText(button, { exact: true });

async function step(page: Page, button: string, expectStatus: string) {
  await action(page, button).click();
  await status(page).getByText(expectStatus, { exact: true }).waitFor();
}

async function submitEvidence(page: Page, note: string) {
  const form = page.locator('.finding-form', { hasText: '提交整改佐证' });
  await form.locator('textarea').fill(note);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), form.getByText('＋ 佐证照片').click()]);
  await chooser.setFiles({ name: 'evidence.png', mimeType: 'image/png', buffer: PNG });
  await form.locator('.finding-photos__img').waitFor();
  await form.getByText('提交整改佐证', { exact: true }).last().click();
  await status(page).getByText('已提交佐证', { exact: true }).waitFor();
  await page.locator('.finding-timeline').getByText(note).waitFor();
}

describe('a finding goes from record to 销号', () => {
  it('demo-admin records a finding against 上坪村 hh-000001 from its 户档案 and issues the notice', async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await open(page, '/package-common/pages/household/index?id=hh-000001');
    await page.getByText('登记督查问题', { exact: true }).click();
    await page.locator('.finding-new__picked', { hasText: '已选：' }).waitFor();
    await page.getByText('登记问题', { exact: true }).last().click();
    await page.getByText('请选择问题来源').waitFor();
    await page.getByText('请填写问题描述').waitFor();
    await page.getByText('请选择整改时限').waitFor();
    await page.locator('.finding-new__chip', { hasText: '暗访' }).click();
    await page.locator('.finding-new__chip', { hasText: '住房安全' }).click();
    await page.locator('.finding-new__chip', { hasText: '较重' }).click();
    await page.locator('.finding-new__text textarea, textarea.finding-new__text').first().fill(DESCRIPTION);
    await page.locator('.finding-new__chip', { hasText: '30 天' }).click();
    await page.locator('input[name="leadUnit"]').fill('县乡村振兴局');
    await shot(page, 'finding-new-desktop');
    await page.getByText('登记问题', { exact: true }).last().click();
    await page.waitForURL(/\/package-common\/pages\/finding\/index\?id=/);
    await status(page).getByText('待认领', { exact: true }).waitFor();
    findingPath = new URL(page.url()).pathname + new URL(page.url()).search;
    code = (await page.locator('.finding-summary .bf-card__title').innerText()).trim();
    expect(code).toMatch(/^DC-\d{4}-\d{4}$/);
    const top = await page.locator('.finding-summary').innerText();
    expect(top).toMatch(/整改时限 \d{4}年\d{1,2}月\d{1,2}日 18:00/);
    expect(top).toMatch(/还剩 (29|30) 天/);
    expect(top).toContain(DESCRIPTION);
    expect(top).toMatch(/暗访[\s\S]*住房安全[\s\S]*较重/);
    expect(top).toContain('县乡村振兴局');
    expect(await page.locator('.finding-detail__row', { hasText: '责任人' }).innerText()).not.toMatch(/—/);
    expect(await page.locator('.finding-detail__row', { hasText: '通知单' }).innerText()).toContain('未下发');

    await action(page, '下发通知单').click();
    await page.locator('.finding-detail__row', { hasText: '未确认收到' }).waitFor();
    expect(await page.locator('.finding-detail__row', { hasText: '通知单' }).innerText()).toMatch(/整改通知〔\d{4}〕\d+号/);
    const download = page.waitForEvent('download');
    await action(page, '导出通知单').click();
    expect((await download).suggestedFilename()).toBe(`限期整改通知单-${code}.xlsx`);
    await shot(page, 'finding-admin-noticed');
    await page.context().close();
  });

  it('demo-helper finds it under 整改任务, acknowledges, claims, plans, submits evidence with a photo and asks to close', async () => {
    const page = await signIn('demo-helper');
    const row = page.locator('.finding-tasks .finding-row', { hasText: code });
    await row.waitFor();
    expect(await row.innerText()).toContain('待我处理');
    await shot(page, 'finding-helper-home');
    await row.click();
    await status(page).getByText('待认领', { exact: true }).waitFor();
    await action(page, '确认收到通知单').click();
    await page.locator('.finding-detail__row', { hasText: '已确认收到' }).waitFor();
    await step(page, '认领', '已认领');
    const plan = page.locator('.finding-form', { hasText: '每行写一条措施' });
    await plan.locator('textarea').fill('');
    await plan.getByText('保存整改措施').click();
    await plan.getByText('请至少填写一条整改措施，每行一条').waitFor();
    await plan.locator('textarea').fill('联系住建部门补做竣工验收\n验收前安排老人暂住亲属家');
    await plan.getByText('保存整改措施').click();
    await status(page).getByText('整改中', { exact: true }).waitFor();
    await page.locator('.finding-detail__item', { hasText: '2. 验收前安排老人暂住亲属家' }).waitFor();
    await submitEvidence(page, '住建部门已完成竣工验收，附验收照片');
    await step(page, '申请销号', '申请销号');
    await shot(page, 'finding-helper-close-requested');
    await page.context().close();
  });

  it('demo-admin sends it back: a reason is required, then it shows', async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await open(page, findingPath);
    await status(page).getByText('申请销号', { exact: true }).waitFor();
    await page.locator('.finding-timeline .finding-photos__img').first().waitFor();
    await action(page, '退回整改').click();
    await page.getByText('退回整改请写明理由').waitFor();
    await page.locator('.finding-form', { hasText: '验收（回头看）' }).locator('textarea').fill('验收照片看不清房屋全貌');
    await step(page, '退回整改', '退回整改');
    await page.locator('.finding-detail__return', { hasText: '退回理由：验收照片看不清房屋全貌' }).waitFor();
    await shot(page, 'finding-admin-returned');
    await page.context().close();
  });

  it('demo-helper submits again and asks to close', async () => {
    const page = await signIn('demo-helper');
    await open(page, findingPath);
    await status(page).getByText('退回整改', { exact: true }).waitFor();
    await page.getByText('退回理由：验收照片看不清房屋全貌').waitFor();
    await submitEvidence(page, '补拍房屋全貌照片');
    await step(page, '申请销号', '申请销号');
    await page.context().close();
  });

  it('demo-town-admin passes it after confirming; it is 已销号 and on the household timeline', async () => {
    const stale = await signIn('demo-admin', DESKTOP);
    await open(stale, findingPath);
    await status(stale).getByText('申请销号', { exact: true }).waitFor();
    const page = await signIn('demo-town-admin', DESKTOP);
    await open(page, findingPath);
    await status(page).getByText('申请销号', { exact: true }).waitFor();
    await action(page, '通过销号').click();
    const modal = page.locator('.taro-modal__foot');
    await modal.waitFor();
    await modal.getByText('取消').click();
    await status(page).getByText('申请销号', { exact: true }).waitFor();
    await action(page, '通过销号').click();
    await page.locator('.taro-modal__foot').getByText('通过销号').click();
    await status(page).getByText('已销号', { exact: true }).waitFor();
    await page.locator('.finding-days', { hasText: '按期销号' }).waitFor();
    const history = await page.locator('.finding-timeline').innerText();
    for (const text of ['验收通过，销号', '验收未通过，退回整改', '提交整改佐证', '确认收到通知单', '下发限期整改通知单', '登记问题'])
      expect(history).toContain(text);
    expect(await action(page, '通过销号').count()).toBe(0);
    await shot(page, 'finding-closed');

    // demo-admin's page still shows 申请销号: sending it back now answers CONFLICT with the finding as it is.
    await stale.locator('.finding-form', { hasText: '验收（回头看）' }).locator('textarea').fill('再核实一次');
    await action(stale, '退回整改').click();
    await stale.getByText('这条问题刚被其他人更新过，已为您显示最新状态，请确认后再操作').waitFor();
    await status(stale).getByText('已销号', { exact: true }).waitFor();
    await stale.context().close();

    await page.getByText('查看户档案').click();
    const timeline = page.locator('.hh-section', { hasText: '帮扶动态' });
    await timeline.getByText(`督查整改 ${code}：验收通过，销号`).waitFor();
    await page.context().close();
  });
});

describe('overdue findings are red', () => {
  it('the admin list filtered to 已逾期 shows only overdue rows, labelled 已逾期 in red', async () => {
    const page = await signIn('demo-admin', DESKTOP);
    await open(page, '/package-admin/pages/findings/index');
    await page.getByText('平均整改用时').waitFor();
    await page.getByText('按期销号率').waitFor();
    await page.locator('.finding-row').first().waitFor();
    await shot(page, 'findings-admin-desktop');
    await page.locator('.filters__chip', { hasText: '已逾期' }).click();
    await page.locator('.filters__chip--danger', { hasText: '已逾期' }).waitFor();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.finding-row')).every((r) => r.textContent?.includes('已逾期')));
    const labels = page.locator('.finding-row .finding-days');
    expect(await labels.count()).toBeGreaterThan(0);
    for (const text of await labels.allInnerTexts()) expect(text).toMatch(/^已逾期 \d+ 天$/);
    expect(await colour(labels.first())).toBe(RED);
    await page.context().close();
  });

  it("the helper's 整改任务 shows a seeded overdue finding in red", async () => {
    const page = await signIn('demo-helper');
    const overdue = page.locator('.finding-tasks .finding-days', { hasText: '已逾期' }).first();
    await overdue.waitFor();
    expect(await colour(overdue)).toBe(RED);
    await page.context().close();
  });
});
