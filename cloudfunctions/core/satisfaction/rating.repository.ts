import type { z } from '../../../types/z';
import { HelperRating } from '../../../types/satisfaction';
import { getDb, insertOnce, projectAll, readAll, type OnceWrite } from '../store';

/** The only code that queries `helper_ratings`. */
const ratings = () => getDb().collection('helper_ratings');
type Where = Record<string, unknown>;

export const ratingId = (householdId: string, helperId: string, quarter: string) => `${householdId}:${helperId}:${quarter}`;

/** Stores the quarter's rating once under its id (see store/insert-once.ts). */
export const insertRatingOnce = (id: string, write: Omit<OnceWrite<HelperRating>, 'parse'>) =>
  insertOnce(ratings(), id, { ...write, parse: (d) => HelperRating.parse(d) });

export async function ratingsOfHousehold(householdId: string, quarter: string): Promise<HelperRating[]> {
  return readAll(ratings().where({ householdId, quarter }), (d) => HelperRating.parse(d));
}

const Score = HelperRating.pick({ rating: true });

/** The ratings matching `where` (a helper's, or a region's month), as their scores only. */
export async function ratingScores(where: Where): Promise<number[]> {
  return readAll(ratings().where(where).field({ rating: true }), (d) => Score.parse(d).rating);
}

const Given = HelperRating.pick({ householdId: true, helperId: true, townId: true, villageId: true, rating: true, at: true });
export type GivenRating = z.infer<typeof Given>;

/** The ratings given in a region before `end` (ISO), projected (10,000 a round trip), for the bulletin's satisfaction figure. */
export async function ratingsGivenBefore(where: Where, end: string): Promise<GivenRating[]> {
  const fields = { householdId: true, helperId: true, townId: true, villageId: true, rating: true, at: true } as const;
  return projectAll(ratings(), { ...where, at: getDb().command.lt(end) }, fields, (d) => Given.parse(d));
}
