import { MedicalExpense } from '../../../types/monitoring';
import { getDb, inChunks, insertOnce, MAX_IN, projectAll, readAll, type OnceWrite } from '../store';

/** The only code that queries `medical_expenses` (STYLE: one rule in one place). */
const expenses = () => getDb().collection('medical_expenses');
const parse = (d: Record<string, unknown>) => MedicalExpense.parse(d);

const Cost = MedicalExpense.pick({ householdId: true, date: true, outOfPocket: true });
/** What the medical rule reads of a cost. */
export type Cost = Pick<MedicalExpense, 'date' | 'outOfPocket'>;

const byHousehold = (rows: Array<Cost & { householdId: string }>) => {
  const out = new Map<string, Cost[]>();
  for (const r of rows) {
    const list = out.get(r.householdId);
    if (list) list.push(r);
    else out.set(r.householdId, [r]);
  }
  return out;
};

/** Stores a cost once under the client's id (see store/insert-once.ts). */
export const insertExpenseOnce = (id: string, write: Omit<OnceWrite<MedicalExpense>, 'parse'>) => insertOnce(expenses(), id, { ...write, parse });

/** A household's costs dated on or after `since` (YYYY-MM-DD): what the 365-day window can hold. */
export async function expensesOf(householdId: string, since: string): Promise<MedicalExpense[]> {
  const _ = getDb().command;
  return readAll(expenses().where({ householdId, date: _.gte(since) }), parse, { orderBy: [['date', 'asc']] });
}

/** The costs of several households dated on or after `since`, by household (for the county sweep). */
export async function expensesOfHouseholds(householdIds: string[], since: string): Promise<Map<string, Cost[]>> {
  const _ = getDb().command;
  return byHousehold(await inChunks(householdIds, MAX_IN, (chunk) => readAll(expenses().where({ householdId: _.in(chunk), date: _.gte(since) }), parse)));
}

/**
 * The costs of a region (`{ countyId }`, `{ townId }`…) dated on or after `since`, by household:
 * what a county sweep reads, in one round trip per 10,000 costs instead of one per 1,000 households.
 */
export async function expensesOfRegion(region: Record<string, string>, since: string): Promise<Map<string, Cost[]>> {
  const _ = getDb().command;
  return byHousehold(
    await projectAll(expenses(), { ...region, date: _.gte(since) }, { householdId: true, date: true, outOfPocket: true }, (d) => Cost.parse(d)),
  );
}

/** Which of these expense ids are stored (an import's content-derived ids: what was recorded before). */
export async function storedExpenseIds(ids: string[]): Promise<Set<string>> {
  const _ = getDb().command;
  const rows = await inChunks(ids, MAX_IN, (chunk) =>
    readAll(
      expenses()
        .where({ _id: _.in(chunk) })
        .field({ _id: true }),
      (d) => String(d._id),
    ),
  );
  return new Set(rows);
}
