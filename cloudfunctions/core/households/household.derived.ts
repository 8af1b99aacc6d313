import type { Household } from '../../../types/household';
import { paidKeysOf, type PaidRecord } from './paid-keys';
import { withRuleFacts } from './rule-facts';

/**
 * The household as every write stores it: the record plus what is derived from it and never
 * edited — `ruleFacts` (what the benefit rules read) and `memberCount` (so the dashboard counts
 * people per status from an index instead of reading every household's members).
 */
export const withDerived = <H extends Household>(household: H): H & { ruleFacts: string; memberCount: number } => ({
  ...withRuleFacts(household),
  memberCount: household.members.length,
});

/**
 * A household document as first stored, and as `rebuildDerived` says it should be: its derived
 * fields and the 兑现摘要 (`paidKeys`) of the records it has — none for a household an admin or an
 * import creates; the seed writes a household together with its records.
 */
export const storedHousehold = <H extends Household>(household: H, records: PaidRecord[] = []) => ({
  ...withDerived(household),
  paidKeys: paidKeysOf(records),
});
