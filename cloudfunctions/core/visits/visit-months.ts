import dayjs from 'dayjs';
import type { Visit } from '../../../types/visit';
import { derivedId } from '../store/derived-id';
import { previousMonth } from './visit.rules';
import { addVisitMonth, markPrevMonthToo, visitMonthExists, type VisitMonth } from './visit.repository';

/**
 * 走访月汇总: one small document per household and month that had a visit, naming the helpers who
 * visited. Coverage reports count these through indexes instead of decoding every visit of the
 * month (about 40,000 at county scale): per village, and per helper (distinct households each
 * visited, by unwinding `helperIds`). Written by `visits.record` (and the seed) together with
 * the visit; noting the same visit twice changes nothing, so a re-send cannot double-count.
 */
export type { VisitMonth } from './visit.repository';

type VisitKey = Pick<Visit, 'householdId' | 'month' | 'helperId' | 'countyId' | 'townId' | 'villageId'>;

export const visitMonthId = (householdId: string, month: string): string => derivedId('visit-month', [householdId, month], ':');
const nextMonth = (month: string): string => dayjs(`${month}-01`).add(1, 'month').format('YYYY-MM');

/** The rollup documents of a batch of visits (the seed writes these beside each household's visits). */
export function visitMonthsOf(visits: VisitKey[]): VisitMonth[] {
  const out = new Map<string, VisitMonth>();
  for (const v of visits) {
    const id = visitMonthId(v.householdId, v.month);
    const row = out.get(id) ?? {
      _id: id,
      householdId: v.householdId,
      month: v.month,
      countyId: v.countyId,
      townId: v.townId,
      villageId: v.villageId,
      helperIds: [],
      prevMonthToo: false,
    };
    if (!row.helperIds.includes(v.helperId)) row.helperIds.push(v.helperId);
    out.set(id, row);
  }
  for (const row of out.values()) row.prevMonthToo = out.has(visitMonthId(row.householdId, previousMonth(row.month)));
  return [...out.values()];
}

/** Notes the visit in its household's month (and the helper among that month's visitors). */
export async function noteVisitInRollups(visit: VisitKey): Promise<void> {
  const [row] = visitMonthsOf([visit]);
  await addVisitMonth(row, visit.helperId);
  await linkNeighbours(visit.householdId, visit.month);
}

/**
 * Sets `prevMonthToo` between this month and its neighbours. Every writer links after its own
 * write, so of two months created at the same time at least one writer sees the other.
 */
async function linkNeighbours(householdId: string, month: string): Promise<void> {
  if (await visitMonthExists(visitMonthId(householdId, previousMonth(month)))) await markPrevMonthToo(visitMonthId(householdId, month));
  const next = nextMonth(month);
  if (await visitMonthExists(visitMonthId(householdId, next))) await markPrevMonthToo(visitMonthId(householdId, next));
}
