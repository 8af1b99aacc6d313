/**
 * Find-or-insert for a write named by its id (the client's id for a visit or a need, an id derived
 * from the content for a 兑现 record): the same write sent twice (a retry after a lost answer, the
 * offline queue re-sending, a re-imported sheet) is stored once, and a different body under an id
 * already used is refused instead of silently dropped. Written once for every idempotent write.
 */
import type { CloudBase } from '@cloudbase/node-sdk';

/** The node-sdk database, as store/index.ts names it (not imported from there: index re-exports this file). */
type Database = ReturnType<CloudBase['database']>;

type Collection = ReturnType<Database['collection']>;

export interface OnceWrite<T extends { _id: string }> {
  /** The stored document as its schema reads it. */
  parse: (doc: Record<string, unknown>) => T;
  /**
   * The document to insert. Called only when nothing is stored under the id yet, so checks that a
   * re-send must not repeat (a visit older than the backdating window, a household since moved) go here.
   */
  build: () => T | Promise<T>;
  /** Whether the stored document is this same write again. */
  same: (stored: T) => boolean;
  /** The error for a different body under the id; `raced` when it was stored while this write ran. */
  clash: (stored: T, raced: boolean) => Error;
}

/**
 * Answers the stored document when there is one (`created: false`), after checking it is the same
 * write; otherwise inserts `build()` under `id`. An insert that loses a race reads the winner
 * again and answers it the same way.
 */
export async function insertOnce<T extends { _id: string }>(collection: Collection, id: string, write: OnceWrite<T>): Promise<{ doc: T; created: boolean }> {
  const read = async (): Promise<T | null> => {
    const { data } = await collection.doc(id).get();
    return data.length ? write.parse(data[0] as Record<string, unknown>) : null;
  };
  const answer = (stored: T, raced: boolean) => {
    if (!write.same(stored)) throw write.clash(stored, raced);
    return { doc: stored, created: false };
  };
  const stored = await read();
  if (stored) return answer(stored, false);
  const doc = await write.build();
  if (doc._id !== id) throw new Error('insertOnce: the built document must carry the id it was asked for');
  try {
    await collection.add(doc);
    return { doc, created: true };
  } catch (error) {
    // Another request stored the same id first: answer what is stored now.
    const raced = await read();
    if (!raced) throw error;
    return answer(raced, true);
  }
}
