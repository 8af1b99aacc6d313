import type { Household } from '../../../types/household';
import { withRuleFacts } from '../benefits/rule-facts';

/**
 * The household as every write stores it: the record plus what is derived from it and never
 * edited — `ruleFacts` (what the benefit rules read) and `memberCount` (so the dashboard counts
 * people per status from an index instead of reading every household's members).
 */
export const withDerived = <H extends Household>(household: H): H & { ruleFacts: string; memberCount: number } => ({
  ...withRuleFacts(household),
  memberCount: household.members.length,
});
