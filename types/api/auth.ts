import { z } from '../z';
import { Empty, Id, Mobile, PersonName } from '../common';
import { RegionLevel } from '../region';
import { HelperKind, Role } from '../user';
import { defineApi } from './define';

export const WhoAmI = z.object({
  /** null: a WeChat user who has not been bound to a household or registered as staff yet. */
  role: Role.nullable(),
  userId: Id.nullable(),
  name: z.string(),
  scope: z.object({ level: RegionLevel, regionId: Id, regionName: z.string() }).nullable(),
  helperKind: HelperKind.nullable(),
  unit: z.string().nullable(),
  household: z.object({ id: Id, headName: z.string(), villageName: z.string() }).nullable(),
});
export type WhoAmI = z.infer<typeof WhoAmI>;

export const BindHouseholdInput = z.object({
  name: PersonName,
  idSuffix: z
    .string({ error: '请填写身份证号后 6 位' })
    .max(20, { error: '请填写身份证号的最后 6 位（最后一位可以是 X）', abort: true })
    .trim()
    .toUpperCase()
    .regex(/^\d{5}[\dX]$/, { error: '请填写身份证号的最后 6 位（最后一位可以是 X）' }),
  phone: Mobile,
});
export type BindHouseholdInput = z.infer<typeof BindHouseholdInput>;

/** A WeChat account bound to a household, as the admin sees it on the household's page. */
export const Binding = z.object({ userId: Id, name: z.string(), memberId: Id.nullable(), createdAt: z.string() });
export type Binding = z.infer<typeof Binding>;

/**
 * 10 digits an admin generated for one member (auth.createBindCode), shown as 123 456 7890: digits
 * are what an elderly member types most surely on a phone's number pad, and 10 of them cannot be
 * guessed within the attempt limits. Spaces and dashes typed between digits are dropped.
 */
export const BindCode = z
  .string({ error: '请填写 10 位绑定码' })
  .max(30, { error: '绑定码是 10 位数字', abort: true })
  .transform((s) => s.replace(/[\s-]+/g, ''))
  .pipe(z.string().regex(/^\d{10}$/, { error: '绑定码是 10 位数字' }));

/** A desktop browser's one-time request to sign in on the web (电脑端扫码登录), its id as the QR carries it. */
export const WebLoginId = z
  .string({ error: '缺少登录请求编号' })
  .max(64, { error: '登录二维码无效，请在电脑上刷新二维码后重新扫码', abort: true })
  .trim()
  .regex(/^[a-f0-9]{32}$/, { error: '登录二维码无效，请在电脑上刷新二维码后重新扫码' });
/** What only the desktop that asked knows: it claims the ticket with it, so a photo of the QR is not enough. */
const WebLoginSecret = z
  .string({ error: '缺少登录凭据' })
  .max(64, { error: '登录凭据无效，请刷新二维码', abort: true })
  .regex(/^[a-f0-9]{64}$/, { error: '登录凭据无效，请刷新二维码' });

export const WebLoginStatus = z.enum(['pending', 'scanned', 'confirmed', 'declined', 'used', 'expired']);
export type WebLoginStatus = z.infer<typeof WebLoginStatus>;

/** What the admin sees in the mini-program before confirming: which browser, where, when. */
export const WebLoginRequest = z.object({
  id: z.string(),
  status: WebLoginStatus,
  /** e.g. 「Chrome 浏览器 · Windows」, read from the browser's user agent. */
  browser: z.string(),
  userAgent: z.string(),
  /** Coarse place from the IP address when one is known; 未知 otherwise. */
  place: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  version: z.number().int(),
});
export type WebLoginRequest = z.infer<typeof WebLoginRequest>;

export const authApi = defineApi('auth', {
  whoami: { input: Empty, output: WhoAmI, access: 'signedIn' },
  bindHousehold: { input: BindHouseholdInput, output: WhoAmI, access: 'signedIn' },
  /** An admin binds a WeChat account (its openid, e.g. read from the account's 我的 page) on a household's behalf. */
  bindFor: {
    input: z.object({
      householdId: Id,
      memberId: Id,
      openid: z.string().trim().min(1, { error: '请填写微信账号编号' }).max(128, { error: '微信账号编号最多 128 个字符' }),
    }),
    output: Binding,
    access: ['admin'],
  },
  /** A one-time code (valid 24 hours) the admin gives a member in person or by phone; a new one replaces the old. */
  createBindCode: { input: z.object({ householdId: Id, memberId: Id }), output: z.object({ code: z.string(), expiresAt: z.string() }), access: ['admin'] },
  /** Binds the caller to the member the code was made for, exactly as bindHousehold does. */
  bindWithCode: { input: z.object({ code: BindCode }), output: WhoAmI, access: 'signedIn' },
  unbind: { input: z.object({ userId: Id }), output: z.object({ userId: Id }), access: ['admin'] },
  listBindings: { input: z.object({ householdId: Id }), output: z.object({ items: z.array(Binding) }), access: ['admin'] },

  /** The desktop asks to sign in: a request valid a few minutes, shown as a QR; `secret` stays in the browser. */
  webLoginStart: {
    input: z.object({ userAgent: z.string({ error: '浏览器信息应为文字' }).max(2000, { error: '浏览器信息最多 2000 个字符' }).default('') }),
    output: z.object({ id: z.string(), secret: z.string(), expiresAt: z.string() }),
    access: 'public',
  },
  /** The desktop asks, every couple of seconds, whether an admin confirmed; once, the answer carries the custom-login ticket. */
  webLoginClaim: {
    input: z.object({ id: WebLoginId, secret: WebLoginSecret }),
    output: z.object({ status: WebLoginStatus, ticket: z.string().nullable() }),
    access: 'public',
  },
  /** The scanning admin reads who is asking (browser, place, time) before confirming. */
  webLoginPeek: { input: z.object({ id: WebLoginId }), output: WebLoginRequest, access: 'signedIn' },
  /** The scanning admin lets that browser in as themselves; only admins may sign in on the web. */
  webLoginConfirm: {
    input: z.object({
      id: WebLoginId,
      version: z
        .number({ error: '缺少登录请求的版本号' })
        .int({ error: '版本号应为整数' })
        .min(0, { error: '版本号不能为负数' })
        .max(1000, { error: '版本号不正确' }),
    }),
    output: WebLoginRequest,
    access: 'signedIn',
  },
  /** The scanning person refuses: the desktop is told and the QR is dead. */
  webLoginDecline: { input: z.object({ id: WebLoginId }), output: WebLoginRequest, access: 'signedIn' },
  /** The web session signs itself out (audited); the browser then drops its CloudBase session. */
  webSignOut: { input: Empty, output: z.object({ signedOut: z.boolean() }), access: ['admin'] },
  /** Ends every web session of the caller at once (我的 → 退出所有电脑端登录), from the phone or the web. */
  webSignOutEverywhere: { input: Empty, output: z.object({ generation: z.number().int() }), access: ['admin'] },
});
