import type { Policy } from '../../../types/policy';
import { derivedId } from '../store/derived-id';
import { POLICY_ORDER } from './catalogue';
import type { RuleHousehold } from './benefit.repository';
import type { FoundGap } from './gaps.rules';
import { emergencySince, gapsOfHousehold } from './gaps.service';
import { addGap, closeGap, type KeptGap, openGapsOf, removeGap, updateGap } from './gap.repository';
import { loadPolicies } from './policy.repository';
import { paidKey } from '../households/paid-keys';
import { putGapCount, ruleHouseholdsByIds } from '../households/household.repository';
import { householdsWithEmergency } from '../needs/need.repository';

/**
 * 应享未享 kept as data: each household's open gaps are evaluated by core/benefits (gapsOfHousehold,
 * the same evaluation a fresh sweep runs) whenever what they depend on is written — the
 * household (edit, status adjustment, import), its 兑现 records (entry, import), its emergency
 * needs — and for every household when a policy parameter changes (gap-refresh.service.ts). Reads
 * (listGaps, listDue, the household filter, the bulletin) then read indexed documents.
 *
 * A gap keeps the instant it opened and closed, so a past month's bulletin counts the gaps open at
 * that month's end. Evaluation is as of the write: what changes with the calendar alone (a
 * birthday, a new year, a parameter's effective date, an emergency's 90 days running out) is
 * brought in by running the refresh (gap-refresh.service.ts) on that day.
 */

/** A gap's place in a household's list: catalogue rank, then member. */
const orderOf = (g: FoundGap): number => POLICY_ORDER.indexOf(g.policy) * 100 + (g.member ?? -1) + 1;

/** The `_id` of a gap opened on a day: the same gap opened twice that day (a retry, a race) is one document. */
export const gapId = (householdId: string, key: string, openedAt: string): string => derivedId('gap', [householdId, key, openedAt.slice(0, 10)], '~');

/** The fields a found gap gives its kept document, besides its identity and history. */
function describe(household: RuleHousehold, g: FoundGap) {
  return {
    countyId: household.countyId,
    townId: household.townId,
    villageId: household.villageId,
    policy: g.policy,
    member: g.member,
    memberId: g.memberId,
    order: orderOf(g),
    headName: household.headName,
    memberName: g.member === null ? null : (household.members[g.member]?.name ?? null),
    amount: g.amount,
    received: g.received,
    kind: g.kind,
    reasons: g.reasons,
  };
}

/** A found gap as first kept, opened at `at`. */
export function keptGap(household: RuleHousehold, g: FoundGap, at: string): KeptGap {
  const key = paidKey(g.policy, g.memberId);
  return { _id: gapId(household._id, key, at), householdId: household._id, key, ...describe(household, g), open: true, openedAt: at, closedAt: null };
}

/** A household's gaps found now, as kept documents opened at `openedAt` (the seed and a rebuild write them so). */
export function keptGapsOf(household: RuleHousehold, emergency: boolean, now: Date, policies: Policy[], openedAt: string): KeptGap[] {
  return gapsOfHousehold(household, emergency, now, policies).map((g) => keptGap(household, g, openedAt));
}

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

export interface GapChanges {
  add: KeptGap[];
  update: Array<{ id: string; fields: ReturnType<typeof describe> }>;
  close: string[];
  /** A second open document of one key (two writers at once): removed, it was never a gap of its own. */
  remove: string[];
}

/** What to write so a household's stored open gaps say what was found: open the new, update the changed, close the gone. */
export function gapChanges(household: RuleHousehold, found: FoundGap[], stored: KeptGap[], at: string): GapChanges {
  const changes: GapChanges = { add: [], update: [], close: [], remove: [] };
  const byKey = new Map<string, KeptGap>();
  for (const s of [...stored].sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a._id.localeCompare(b._id))) {
    if (byKey.has(s.key)) changes.remove.push(s._id);
    else byKey.set(s.key, s);
  }
  for (const g of found) {
    const key = paidKey(g.policy, g.memberId);
    const s = byKey.get(key);
    byKey.delete(key);
    if (!s) {
      changes.add.push(keptGap(household, g, at));
      continue;
    }
    const fields = describe(household, g);
    const { _id, householdId, key: _k, open, openedAt, closedAt, ...current } = s;
    if (!same(fields, current)) changes.update.push({ id: _id, fields });
  }
  changes.close.push(...[...byKey.values()].map((s) => s._id));
  return changes;
}

export async function applyGapChanges(changes: GapChanges, at: string): Promise<void> {
  for (const g of changes.add) await addGap(g);
  for (const u of changes.update) await updateGap(u.id, u.fields);
  for (const id of changes.close) await closeGap(id, at);
  for (const id of changes.remove) await removeGap(id);
}

export interface RefreshOptions {
  policies?: Policy[];
}

/**
 * Re-evaluates these households' gaps now and writes what changed (their open gaps, and the
 * household's count of them when it changed). Reads: the households, their emergencies, their
 * open gaps, the catalogue — four requests for any number up to 200, then one per change.
 * Idempotent: run twice, the second writes nothing.
 */
export async function refreshGaps(householdIds: string[], now: Date, options: RefreshOptions = {}): Promise<{ households: number; changed: number }> {
  const ids = [...new Set(householdIds)];
  if (!ids.length) return { households: 0, changed: 0 };
  const [households, emergencies, stored, policies] = await Promise.all([
    ruleHouseholdsByIds(ids),
    householdsWithEmergency(ids, emergencySince(now)),
    openGapsOf(ids),
    options.policies ?? loadPolicies(),
  ]);
  const storedOf = new Map<string, KeptGap[]>();
  for (const s of stored) storedOf.set(s.householdId, [...(storedOf.get(s.householdId) ?? []), s]);
  const at = now.toISOString();
  let changed = 0;
  for (const h of households) {
    const found = gapsOfHousehold(h, emergencies.has(h._id), now, policies);
    const before = storedOf.get(h._id) ?? [];
    const changes = gapChanges(h, found, before, at);
    const n = changes.add.length + changes.update.length + changes.close.length + changes.remove.length;
    if (!n) continue;
    changed++;
    await applyGapChanges(changes, at);
    if (found.length !== before.length - changes.remove.length) await putGapCount(h._id, found.length);
  }
  return { households: households.length, changed };
}
