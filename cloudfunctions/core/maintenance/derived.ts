import { z } from '../../../types/z';
import type { Household } from '../../../types/household';
import { readSettingsDoc, writeSettingsDoc } from '../store/settings-docs';
import { paidRecordsOf } from '../benefits/benefit.repository';
import { storedHousehold } from '../households/household.derived';
import { countHouseholds, derivedSourcePages, putDerivedFields, type DerivedSource } from '../households/household.repository';
import { countVisitMonths, putVisitMonth, removeVisitMonth, rollupSourcesOf, visitMonthsOfHouseholds } from '../visits/visit.repository';
import { visitMonthsOf } from '../visits/visit-months';
import type { Policy } from '../../../types/policy';
import { clock } from '../clock';
import { toRuleHousehold } from '../households/rule-facts';
import { putGapCount } from '../households/household.repository';
import { emergencySince, gapsOfHousehold } from '../benefits/gaps.service';
import { applyGapChanges, gapChanges } from '../benefits/kept-gaps.service';
import { openGapsOf } from '../benefits/gap.repository';
import { loadPolicies } from '../benefits/policy.repository';
import { householdsWithEmergency } from '../needs/need.repository';

/**
 * Derived data: what writes keep in step with their sources so reads stay cheap — the visit
 * rollup (visit_months) and the household's ruleFacts, memberCount and paidKeys. Each has one
 * writer, whatever path a record arrives by:
 *
 * - ruleFacts, memberCount: `withDerived` (households/household.derived.ts), through
 *   `saveHousehold` / `insertHousehold` (actions, households.importXlsx) and `storedHousehold`
 *   (insert, the seed, this rebuild);
 * - paidKeys (v5: with what each record paid, for 少享): `paidKeysOf` (households/paid-keys.ts),
 *   through `notePaid` after every `writeRecord`
 *   (benefits.recordDisbursement, benefits.importRecords) and `storedHousehold`;
 * - visit_months: `visitMonthsOf` (visits/visit-months.ts), through `noteVisitInRollups` after
 *   every visits.record, and directly in the seed and this rebuild;
 * - household_gaps and the household's gapCount (v6): `refreshGaps` (benefits/kept-gaps.service.ts)
 *   after every household write, 兑现 record, emergency need and (in batches) parameter change,
 *   evaluated by `gapsOfHousehold`; the seed writes them with the household. A rebuild opens what
 *   is missing and closes what no longer holds at `now`, keeping the history it finds.
 *
 * `checkDerived` recomputes all of it from the sources and counts what differs from what is
 * stored; `rebuildDerived` also writes those differences. Bump DERIVED_VERSION whenever a
 * derived field or rollup is added or changes shape.
 */
export const DERIVED_VERSION = 6;
const SETTINGS_ID = 'derived';
/** Households rebuilt together: their records and visits (~35 each over six months) fit a few pages. */
const HOUSEHOLDS_PER_STEP = 100;

/** How many stored documents differ from their sources, per kind of derived data (counts only: no personal data). */
export interface DerivedDifferences {
  ruleFacts: number;
  memberCount: number;
  paidKeys: number;
  visitMonths: number;
  gaps: number;
}
export interface DerivedReport {
  households: number;
  records: number;
  visits: number;
  differences: DerivedDifferences;
}

/*
 * Reads go through the owning repositories: the households a page at a time in natural order (as
 * sorting all of them by `_id` for every page would cost a full read), a page's few records,
 * visits and rollups in `_id` order (stable however the store answers).
 */

const byHousehold = <T extends { householdId: string }>(docs: T[]): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const d of docs) out.set(d.householdId, [...(out.get(d.householdId) ?? []), d]);
  return out;
};

/** Sets compare as sets: addToSet appends in write order, a rebuild in read order. */
const sortedKeys = (paid: unknown): string => {
  const years = Object.entries((paid ?? {}) as Record<string, string[]>)
    .filter(([, keys]) => keys.length)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(years.map(([year, keys]) => [year, [...keys].sort()]));
};
const rollupText = (row: {
  _id: string;
  householdId?: string;
  month?: string;
  countyId?: string;
  townId?: string;
  villageId?: string;
  helperIds?: string[];
  prevMonthToo?: boolean;
}): string => {
  const { _id, householdId, month, countyId, townId, villageId, helperIds, prevMonthToo } = row;
  return JSON.stringify([_id, householdId, month, countyId, townId, villageId, [...(helperIds ?? [])].sort(), prevMonthToo]);
};

/** The derived-data version the store was last brought to (0 when never recorded). */
export async function derivedVersion(): Promise<number> {
  const doc = await readSettingsDoc(SETTINGS_ID);
  return doc ? Marker.parse(doc).version : 0;
}

const Marker = z.object({ version: z.number().int() });

export const derivedMarker = (at: Date) => ({ _id: SETTINGS_ID, version: DERIVED_VERSION, at: at.toISOString() });

/** One page of households: compares each derived document with its sources and, when `write`, puts right what differs. */
async function reconcilePage(
  page: DerivedSource[],
  write: boolean,
  differences: DerivedDifferences,
  now: Date,
  policies: Policy[],
): Promise<{ records: number; visits: number; rollups: number }> {
  const ids = page.map((h) => h._id);
  const [records, visits, stored, keptGaps, emergencies] = await Promise.all([
    paidRecordsOf(ids),
    rollupSourcesOf(ids),
    visitMonthsOfHouseholds(ids),
    openGapsOf(ids),
    householdsWithEmergency(ids, emergencySince(now)),
  ]);
  const received = byHousehold(records);
  const keptOf = byHousehold(keptGaps);
  const at = now.toISOString();
  for (const h of page) {
    // The derived fields read only these fields of a household (see household.derived.ts).
    const want = storedHousehold(h as DerivedSource & Household, received.get(h._id) ?? []);
    const ruleFacts = want.ruleFacts !== h.ruleFacts;
    const memberCount = want.memberCount !== h.memberCount;
    const paidKeys = sortedKeys(want.paidKeys) !== sortedKeys(h.paidKeys) || h.paidKeys === undefined;
    differences.ruleFacts += Number(ruleFacts);
    differences.memberCount += Number(memberCount);
    differences.paidKeys += Number(paidKeys);
    if (write && (ruleFacts || memberCount || paidKeys)) {
      await putDerivedFields(h._id, want);
    }
    // The gaps as the rules find them now, from the facts and records just derived.
    const facts = toRuleHousehold({ ...want, _id: h._id, countyId: h.countyId, townId: h.townId })!;
    const found = gapsOfHousehold(facts, emergencies.has(h._id), now, policies);
    const changes = gapChanges(facts, found, keptOf.get(h._id) ?? [], at);
    const gapsDiffer = changes.add.length + changes.update.length + changes.close.length + changes.remove.length > 0 || (h.gapCount ?? 0) !== found.length;
    differences.gaps += Number(gapsDiffer);
    if (write && gapsDiffer) {
      await applyGapChanges(changes, at);
      if ((h.gapCount ?? 0) !== found.length) await putGapCount(h._id, found.length);
    }
  }
  const storedById = new Map(stored.map((r) => [r._id, r]));
  for (const row of visitMonthsOf(visits)) {
    const current = storedById.get(row._id);
    storedById.delete(row._id);
    if (current && rollupText(current) === rollupText(row)) continue;
    differences.visitMonths += 1;
    if (write) await putVisitMonth(row);
  }
  // What is left names a month with no visit: nothing wrote it from a source.
  differences.visitMonths += storedById.size;
  if (write) for (const id of storedById.keys()) await removeVisitMonth(id);
  return { records: records.length, visits: visits.length, rollups: stored.length };
}

/**
 * How far a rebuild has got: the households done (in natural order, which a rebuild does not
 * change and new households only extend) and what it found so far. Kept in `settings` between
 * steps, so a rebuild run as a function resumes where the last call stopped.
 */
const RunState = z.object({
  offset: z.number().int().min(0),
  totalHouseholds: z.number().int().min(0),
  rollupsTotal: z.number().int().min(0),
  rollupsSeen: z.number().int().min(0),
  households: z.number().int().min(0),
  records: z.number().int().min(0),
  visits: z.number().int().min(0),
  differences: z.object({ ruleFacts: z.number(), memberCount: z.number(), paidKeys: z.number(), visitMonths: z.number(), gaps: z.number().default(0) }),
  done: z.boolean(),
});
type RunState = z.infer<typeof RunState>;
const RUN_ID = 'derived_run';

async function freshRun(): Promise<RunState> {
  // Counted first: a rebuild adds and removes rollups of the pages it has done.
  const [rollupsTotal, totalHouseholds] = await Promise.all([countVisitMonths(), countHouseholds()]);
  return {
    offset: 0,
    totalHouseholds,
    rollupsTotal,
    rollupsSeen: 0,
    households: 0,
    records: 0,
    visits: 0,
    differences: { ruleFacts: 0, memberCount: 0, paidKeys: 0, visitMonths: 0, gaps: 0 },
    done: false,
  };
}

/**
 * Recomputes every derived field and rollup from households, benefit records and visits, and
 * compares it with what is stored, from where `run` stopped. Works through the households a page
 * at a time (their records, visits and rollups read by household), so memory stays one page's
 * worth however large the county; after each page `stop()` may end the step. Answers whether the
 * whole store is done.
 */
async function advance(run: RunState, write: boolean, progress: (message: string) => void, stop: () => boolean, now: Date): Promise<boolean> {
  const policies = await loadPolicies();
  for await (const page of derivedSourcePages(HOUSEHOLDS_PER_STEP, run.offset)) {
    const counted = await reconcilePage(page, write, run.differences, now, policies);
    run.offset += page.length;
    run.households += page.length;
    run.records += counted.records;
    run.visits += counted.visits;
    run.rollupsSeen += counted.rollups;
    progress(`户：${run.households}，兑现记录：${run.records}，走访：${run.visits}`);
    if (page.length === HOUSEHOLDS_PER_STEP && stop()) return false;
  }
  // Rollups of households that do not exist were never read above; households are never deleted,
  // so any are counted (not removed: nothing says which household they meant).
  run.differences.visitMonths += Math.max(0, run.rollupsTotal - run.rollupsSeen);
  run.done = true;
  return true;
}

const reportOf = (run: RunState): DerivedReport => ({ households: run.households, records: run.records, visits: run.visits, differences: run.differences });

async function reconcile(write: boolean, progress: (message: string) => void, now: Date): Promise<DerivedReport> {
  const run = await freshRun();
  await advance(run, write, progress, () => false, now);
  return reportOf(run);
}

/** What a rebuild would change, without writing: 0 of every kind when every writer kept its derived data in step. */
export const checkDerived = (progress: (message: string) => void = () => {}, now: Date = clock.now()): Promise<DerivedReport> =>
  reconcile(false, progress, now);

/**
 * Brings every derived field and rollup to what its sources say, writing only what differs, then
 * records DERIVED_VERSION. Answers the differences it found (and put right). Safe to run again.
 * In one go, as the local host does on start; a deployed function runs it in steps (below).
 */
export async function rebuildDerived(now: Date, progress: (message: string) => void = () => {}): Promise<DerivedReport> {
  const report = await reconcile(true, progress, now);
  const { _id, ...marker } = derivedMarker(now);
  await writeSettingsDoc(_id, marker);
  return report;
}

export interface DerivedStep extends DerivedReport {
  done: boolean;
  totalHouseholds: number;
}

/**
 * One step of a rebuild that must fit in a function's timeout: continues the rebuild where the last
 * step stopped (or starts one, when none is under way or `restart`), works through pages for about
 * `budgetMs`, and keeps its progress for the next step. The last step records DERIVED_VERSION.
 * The same reconciliation as `rebuildDerived`, so a rebuild in steps writes what one in one go would.
 */
export async function rebuildDerivedStep(now: Date, options: { budgetMs: number; restart?: boolean }): Promise<DerivedStep> {
  const stored = options.restart ? null : await readSettingsDoc(RUN_ID);
  const previous = stored ? RunState.parse(stored) : null;
  const run = previous && !previous.done ? previous : await freshRun();
  const started = Date.now();
  const done = await advance(
    run,
    true,
    () => {},
    () => Date.now() - started >= options.budgetMs,
    now,
  );
  await writeSettingsDoc(RUN_ID, run);
  if (done) {
    const { _id, ...marker } = derivedMarker(now);
    await writeSettingsDoc(_id, marker);
  }
  return { ...reportOf(run), done, totalHouseholds: Math.max(run.totalHouseholds, run.households) };
}

/** The store's derived-data version against this code's, and a stepped rebuild under way if any. */
export async function derivedStatus(): Promise<{ version: number; latest: number; running: { households: number; totalHouseholds: number } | null }> {
  const [version, stored] = await Promise.all([derivedVersion(), readSettingsDoc(RUN_ID)]);
  const run = stored ? RunState.safeParse(stored) : null;
  const running = run?.success && !run.data.done ? { households: run.data.households, totalHouseholds: run.data.totalHouseholds } : null;
  return { version, latest: DERIVED_VERSION, running };
}
