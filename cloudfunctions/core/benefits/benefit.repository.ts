import { Benefit } from '../../../types/benefit';
import { getDb, inChunks, insertOnce, MAX_IN, readAll, type OnceWrite } from '../store';

export type { RuleHousehold } from '../households/rule-facts';

/** The only code that queries `benefits` (兑现记录; STYLE: one rule in one place). */
const benefits = () => getDb().collection('benefits');
type Where = Record<string, unknown>;

const parse = (d: Record<string, unknown>) => Benefit.parse(d);

/** What a gap check reads of a 兑现记录. */
export type PaidKey = Pick<Benefit, 'householdId' | 'policy' | 'memberId' | 'period' | 'amount'>;

/** Whether a record's period (`YYYY` or `YYYY-MM`) lies in `year`: 'YYYY' sorts before 'YYYY-01'…'YYYY-12'. */
export const inYear = (period: string, year: string): boolean => period >= year && period <= `${year}-12`;

export async function recordsOfHousehold(householdId: string): Promise<Benefit[]> {
  const records = await readAll(benefits().where({ householdId }), parse);
  return records.sort((a, b) => b.period.localeCompare(a.period) || a.policy.localeCompare(b.policy));
}

/** Stored records by id (an import checks which of its rows are stored already). */
export async function recordsByIds(ids: string[]): Promise<Map<string, Benefit>> {
  const _ = getDb().command;
  const found = await inChunks(ids, 500, (chunk) => readAll(benefits().where({ _id: _.in(chunk) }), parse));
  return new Map(found.map((r) => [r._id, r]));
}

/** One page of the records matching `where`, newest payments first, with the count of all. */
export async function recordPage(where: Where, paging: { offset: number; limit: number }): Promise<{ items: Benefit[]; total: number }> {
  const [{ total }, { data }] = await Promise.all([
    benefits().where(where).count(),
    benefits().where(where).orderBy('paidOn', 'desc').orderBy('_id', 'asc').skip(paging.offset).limit(paging.limit).get(),
  ]);
  return { items: data.map(parse), total: total ?? 0 };
}

/** A household's latest records by payment date, for its timeline. */
export async function recentRecordsOf(householdId: string, limit: number): Promise<Benefit[]> {
  const { data } = await benefits().where({ householdId }).orderBy('paidOn', 'desc').limit(limit).get();
  return data.map(parse);
}

const PaidRecordDoc = Benefit.pick({ _id: true, householdId: true, policy: true, memberId: true, period: true, amount: true });

/** What the 兑现摘要 is made of, for the records of these households, in `_id` order (stable while paged). */
export async function paidRecordsOf(
  householdIds: string[],
): Promise<Array<Pick<Benefit, '_id' | 'householdId' | 'policy' | 'memberId' | 'period' | 'amount'>>> {
  const _ = getDb().command;
  return inChunks(householdIds, MAX_IN, (chunk) =>
    readAll(
      benefits()
        .where({ householdId: _.in(chunk) })
        .field({ householdId: true, policy: true, memberId: true, period: true, amount: true }),
      (d) => PaidRecordDoc.parse(d),
      { orderBy: [['_id', 'asc']] },
    ),
  );
}

/** Stores a record once under its derived id (see store/insert-once.ts). */
export const insertRecordOnce = (id: string, write: Omit<OnceWrite<Benefit>, 'parse'>) => insertOnce(benefits(), id, { ...write, parse });
