import { z } from '../../../types/z';
import { Visit } from '../../../types/visit';
import { getDb, inChunks, insertOnce, MAX_IN, projectAll, readAll, type OnceWrite } from '../store';
import { addToSetOrCreate } from '../store/add-to-set';
import { countGroups, gatherAll } from '../store/group-counts';

/** The only code that queries `visits`, `visit_months` and `visit_refusals` (STYLE: one rule in one place). */
const visits = () => getDb().collection('visits');
const visitMonths = () => getDb().collection('visit_months');
const visitRefusals = () => getDb().collection('visit_refusals');
type Where = Record<string, unknown>;

const parse = (d: Record<string, unknown>) => Visit.parse(d);

/** Stores a visit once under the client's id (see store/insert-once.ts). */
export const insertVisitOnce = (id: string, write: Omit<OnceWrite<Visit>, 'parse'>) => insertOnce(visits(), id, { ...write, parse });

export async function findVisit(id: string): Promise<Visit | null> {
  const { data } = await visits().doc(id).get();
  return data.length ? parse(data[0]) : null;
}

/** Puts the household's answer on the visit, keeping every earlier one in `confirmationHistory`. */
export async function saveVisitConfirmation(visit: Visit, confirmation: NonNullable<Visit['confirmation']>): Promise<Visit> {
  const confirmationHistory = [...visit.confirmationHistory, confirmation].slice(-20);
  await visits().doc(visit._id).update({ confirmation, confirmationHistory });
  return { ...visit, confirmation, confirmationHistory };
}

const Answered = Visit.pick({ _id: true, helperId: true, householdId: true, townId: true, visitedAt: true, confirmation: true });
export type AnsweredVisit = z.infer<typeof Answered>;

/** The month's visits matching `where` with the household's answer (projected), for the confirmation rates. */
export async function visitAnswers(where: Where): Promise<AnsweredVisit[]> {
  return readAll(visits().where(where).field({ helperId: true, householdId: true, townId: true, visitedAt: true, confirmation: true }), (d) =>
    Answered.parse(d),
  );
}

const Content = Visit.pick({ _id: true, helperId: true, householdId: true, visitedAt: true, notes: true, photos: true });
export type VisitContent = z.infer<typeof Content>;

/** What the month's visits matching `where` say and show (projected), for the duplicate check. */
export async function visitContents(where: Where): Promise<VisitContent[]> {
  return readAll(visits().where(where).field({ helperId: true, householdId: true, visitedAt: true, notes: true, photos: true }), (d) => Content.parse(d));
}

/** 补录 refused for its date (older than the 60 days): kept so 数据核查 can count the attempts. */
export const VisitRefusal = z.object({
  _id: z.string(),
  helperId: z.string(),
  householdId: z.string(),
  countyId: z.string(),
  townId: z.string(),
  villageId: z.string(),
  visitedAt: z.string(),
  attemptedAt: z.string(),
  /** `YYYY-MM` of the attempt, China time. */
  month: z.string(),
});
export type VisitRefusal = z.infer<typeof VisitRefusal>;

/** Records a refused attempt once under the client's visit id (a re-send of the same visit is one attempt). */
export async function recordVisitRefusal(refusal: VisitRefusal): Promise<void> {
  const { _id, ...fields } = refusal;
  await visitRefusals().doc(_id).set(fields);
}

export async function visitRefusalsWhere(where: Where): Promise<VisitRefusal[]> {
  return readAll(visitRefusals().where(where), (d) => VisitRefusal.parse(d));
}

const Timing = Visit.pick({ _id: true, helperId: true, householdId: true, visitedAt: true, createdAt: true });
export type VisitTiming = z.infer<typeof Timing>;

/** When each visit of a month in a region happened and was entered (projected), for the integrity checks. */
export async function visitTimings(where: Where): Promise<VisitTiming[]> {
  return readAll(visits().where(where).field({ helperId: true, householdId: true, visitedAt: true, createdAt: true }), (d) => Timing.parse(d));
}

const OnList = Visit.pick({ householdId: true, visitedAt: true, occasion: true, month: true });

/** A helper's visits in the given months (`helperId_month` index), projected. */
export async function visitsOfHelper(helperId: string, months: string[]): Promise<Array<Pick<Visit, 'householdId' | 'visitedAt' | 'occasion' | 'month'>>> {
  return readAll(
    visits()
      .where({ helperId, month: getDb().command.in(months) })
      .field({ householdId: true, visitedAt: true, occasion: true, month: true }),
    (d) => OnList.parse(d),
  );
}

/** One page of a household's visits, newest first, optionally from/to (ISO instants, `to` excluded), with the count of all. */
export async function visitsOfHousehold(
  householdId: string,
  range: { from?: string; to?: string },
  paging: { offset: number; limit: number },
): Promise<{ items: Visit[]; total: number }> {
  const _ = getDb().command;
  const { from, to } = range;
  const where: Where = { householdId };
  if (from || to) where.visitedAt = from && to ? _.gte(from).and(_.lt(to)) : from ? _.gte(from) : _.lt(to!);
  const [{ total }, { data }] = await Promise.all([
    visits().where(where).count(),
    visits().where(where).orderBy('visitedAt', 'desc').skip(paging.offset).limit(paging.limit).get(),
  ]);
  return { items: data.map(parse), total: total ?? 0 };
}

/** A household's latest visits, for its timeline. */
export async function recentVisitsOf(householdId: string, limit: number): Promise<Visit[]> {
  const { data } = await visits().where({ householdId }).orderBy('visitedAt', 'desc').limit(limit).get();
  return data.map(parse);
}

const RollupSource = Visit.pick({ _id: true, householdId: true, month: true, helperId: true, countyId: true, townId: true, villageId: true });

/** What the month rollups are made of, for the visits of these households, in `_id` order (stable while paged). */
export async function rollupSourcesOf(householdIds: string[]): Promise<Array<z.infer<typeof RollupSource>>> {
  const _ = getDb().command;
  return inChunks(householdIds, MAX_IN, (chunk) =>
    readAll(
      visits()
        .where({ householdId: _.in(chunk) })
        .field({ householdId: true, month: true, helperId: true, countyId: true, townId: true, villageId: true }),
      (d) => RollupSource.parse(d),
      { orderBy: [['_id', 'asc']] },
    ),
  );
}

/** 走访月汇总: one household's month with a visit, and who visited (see visit-months.ts for how rows are kept). */
const VisitMonthDoc = z.object({
  _id: z.string(),
  householdId: z.string(),
  month: z.string(),
  countyId: z.string(),
  townId: z.string(),
  villageId: z.string(),
  helperIds: z.array(z.string()),
  /** The household was visited the month before too: lets "visited in either month" be counted, not computed. */
  prevMonthToo: z.boolean(),
});
export type VisitMonth = z.infer<typeof VisitMonthDoc>;

/** Adds the helper to the month's row, creating it as `row` when it is missing (idempotent). */
export const addVisitMonth = (row: VisitMonth, helperId: string): Promise<void> => addToSetOrCreate('visit_months', row._id, 'helperIds', helperId, row);

export async function visitMonthExists(id: string): Promise<boolean> {
  return (await visitMonths().doc(id).get()).data.length > 0;
}

export async function markPrevMonthToo(id: string): Promise<void> {
  await visitMonths().doc(id).update({ prevMonthToo: true });
}

/** Sets a row to what its visits say (a rebuild). */
export async function putVisitMonth({ _id, ...fields }: VisitMonth): Promise<void> {
  await visitMonths().doc(_id).set(fields);
}

export async function removeVisitMonth(id: string): Promise<void> {
  await visitMonths().doc(id).remove();
}

export async function countVisitMonths(): Promise<number> {
  return (await visitMonths().count()).total ?? 0;
}

/** A row as stored, perhaps by older code that wrote fewer fields (a rebuild reads these to put them right). */
const StoredVisitMonth = VisitMonthDoc.partial().required({ _id: true });
export type StoredVisitMonth = z.infer<typeof StoredVisitMonth>;

/** The stored rows of these households, in `_id` order. */
export async function visitMonthsOfHouseholds(householdIds: string[]): Promise<StoredVisitMonth[]> {
  const _ = getDb().command;
  return inChunks(householdIds, MAX_IN, (chunk) =>
    readAll(visitMonths().where({ householdId: _.in(chunk) }), (d) => StoredVisitMonth.parse(d), { orderBy: [['_id', 'asc']] }),
  );
}

/**
 * Ids of the households of these villages visited in any of `months`, from the rollups: their
 * rows grouped per household on the server (one answer of up to 10,000 households).
 */
export async function visitedHouseholdsIn(villageIds: string[], months: string[]): Promise<Set<string>> {
  const _ = getDb().command;
  const found = await inChunks(villageIds, MAX_IN, async (chunk) => [
    ...(await countGroups(visitMonths(), { villageId: _.in(chunk), month: _.in(months) }, 'householdId')).keys(),
  ]);
  return new Set(found);
}

/**
 * Rollup rows matching `match` per value of `key` (with `unwind`, per helper of `helperIds`):
 * counted on the server from the rollup indexes, never from the month's visits.
 */
export const visitMonthsPer = (match: Where, key: 'villageId' | 'helperIds', unwind = false): Promise<Map<string, number>> =>
  countGroups(visitMonths(), match, key, { unwind });

/** Households of a region visited in each of `months` (its rollup rows per month), counted on the server in one aggregate. */
export async function visitedCountsPerMonth(where: Where, months: string[]): Promise<Map<string, number>> {
  const counts = await countGroups(visitMonths(), { ...where, month: getDb().command.in(months) }, 'month');
  return new Map(months.map((m) => [m, counts.get(m) ?? 0]));
}

const VisitedIn = z.object({ householdId: z.string(), month: z.string() });

/**
 * The households of a region visited in each of `months`, from the rollups (one row per household
 * and month), gathered per month and village on the server: one round trip for a county.
 */
export async function visitedByMonth(where: Where, months: string[]): Promise<Map<string, Set<string>>> {
  const match = { ...where, month: getDb().command.in(months) };
  const rows = await gatherAll(visitMonths(), match, ['month', 'villageId'], ['householdId'], (d) => VisitedIn.parse(d));
  const out = new Map(months.map((m) => [m, new Set<string>()]));
  for (const r of rows) out.get(r.month)?.add(r.householdId);
  return out;
}

const OnLedger = Visit.pick({ householdId: true, helperId: true, measures: true, checklist: true });
export type LedgerVisit = z.infer<typeof OnLedger>;

/**
 * The visits of a region in a month (projected: who, where, measures and checklist), for the
 * monthly ledgers: 10,000 small rows per round trip (a county's month is ~40,000 visits). With
 * `helperIds`, only theirs (a ledger of doctors or teachers reads their visits, not the county's).
 */
export async function visitsOfMonth(where: Where, month: string, helperIds?: string[]): Promise<LedgerVisit[]> {
  const fields = { householdId: true, helperId: true, measures: true, checklist: true } as const;
  const parse = (d: Record<string, unknown>) => OnLedger.parse(d);
  if (!helperIds) return projectAll(visits(), { ...where, month }, fields, parse);
  const _ = getDb().command;
  return inChunks(helperIds, MAX_IN, (chunk) => projectAll(visits(), { ...where, month, helperId: _.in(chunk) }, fields, parse));
}
