import type { Household } from '../../../../types/household';
import type { User } from '../../../../types/user';
import { buildCounty } from './county';
import { buildHousehold, pairHousehold } from './households';
import { buildBenefits, buildNeed, buildVisits } from './activity';
import { evaluateFamily, factsFromHousehold } from '../../benefits/evaluate';
import { DEFAULT_POLICIES } from '../../benefits/catalogue';
import { dateOf } from '../../time';
import { visitMonthsOf } from '../../visits/visit-months';
import { storedHousehold } from '../../households/household.derived';
import { derivedMarker } from '../../maintenance/derived';
import { keptGapsOf } from '../../benefits/kept-gaps.service';
import { emergencySince } from '../../benefits/gaps.service';
import { toRuleHousehold } from '../../households/rule-facts';
import { derivedId } from '../../store/derived-id';
import { buildExtras } from './extras';
import { buildFindings } from './findings';
import { buildWarnings } from './warnings';
import { PeopleFactory } from './people';
import { Random } from './random';

export interface SeedOptions {
  households: number;
  helpers: number;
  towns: number;
  villagesPerTown: number;
  /** Months of visit history ending now: 6 for the demo, 25 gives about 1,000,000 visits at 30,000 households. */
  months: number;
  seed: number;
  now: Date;
}

export const DEMO_COUNTY: Omit<SeedOptions, 'now'> = { households: 300, helpers: 30, towns: 3, villagesPerTown: 4, months: 6, seed: 20261123 };
export const LARGE_COUNTY: Omit<SeedOptions, 'now'> = { households: 30_000, helpers: 3_000, towns: 20, villagesPerTown: 20, months: 25, seed: 20261123 };

/** Receives documents in batches: the embedded engine's bulk insert, or a counter in tests. */
export type Sink = (collection: string, docs: object[]) => void;

const BATCH = 5_000;

/** Builds a fictional county and streams it into `sink`. Same options, same county. */
export function seedCounty(options: SeedOptions, sink: Sink): { households: number; visits: number } {
  const rnd = new Random(options.seed);
  const at = options.now.toISOString();
  // Pairings began with the visit history, so a household missed last month and this one is overdue.
  const pairedSince = new Date(Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth() - (options.months - 1), 1)).toISOString();
  const people = new PeopleFactory(rnd, options.now);
  const frame = buildCounty(options, rnd, people, at);
  sink('regions', frame.regions);
  const helpersByTown = new Map(frame.towns.map((t) => [t._id, frame.helpers.filter((h) => h.scope?.regionId === t._id)]));
  const buffers = new Map<string, object[]>();
  const push = (collection: string, docs: object[]) => {
    const buffer = buffers.get(collection) ?? [];
    buffer.push(...docs);
    if (buffer.length >= BATCH) {
      sink(collection, buffer.splice(0));
    }
    buffers.set(collection, buffer);
  };
  const users: User[] = [...frame.admins, ...frame.helpers];
  let visits = 0;
  const today = dateOf(options.now);
  const yearStart = new Date(`${today.slice(0, 4)}-01-01T00:00:00+08:00`).toISOString();
  const sample: Household[] = [];
  const primaryOf = new Map<string, string>();
  for (let i = 0; i < options.households; i++) {
    const village = frame.villages[i % frame.villages.length];
    const h = buildHousehold(
      `hh-${String(i + 1).padStart(6, '0')}`,
      `${village._id.replace('village-', 'V')}-${String(i + 1).padStart(5, '0')}`,
      village,
      rnd,
      people,
      at,
    );
    const townHelpers = helpersByTown.get(h.townId)!;
    const pairings = pairHousehold(h, townHelpers, Math.floor(i / frame.villages.length), rnd, pairedSince);
    if (i === 0) ensureDemoHousehold(h, pairings, townHelpers, users, at, pairedSince);
    const built = buildVisits(h, pairings, options.months, options.now, rnd);
    visits += built.length;
    push('pairings', pairings);
    const primary = pairings.find((p) => p.role === 'primary' && p.active);
    if (primary) primaryOf.set(h._id, primary.helperId);
    push('visits', built);
    push('visit_months', visitMonthsOf(built));
    const benefits = buildBenefits(h, evaluateFamily(factsFromHousehold(h, { emergencyInLast90Days: false }), today, DEFAULT_POLICIES), options.now, rnd);
    const need = i === 0 || rnd.chance(0.05) ? buildNeed(h, pairings[0], i === 0 ? 'user-household-1' : pairings[0].helperId, options.now, rnd) : null;
    // The kept 应享未享 gaps, evaluated as every write evaluates them; the seed's are dated from
    // the start of the benefit year, the period whose records they lack.
    const stored = storedHousehold(h, benefits);
    const emergency = need?.category === 'emergency' && need.status !== 'rejected' && need.reportedAt >= emergencySince(options.now);
    const gaps = keptGapsOf(toRuleHousehold(stored)!, emergency, options.now, DEFAULT_POLICIES, yearStart);
    push('households', [{ ...stored, gapCount: gaps.length }]);
    push('benefits', benefits);
    if (need) push('needs', [need]);
    push('household_gaps', gaps);
    if (sample.length < 2_000) sample.push(h);
  }
  const extras = buildExtras(sample, frame.admins[0], options.now, rnd, frame.helpers);
  for (const [collection, docs] of Object.entries(extras)) push(collection, docs);
  const { findings, settings } = buildFindings(sample.slice(0, 8), primaryOf, frame.admins, frame.helpers, options.now);
  push('findings', findings);
  push('warnings', buildWarnings(sample, primaryOf, frame.admins, frame.helpers, options.now));
  push('settings', settings);
  push('users', users);
  push('settings', [derivedMarker(options.now)]);
  for (const [collection, buffer] of buffers) if (buffer.length) sink(collection, buffer);
  return { households: options.households, visits };
}

/** The first household is the demo household: paired with demo-helper and demo-doctor, bound to demo-household. */
function ensureDemoHousehold(h: Household, pairings: ReturnType<typeof pairHousehold>, townHelpers: User[], users: User[], at: string, pairedSince: string) {
  const doctor = townHelpers.find((u) => u.openid === 'demo-doctor');
  if (doctor && !pairings.some((p) => p.role === 'health')) {
    pairings.push({
      _id: derivedId('pairing', [h._id, 'health']),
      householdId: h._id,
      helperId: doctor._id,
      role: 'health',
      active: true,
      since: pairedSince,
      until: null,
    });
  }
  const head = h.members[0];
  users.push({
    _id: 'user-household-1',
    openid: 'demo-household',
    role: 'household',
    name: head.name,
    householdId: h._id,
    memberId: head.id,
    regionPath: [h.countyId, h.townId, h.villageId],
    active: true,
    createdAt: at,
  });
}
