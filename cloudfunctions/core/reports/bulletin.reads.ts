import type { Scope } from '../../../types/region';
import { regionFilter } from '../access/scope';
import { primaryPairingSpans } from '../assignments/pairing.repository';
import { headNames, householdRegionsWhere } from '../households/household.repository';
import { needsReportedBefore } from '../needs/need.repository';
import { ratingsGivenBefore } from '../satisfaction/rating.repository';
import { findingsOpenedBefore } from '../findings/finding.repository';
import { userNames, usersByIds } from '../users/user.repository';
import { helpersAt, monthEnd } from './bulletin.events';
import { visitedByMonth, visitedCountsPerMonth } from '../visits/visit.repository';
import { gapSpansBetween } from '../benefits/gap.repository';
import { helpersIn, villagesIn, type Village } from './coverage.reads';
import type { BulletinSource } from './bulletin.source';

export type { BulletinSource } from './bulletin.source';

/**
 * Open gaps at each cut-off, from the kept gaps' history (benefits/gap.repository.ts): a gap counts
 * at a cut when it had opened by then and had not yet closed. So any past month's figure is what
 * was open at its end, whatever was recorded since.
 */
async function gapsAt(scope: Scope, cuts: string[]): Promise<Map<string, Map<string, Set<string>>>> {
  const out = new Map(cuts.map((c) => [c, new Map<string, Set<string>>()]));
  if (!cuts.length) return out;
  const sorted = [...cuts].sort();
  for (const g of await gapSpansBetween(regionFilter(scope), sorted[0], sorted.at(-1)!)) {
    for (const cut of cuts) {
      if (g.openedAt > cut || (g.closedAt !== null && g.closedAt <= cut)) continue;
      const byHousehold = out.get(cut)!;
      const keys = byHousehold.get(g.householdId) ?? new Set<string>();
      keys.add(g.key);
      byHousehold.set(g.householdId, keys);
    }
  }
  return out;
}

/**
 * `compared` are the months whose figures are computed (M, M−1): their visited households are
 * read; `trend` months are only counted (households with a visit that month, from the rollups).
 */
export async function readBulletinSource(scope: Scope, compared: string[], trend: string[], end: string, cuts: string[]): Promise<BulletinSource> {
  const where = regionFilter(scope);
  const [villages, households, visited, counts, needs, findings, gaps, named, ratings] = await Promise.all([
    villagesIn(scope),
    householdRegionsWhere(where),
    visitedByMonth(where, compared),
    visitedCountsPerMonth(where, trend),
    needsReportedBefore(where, end),
    findingsOpenedBefore(where, end),
    gapsAt(scope, cuts),
    helpersIn(scope.regionId),
    ratingsGivenBefore(where, end),
  ]);
  const spans = await primaryPairingSpans(scope.level === 'county' ? 'all' : households.map((h) => h._id), end);
  const helpers = new Map(named.map((h) => [h.id, { name: h.name, unit: h.unit }]));
  // Helpers registered above a village admin's scope (at town level) are named from their accounts.
  const missing = [...new Set(spans.map((s) => s.helperId).filter((id) => !helpers.has(id)))];
  for (const u of missing.length ? await usersByIds(missing) : []) helpers.set(u._id, { name: u.name, unit: u.unit ?? '' });
  return { villages, households, spans, visited, visitedCounts: counts, needs, ratings, findings, gaps, helpers };
}

export interface Unvisited {
  householdId: string;
  headName: string;
  townName: string;
  villageName: string;
  helperName: string;
}

/**
 * The listed households: those of `households` not in `seen` whose primary helper at the month's
 * end `helperOf` names, with their head (one read per 1,000 of them) and that helper's name, by
 * town, village and head.
 */
async function listUnvisited(
  households: BulletinSource['households'],
  seen: Set<string>,
  helperOf: Map<string, string>,
  villages: Village[],
  helperNames: (ids: string[]) => Promise<Map<string, string>>,
): Promise<Unvisited[]> {
  const missed = households.filter((h) => !seen.has(h._id) && helperOf.has(h._id));
  const [heads, names] = await Promise.all([headNames(missed.map((h) => h._id)), helperNames([...new Set(missed.map((h) => helperOf.get(h._id)!))])]);
  const place = new Map(villages.map((v) => [v.id, v]));
  const zh = new Intl.Collator('zh');
  return missed
    .map((h) => ({
      householdId: h._id,
      headName: heads.get(h._id) ?? '',
      townName: place.get(h.villageId)?.townName ?? '',
      villageName: place.get(h.villageId)?.name ?? '',
      helperName: names.get(helperOf.get(h._id)!) ?? '',
    }))
    .sort((a, b) => zh.compare(a.townName, b.townName) || zh.compare(a.villageName, b.villageName) || zh.compare(a.headName, b.headName));
}

/**
 * The households of the scope (or one village of it) paired at the end of the month and not
 * visited in it, with their head and the primary helper then, by village: the bulletin's
 * drill-down and a frozen bulletin's export. Read from the current data (a frozen bulletin keeps figures only).
 */
export async function unvisitedIn(scope: Scope, month: string, end: string, villageId?: string): Promise<Unvisited[]> {
  const where = { ...regionFilter(scope), ...(villageId ? { villageId } : {}) };
  const [households, visited, villages] = await Promise.all([householdRegionsWhere(where), visitedByMonth(where, [month]), villagesIn(scope)]);
  const seen = visited.get(month) ?? new Set<string>();
  const spans = await primaryPairingSpans(
    households.filter((h) => !seen.has(h._id)).map((h) => h._id),
    end,
  );
  return listUnvisited(households, seen, helpersAt({ spans }, end), villages, userNames);
}

/**
 * The same list for a live bulletin's month, from what the bulletin read (its households, their
 * pairings, the month's visited households and the helpers' names): only the heads are read.
 */
export function unvisitedFrom(source: BulletinSource, month: string): Promise<Unvisited[]> {
  const named = async (ids: string[]) => new Map(ids.map((id) => [id, source.helpers.get(id)?.name ?? '']));
  return listUnvisited(source.households, source.visited.get(month) ?? new Set(), helpersAt(source, monthEnd(month)), source.villages, named);
}
