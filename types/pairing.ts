import { z } from './z';
import { Id, IsoDateTime } from './common';

/** 结对: a helper paired with a household, as its primary, health (doctor) or education (teacher) helper. */
export const PairingRole = z.enum(['primary', 'health', 'education'], { error: '结对类型应为 primary（主帮扶人）、health（健康帮扶）或 education（教育帮扶）' });
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
