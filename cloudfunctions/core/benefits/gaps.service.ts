import type { Policy } from '../../../types/policy';
import { dateOf } from '../time';
import type { RuleHousehold } from './benefit.repository';
import { ruleHouseholdsByIds } from '../households/household.repository';
import { householdsWithEmergency } from '../needs/need.repository';
import { evaluateFamily, factsFromHousehold } from './evaluate';
import { type FoundGap, gapsAgainst } from './gaps.rules';
import { paidThisPeriod, type PaidThisPeriod } from '../households/paid-keys';
import { loadPolicies } from './policy.repository';

/** 临时救助 looks back this far for an emergency need (SPEC §3). */
export const EMERGENCY_WINDOW_DAYS = 90;

export interface HouseholdSweep {
  household: RuleHousehold;
  gaps: FoundGap[];
}

/** The benefit period a record must cover now: the calendar year in China time. */
export const currentPeriod = (now: Date): string => dateOf(now).slice(0, 4);

export const emergencySince = (now: Date): string => new Date(now.getTime() - EMERGENCY_WINDOW_DAYS * 86_400_000).toISOString();

/** Evaluates already-loaded households against what they received this period (their `paidKeys`, with the amounts). */
export interface SweepOptions {
  policies?: Policy[];
  /** Households with a recent emergency, when the caller already knows them (a whole-region sweep). */
  emergencies?: Set<string>;
}

const NONE_PAID: PaidThisPeriod = { keys: new Set(), received: new Map() };

/**
 * One household's open gaps on `now`'s date against this period's records: the evaluation every
 * gap comes from, whether swept fresh or kept (kept-gaps.service.ts).
 */
export function gapsOfHousehold(household: RuleHousehold, emergency: boolean, now: Date, catalogue: Policy[]): FoundGap[] {
  // A household without members has nothing to be entitled to (the rules need at least one).
  if (!household.members.length) return [];
  const facts = factsFromHousehold(household, { emergencyInLast90Days: emergency });
  // Only the gaps are kept: the page's ~36,000 decisions are dropped as soon as they are compared.
  const keys = household.paidKeys[currentPeriod(now)];
  const paid = keys ? paidThisPeriod(keys) : NONE_PAID;
  return gapsAgainst(household, evaluateFamily(facts, dateOf(now), catalogue, { entitledOnly: true }), paid);
}

export async function sweepHouseholds(households: RuleHousehold[], now: Date, options: SweepOptions = {}): Promise<HouseholdSweep[]> {
  if (!households.length) return [];
  const ids = households.map((h) => h._id);
  const [catalogue, emergencies] = await Promise.all([
    options.policies ?? loadPolicies(),
    options.emergencies ?? householdsWithEmergency(ids, emergencySince(now)),
  ]);
  return households.map((household) => ({ household, gaps: gapsOfHousehold(household, emergencies.has(household._id), now, catalogue) }));
}

/**
 * The households with their open 应享未享 gaps, from one read (a helper's household list shows
 * both). Every requested household that exists is in the map. Computed from current records and
 * parameters, never cached.
 */
export async function householdsWithGaps(householdIds: string[], now: Date, options: SweepOptions = {}): Promise<Map<string, HouseholdSweep>> {
  const unique = [...new Set(householdIds)];
  const swept = await sweepHouseholds(await ruleHouseholdsByIds(unique), now, options);
  return new Map(swept.map((s) => [s.household._id, s]));
}

/** Open gaps per household, 0 when it has none (see householdsWithGaps). */
export async function openGapsByHousehold(householdIds: string[], now: Date): Promise<Map<string, number>> {
  return new Map([...(await householdsWithGaps(householdIds, now))].map(([id, s]) => [id, s.gaps.length]));
}
