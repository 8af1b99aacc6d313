import { ReviewItem, ReviewRound } from '../../../types/finding-review';
import { getDb, readAll } from '../store';
import { derivedId } from '../store/derived-id';

type Where = Record<string, unknown>;

/** The only code that queries `review_rounds` and `review_items` (回头看 rounds and their households). */
const rounds = () => getDb().collection('review_rounds');
const items = () => getDb().collection('review_items');
const INSERT_BATCH = 500;

export async function insertRound(round: ReviewRound, roundItems: ReviewItem[]): Promise<void> {
  // Items first: a round is listed only once all its households are stored.
  for (let i = 0; i < roundItems.length; i += INSERT_BATCH) await items().add(roundItems.slice(i, i + INSERT_BATCH));
  await rounds().add(round);
}

export async function findRound(id: string): Promise<ReviewRound | null> {
  const { data } = await rounds().doc(id).get();
  return data.length ? ReviewRound.parse(data[0]) : null;
}

export async function roundPage(where: Where, offset: number, limit: number): Promise<{ items: ReviewRound[]; total: number }> {
  const [{ total }, { data }] = await Promise.all([
    rounds().where(where).count(),
    rounds().where(where).orderBy('createdAt', 'desc').skip(offset).limit(limit).get(),
  ]);
  return { items: data.map((d) => ReviewRound.parse(d)), total: total ?? 0 };
}

/** How often each household of the county was drawn by earlier rounds. */
export async function timesSampled(countyId: string): Promise<Map<string, number>> {
  const Row = ReviewItem.pick({ householdId: true });
  const rows = await readAll(items().where({ countyId }).field({ householdId: true }), (d) => Row.parse(d));
  const times = new Map<string, number>();
  for (const r of rows) times.set(r.householdId, (times.get(r.householdId) ?? 0) + 1);
  return times;
}

export async function reviewItemPage(where: unknown, offset: number, limit: number): Promise<{ items: ReviewItem[]; total: number }> {
  const [{ total }, { data }] = await Promise.all([
    items()
      .where(where as Where)
      .count(),
    items()
      .where(where as Where)
      .orderBy('villageId', 'asc')
      .orderBy('householdCode', 'asc')
      .skip(offset)
      .limit(limit)
      .get(),
  ]);
  return { items: data.map((d) => ReviewItem.parse(d)), total: total ?? 0 };
}

export async function countDone(roundId: string): Promise<number> {
  const { total } = await items()
    .where({ roundId, outcome: getDb().command.neq(null) })
    .count();
  return total ?? 0;
}

/** One household in one round: a derived id, so drawing or marking it twice finds the same document. */
export const reviewItemId = (roundId: string, householdId: string) => derivedId('review', [roundId, householdId]);

export async function findReviewItem(roundId: string, householdId: string): Promise<ReviewItem | null> {
  const { data } = await items().doc(reviewItemId(roundId, householdId)).get();
  return data.length ? ReviewItem.parse(data[0]) : null;
}

/** Records the outcome once: false when the household was already worked in this round. */
export async function markItemDone(item: ReviewItem, changes: Pick<ReviewItem, 'outcome' | 'refId' | 'doneBy' | 'doneAt'>): Promise<boolean> {
  const { updated } = await items().where({ _id: item._id, outcome: null }).update(changes);
  return (updated ?? 0) > 0;
}
