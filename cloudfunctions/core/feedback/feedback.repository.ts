import { Feedback } from '../../../types/feedback';
import { getDb, insertOnce, pageAcross, type OnceWrite } from '../store';

type Where = Record<string, unknown>;

/** The only code that queries `feedback` (STYLE: one rule in one place). */
const feedback = () => getDb().collection('feedback');
const parse = (d: Record<string, unknown>) => Feedback.parse(d);

export async function findFeedback(id: string): Promise<Feedback | null> {
  const { data } = await feedback().doc(id).get();
  return data.length ? parse(data[0] as Record<string, unknown>) : null;
}

/** Stores an item once under the client's id (see store/insert-once.ts). */
export const insertFeedbackOnce = (id: string, write: Omit<OnceWrite<Feedback>, 'parse'>) => insertOnce(feedback(), id, { ...write, parse });

/** Writes `changes` only if the stored version is still `version`; false when another admin got there first. */
export async function updateFeedbackIfVersion(id: string, version: number, changes: Partial<Feedback>): Promise<boolean> {
  const { updated } = await feedback()
    .where({ _id: id, version })
    .update({ ...changes, version: version + 1 });
  return (updated ?? 0) > 0;
}

/** A writer's own items, newest first. */
export function feedbackByAuthor(authorId: string, offset: number, limit: number): Promise<{ items: Feedback[]; total: number }> {
  return pageAcross(feedback(), [{ where: { authorId }, orderBy: [['submittedAt', 'desc']] }], offset, limit, parse);
}

/** A county's items: open ones first (oldest first, as they wait longest), then answered newest first. */
export function feedbackOfCounty(
  countyId: string,
  status: 'open' | 'answered' | undefined,
  offset: number,
  limit: number,
): Promise<{ items: Feedback[]; total: number }> {
  const seg = (s: 'open' | 'answered', dir: 'asc' | 'desc') => ({
    where: { countyId, status: s } as Where,
    orderBy: [['submittedAt', dir]] as Array<[string, 'asc' | 'desc']>,
  });
  const segments = status ? [seg(status, status === 'open' ? 'asc' : 'desc')] : [seg('open', 'asc'), seg('answered', 'desc')];
  return pageAcross(feedback(), segments, offset, limit, parse);
}
