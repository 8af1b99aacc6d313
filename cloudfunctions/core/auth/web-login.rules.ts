import type { WebLoginStatus } from '../../../types/api/auth';

/** How long a desktop's QR stays good: long enough to find the phone and open WeChat, short enough that a photo of it is soon worthless. */
export const WEB_LOGIN_TTL_MS = 3 * 60 * 1000;

/** What the admin is shown when no place can be told from the browser's address. */
export const UNKNOWN_PLACE = '未知';

const BROWSERS: Array<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge 浏览器'],
  [/\bMicroMessenger\//, '微信内置浏览器'],
  [/\b(?:QQBrowser|MQQBrowser)\//, 'QQ 浏览器'],
  [/\b360SE\b|\b360EE\b/, '360 浏览器'],
  [/\bFirefox\//, 'Firefox 浏览器'],
  [/(?:Chrome|Chromium|CriOS)\//, 'Chrome 浏览器'],
  [/\bSafari\//, 'Safari 浏览器'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Windows NT/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** 「Chrome 浏览器 · Windows」 from a user agent, so the admin can tell their own desk's browser from a stranger's. */
export function browserLabel(userAgent: string): string {
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1] ?? '未知浏览器';
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  return system ? `${browser} · ${system}` : browser;
}

/** A stored request's status as of `now`: a pending or scanned one past its time has expired. */
export function statusAt(request: { status: WebLoginStatus; expiresAt: string }, now: Date): WebLoginStatus {
  const open = request.status === 'pending' || request.status === 'scanned' || request.status === 'confirmed';
  return open && Date.parse(request.expiresAt) <= now.getTime() ? 'expired' : request.status;
}

/**
 * The CloudBase custom user id of an account's web sessions (4–32 characters of
 * `[A-Za-z0-9_-#@(){}[]:.,<>+~]`, DESIGN §5): its web key and the session generation. Signing out
 * everywhere moves the generation on, so every session issued before answers to a stale id.
 */
export function customUserIdOf(key: string, generation: number): string {
  return `${key}.${generation}`;
}

export function parseCustomUserId(customUserId: string): { key: string; generation: number } | null {
  const match = /^([a-f0-9]{20})\.(\d{1,9})$/.exec(customUserId);
  return match ? { key: match[1], generation: Number(match[2]) } : null;
}
