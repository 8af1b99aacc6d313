import { getDb } from '../store';
import { paidKeysOf } from '../benefits/paid-keys';
import { withDerived } from '../households/household.derived';
import { visitMonthsOf } from '../visits/visit-months';

/**
 * Derived data: what writes keep in step with their sources so reads stay cheap — the visit
 * rollup (visit_months) and the household's ruleFacts, memberCount and paidKeys. A store
 * written by older code lacks some of it; `rebuildDerived` recomputes all of it from the sources.
 * Bump DERIVED_VERSION whenever a derived field or rollup is added or changes shape.
 */
export const DERIVED_VERSION = 4;
const SETTINGS_ID = 'derived';
const PAGE = 1000;
/** Households rebuilt together: their records and visits (~35 each over six months) fit a few pages. */
const HOUSEHOLDS_PER_STEP = 100;

type Doc = Record<string, unknown>;
type Where = Record<string, unknown>;

/**
 * Every document matching `where`, a page at a time. `sorted` pages in `_id` order (stable however
 * the store answers), for a household's few records and visits; the households themselves are
 * paged in natural order, as sorting all of them by `_id` for every page would cost a full read.
 */
async function* pages(collection: string, where: Where, fields: Record<string, true>, size = PAGE, sorted = true): AsyncGenerator<Doc[]> {
  for (let offset = 0; ; offset += size) {
    const query = getDb().collection(collection).where(where).field(fields);
    const { data } = await (sorted ? query.orderBy('_id', 'asc') : query).skip(offset).limit(size).get();
    if (data.length) yield data as Doc[];
    if (data.length < size) return;
  }
}

async function all(collection: string, where: Where, fields: Record<string, true>): Promise<Doc[]> {
  const out: Doc[] = [];
  for await (const page of pages(collection, where, fields)) out.push(...page);
  return out;
}

const byHousehold = (docs: Doc[]): Map<string, Doc[]> => {
  const out = new Map<string, Doc[]>();
  for (const d of docs) out.set(d.householdId as string, [...(out.get(d.householdId as string) ?? []), d]);
  return out;
};

/** The derived-data version the store was last brought to (0 when never recorded). */
export async function derivedVersion(): Promise<number> {
  const { data } = await getDb().collection('settings').doc(SETTINGS_ID).get();
  return (data[0]?.version as number | undefined) ?? 0;
}

export const derivedMarker = (at: Date) => ({ _id: SETTINGS_ID, version: DERIVED_VERSION, at: at.toISOString() });

/**
 * Recomputes every derived field and rollup from households, benefit records and visits, then
 * records DERIVED_VERSION. Works through the households a page at a time (their records and
 * visits read by household), so memory stays one page's worth however large the county. Safe to
 * run again: each document is set to what its sources say.
 */
export async function rebuildDerived(now: Date, progress: (message: string) => void = () => {}): Promise<{ households: number; records: number; visits: number }> {
  const db = getDb();
  const _ = db.command;
  const put = async (collection: string, { _id, ...fields }: { _id: string }) => { await db.collection(collection).doc(_id).set(fields); };
  const done = { households: 0, records: 0, visits: 0 };
  const householdFields = { headName: true, villageId: true, status: true, annualNetIncome: true, housingGrade: true, members: true } as const;
  for await (const page of pages('households', {}, householdFields, HOUSEHOLDS_PER_STEP, false)) {
    const householdId = _.in(page.map((h) => h._id as string));
    const records = await all('benefits', { householdId }, { householdId: true, policy: true, memberId: true, period: true });
    const visits = await all('visits', { householdId }, { householdId: true, month: true, helperId: true, countyId: true, townId: true, villageId: true });
    const received = byHousehold(records);
    for (const h of page) {
      const paid = paidKeysOf((received.get(h._id as string) ?? []) as Parameters<typeof paidKeysOf>[0]);
      const { ruleFacts, memberCount } = withDerived(h as never);
      await db.collection('households').doc(h._id as string).update({ ruleFacts, memberCount, paidKeys: _.set(paid) });
    }
    for (const row of visitMonthsOf(visits as unknown as Parameters<typeof visitMonthsOf>[0])) await put('visit_months', row);
    done.households += page.length;
    done.records += records.length;
    done.visits += visits.length;
    progress(`户：${done.households}，兑现记录：${done.records}，走访：${done.visits}`);
  }
  await put('settings', derivedMarker(now));
  return done;
}
