import { z } from './z';
import { Id, IsoDateTime } from './common';
import { Scope } from './region';

/** The three kinds of account. A WeChat user with no record yet has no role (未绑定). */
export const Role = z.enum(['admin', 'helper', 'household'], { error: '角色应为 admin、helper 或 household' });
export type Role = z.infer<typeof Role>;

/** 帮扶责任人类别: department/town cadre, first secretary, doctor (health), teacher (education). */
export const HelperKind = z.enum(['cadre', 'secretary', 'doctor', 'teacher']);
export type HelperKind = z.infer<typeof HelperKind>;

/** An account: an admin (扶贫办), a helper (帮扶责任人) or a household member bound to a household. */
export const User = z.object({
  _id: Id,
  openid: z.string(),
  role: Role,
  name: z.string(),
  phone: z.string().optional(),
  /** Admins: the region they administer. Helpers: the region they work in. */
  scope: Scope.optional(),
  /** Ids from the county down to the scope region: lets "helpers in this town" be one query. */
  regionPath: z.array(Id).default([]),
  helperKind: HelperKind.optional(),
  /** 帮扶单位: the helper's work unit, ranked in the monthly bulletin. */
  unit: z.string().optional(),
  householdId: Id.optional(),
  memberId: Id.optional(),
  active: z.boolean().default(true),
  createdAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

/**
 * What an action restricted to roles receives (cloudfunctions/core/handler.ts): the account with
 * what its role guarantees. An admin always has the region they administer; a household member is
 * always bound to a household. Told apart by `role`, so `user.role === 'admin'` narrows.
 */
export const AdminUser = User.extend({ role: z.literal('admin'), scope: Scope });
export type AdminUser = z.infer<typeof AdminUser>;
export const HelperUser = User.extend({ role: z.literal('helper') });
export type HelperUser = z.infer<typeof HelperUser>;
export const HouseholdUser = User.extend({ role: z.literal('household'), householdId: Id });
export type HouseholdUser = z.infer<typeof HouseholdUser>;
export const RoleUser = z.discriminatedUnion('role', [AdminUser, HelperUser, HouseholdUser]);
export type RoleUser = z.infer<typeof RoleUser>;
interface UsersByRole {
  admin: AdminUser;
  helper: HelperUser;
  household: HouseholdUser;
}
/**
 * The account of one role, or of any role of a union: `UserOf<'admin' | 'helper'>` is
 * `AdminUser | HelperUser`. A lookup, not `Extract`, so that `UserOf<'admin'>` is a `UserOf<Role>`
 * (TypeScript relates lookups by their key; a conditional type it holds invariant).
 */
export type UserOf<R extends Role> = UsersByRole[R];

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', helper: '帮扶责任人', household: '帮扶户' };
export const HELPER_KIND_LABELS: Record<HelperKind, string> = {
  cadre: '帮扶干部',
  secretary: '驻村第一书记',
  doctor: '家庭医生',
  teacher: '帮扶教师',
};
