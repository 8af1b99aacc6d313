import { z } from './z';
import { Id, IsoDateTime } from './common';

/** 结对: a helper paired with a household, as its primary, health (doctor) or education (teacher) helper. */
export const PairingRole = z.enum(['primary', 'health', 'education'], {
  error: '结对类型应为 primary（主帮扶人）、health（健康帮扶）或 education（教育帮扶）',
});
export type PairingRole = z.infer<typeof PairingRole>;
export const PAIRING_ROLE_LABELS: Record<PairingRole, string> = { primary: '主帮扶人', health: '健康帮扶', education: '教育帮扶' };

export const Pairing = z.object({
  _id: Id,
  householdId: Id,
  helperId: Id,
  role: PairingRole,
  active: z.boolean(),
  since: IsoDateTime,
  until: IsoDateTime.nullable(),
});
export type Pairing = z.infer<typeof Pairing>;

/** Who a household turns to (联系帮扶人): its primary helper, or where it has none, its village's 村干部. */
export const ContactKind = z.enum(['helper', 'village_admin']);
export type ContactKind = z.infer<typeof ContactKind>;
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = { helper: '帮扶人', village_admin: '村干部' };

export const HouseholdContact = z.object({
  kind: ContactKind,
  name: z.string(),
  /** Only for the household itself, which calls them; other viewers have their own channels. */
  phone: z.string().nullable(),
});
export type HouseholdContact = z.infer<typeof HouseholdContact>;

/** Whom the household is told to ask, in its own words: "帮扶人 张三", "村干部 郑书记"; the 扶贫办 when there is no one. */
export function contactWho(contact: HouseholdContact | null): string {
  return contact ? `${CONTACT_KIND_LABELS[contact.kind]} ${contact.name}` : '县扶贫办';
}
