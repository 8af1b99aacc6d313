import { getDb } from './index';

/**
 * Adds `value` to the array `field` of document `id` in `collection`, creating the document as
 * `created` when it is missing. Idempotent (a set), so a rollup written this way can be noted again
 * after a crash or a re-send without counting anything twice.
 */
export async function addToSetOrCreate(collection: string, id: string, field: string, value: unknown, created: { _id: string }): Promise<void> {
  const db = getDb();
  const ref = db.collection(collection).doc(id);
  const add = () => ref.update({ [field]: db.command.addToSet(value) });
  if ((await add()).updated || (await ref.get()).data.length) return;
  try {
    await db.collection(collection).add(created);
  } catch (error) {
    // Another write created it first: add to theirs.
    if (!(await ref.get()).data.length) throw error;
    await add();
  }
}
