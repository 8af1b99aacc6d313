import { readFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { STATE_FILE } from './global-setup';
import { ownHostForFile } from './host';

export const baseUrl = (): string => process.env.BANGFU_URL ?? JSON.parse(readFileSync(STATE_FILE, 'utf8')).url;

/** Debian's chromium with the flags this machine's closed network needs (DESIGN.md §2). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

/**
 * A fresh browser context signed in as a demo (or any) account through the local sign-in page. By
 * default it waits for the role's home tab bar: going elsewhere earlier races the sign-in. A WeChat
 * user who has not bound lands on the bind page, which has none: pass `{ home: false }`. A test that
 * holds back the page's own scripts (page.route) passes `{ serviceWorker: false }`: the kept app shell
 * would answer them before the route sees them.
 */
export async function signedIn(
  browser: Browser,
  openid: string,
  viewport = PHONE,
  options: { home?: boolean; url?: string; serviceWorker?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', serviceWorkers: options.serviceWorker === false ? 'block' : 'allow' });
  const page = await context.newPage();
  await page.goto(`${options.url ?? baseUrl()}/pages/login/index?openid=${openid}`);
  if (options.home !== false) await page.locator('.bf-tabbar').waitFor();
  return page;
}

/** Screenshots land in test-results/screens so a person can look at what the test saw. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(__dirname, '../../../test-results/screens');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export const tmp = os.tmpdir();

/**
 * A file's own host and a browser for its tests: `ready` receives both once they are up, and both
 * are closed after the file.
 *
 *   let browser: Browser; let url = '';
 *   browserOnOwnHost('policies', (s) => ({ browser, url } = s));
 */
export function browserOnOwnHost(name: string, ready: (session: { browser: Browser; url: string }) => void): void {
  const own = ownHostForFile(name);
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launch();
    ready({ browser, url: own.url() });
  });
  afterAll(async () => {
    await browser?.close();
  });
}
