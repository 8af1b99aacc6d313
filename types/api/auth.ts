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
  idSuffix: z.string({ error: '请填写身份证号后 6 位' }).max(20, { error: '请填写身份证号的最后 6 位（最后一位可以是 X）', abort: true }).trim().toUpperCase().regex(/^\d{5}[\dX]$/, { error: '请填写身份证号的最后 6 位（最后一位可以是 X）' }),
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

export const authApi = defineApi('auth', {
  whoami: { input: Empty, output: WhoAmI, access: 'signedIn' },
  bindHousehold: { input: BindHouseholdInput, output: WhoAmI, access: 'signedIn' },
  /** An admin binds a WeChat account (its openid, e.g. read from the account's 我的 page) on a household's behalf. */
  bindFor: { input: z.object({ householdId: Id, memberId: Id, openid: z.string().trim().min(1, { error: '请填写微信账号编号' }).max(128, { error: '微信账号编号最多 128 个字符' }) }), output: Binding, access: ['admin'] },
  /** A one-time code (valid 24 hours) the admin gives a member in person or by phone; a new one replaces the old. */
  createBindCode: { input: z.object({ householdId: Id, memberId: Id }), output: z.object({ code: z.string(), expiresAt: z.string() }), access: ['admin'] },
  /** Binds the caller to the member the code was made for, exactly as bindHousehold does. */
  bindWithCode: { input: z.object({ code: BindCode }), output: WhoAmI, access: 'signedIn' },
  unbind: { input: z.object({ userId: Id }), output: z.object({ userId: Id }), access: ['admin'] },
  listBindings: { input: z.object({ householdId: Id }), output: z.object({ items: z.array(Binding) }), access: ['admin'] },
});
