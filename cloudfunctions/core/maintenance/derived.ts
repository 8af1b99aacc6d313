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

type Doc = Record<string, unknown>;

async function* pages(collection: string, fields: Record<string, true>): AsyncGenerator<Doc[]> {
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await getDb().collection(collection).field(fields).skip(offset).limit(PAGE).get();
    if (data.length) yield data as Doc[];
    if (data.length < PAGE) return;
  }
}

/** The derived-data version the store was last brought to (0 when never recorded). */
export async function derivedVersion(): Promise<number> {
  const { data } = await getDb().collection('settings').doc(SETTINGS_ID).get();
  return (data[0]?.version as number | undefined) ?? 0;
}

export const derivedMarker = (at: Date) => ({ _id: SETTINGS_ID, version: DERIVED_VERSION, at: at.toISOString() });

/**
 * Recomputes every derived field and rollup from households, benefit records and visits, then
 * records DERIVED_VERSION. Safe to run again: each document is set to what its sources say.
 */
export async function rebuildDerived(now: Date, progress: (message: string) => void = () => {}): Promise<{ households: number; records: number; visits: number }> {
  const db = getDb();
  const received = new Map<string, Doc[]>();
  let records = 0;
  for await (const page of pages('benefits', { householdId: true, policy: true, memberId: true, period: true })) {
    for (const r of page) {
      const list = received.get(r.householdId as string) ?? [];
      list.push(r);
      received.set(r.householdId as string, list);
    }
    records += page.length;
  }
  let households = 0;
  for await (const page of pages('households', { headName: true, villageId: true, status: true, annualNetIncome: true, housingGrade: true, members: true })) {
    for (const h of page) {
      const paid = paidKeysOf((received.get(h._id as string) ?? []) as Parameters<typeof paidKeysOf>[0]);
      const { ruleFacts, memberCount } = withDerived(h as never);
      await db.collection('households').doc(h._id as string).update({ ruleFacts, memberCount, paidKeys: db.command.set(paid) });
    }
    households += page.length;
    progress(`户：${households}`);
  }
  const seen: Parameters<typeof visitMonthsOf>[0] = [];
  for await (const page of pages('visits', { householdId: true, month: true, helperId: true, countyId: true, townId: true, villageId: true })) {
    seen.push(...(page as unknown as typeof seen));
    progress(`走访：${seen.length}`);
  }
  const put = async (collection: string, { _id, ...fields }: { _id: string }) => { await db.collection(collection).doc(_id).set(fields); };
  for (const row of visitMonthsOf(seen)) await put('visit_months', row);
  await put('settings', derivedMarker(now));
  return { households, records, visits: seen.length };
}
