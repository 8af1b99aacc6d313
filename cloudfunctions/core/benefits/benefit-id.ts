import type { Benefit } from '../../../types/benefit';
import { derivedId } from '../store/derived-id';

/**
 * A 兑现 record's id, derived from household, policy, member and period: the same record sent
 * twice (a retry, a re-imported sheet) is stored once. Seeded records keep their readable
 * `hh-000001-medical_premium-hh-000001-m2-2026`; a member of a household created through the API
 * (two UUIDs) would make 80+ characters, past CloudBase's 64, and gets a hashed id instead.
 */
export const benefitRecordId = (b: Pick<Benefit, 'householdId' | 'policy' | 'memberId' | 'period'>): string =>
  derivedId('benefit', [b.householdId, b.policy, b.memberId ?? 'hh', b.period]);
