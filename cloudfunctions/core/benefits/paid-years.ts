import type { Benefit } from '../../../types/benefit';
import { getDb } from '../store';
import { addToSetOrCreate } from '../store/add-to-set';
import { paidKey } from './gaps.rules';

/**
 * 兑现年汇总: one small document per household and year listing what it received that year, as
 * `paidKey`s (`policy|memberId`). The 应享未享 sweep reads these (30,000 at county scale) instead
 * of every benefit record of the year (about 200,000). Written beside each record by `writeRecord`
 * (entry, import) and by the seed; noting a record twice changes nothing, and a retried write notes
 * it again, so a crash between the record and its note heals on the retry.
 */
export interface PaidYear {
  _id: string;
  householdId: string;
  year: string;
  paid: string[];
}

type PaidRecord = Pick<Benefit, 'householdId' | 'policy' | 'memberId' | 'period'>;

export const paidYearId = (householdId: string, year: string): string => `${householdId}:${year}`;
/** A record's year: its period is `YYYY` or `YYYY-MM`. */
const yearOf = (period: string): string => period.slice(0, 4);

/** The summary documents of a batch of records (the seed writes these beside each household's records). */
export function paidYearsOf(records: PaidRecord[]): PaidYear[] {
  const out = new Map<string, PaidYear>();
  for (const r of records) {
    const year = yearOf(r.period);
    const id = paidYearId(r.householdId, year);
    const row = out.get(id) ?? { _id: id, householdId: r.householdId, year, paid: [] };
    const key = paidKey(r.policy, r.memberId);
    if (!row.paid.includes(key)) row.paid.push(key);
    out.set(id, row);
  }
  return [...out.values()];
}

/** Notes one stored record in its household's year. */
export async function notePaid(record: PaidRecord): Promise<void> {
  const [row] = paidYearsOf([record]);
  await addToSetOrCreate('paid_years', row._id, 'paid', row.paid[0], row);
}

const CHUNK = 500;

/**
 * Which benefits these households received in `year`, as `paidKey`s per household (households
 * with nothing that year are absent). One read by id per 500 households.
 */
export async function paidKeysInYear(householdIds: string[], year: string): Promise<Map<string, Set<string>>> {
  const _ = getDb().command;
  const byHousehold = new Map<string, Set<string>>();
  for (let i = 0; i < householdIds.length; i += CHUNK) {
    const ids = householdIds.slice(i, i + CHUNK).map((h) => paidYearId(h, year));
    const { data } = await getDb().collection('paid_years').where({ _id: _.in(ids) }).field({ _id: false, householdId: true, paid: true }).limit(CHUNK).get();
    for (const d of data) byHousehold.set(d.householdId as string, new Set(d.paid as string[]));
  }
  return byHousehold;
}
