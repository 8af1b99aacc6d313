import { getDb } from './index';

/**
 * The `settings` collection holds one document per area that keeps settings in the store (the
 * needs deadlines as `needs`, the monitoring parameters as `monitoring`, the derived-data marker as
 * `derived`, a stepped rebuild's progress as `derived_run`). This is its only reader and writer; each area parses its own document with its
 * own schema.
 */
const settings = () => getDb().collection('settings');

/** The raw settings document with this id, or null when none was ever written. */
export async function readSettingsDoc(id: string): Promise<Record<string, unknown> | null> {
  const { data } = await settings().doc(id).get();
  return data.length ? (data[0] as Record<string, unknown>) : null;
}

/** Replaces the settings document with this id. */
export async function writeSettingsDoc(id: string, doc: Record<string, unknown>): Promise<void> {
  await settings().doc(id).set(doc);
}

type Tx = Awaited<ReturnType<ReturnType<typeof getDb>['startTransaction']>>;

/**
 * The next number of a named sequence (1, 2, …), e.g. the county's 整改通知 numbers of a year.
 * Read and written in one transaction, so two callers at once never get the same number.
 */
export async function nextSequence(id: string): Promise<number> {
  let next = 0;
  await getDb().runTransaction(async (tx: Tx) => {
    const { data } = await tx.collection('settings').doc(id).get();
    next = (typeof data?.value === 'number' ? data.value : 0) + 1;
    if (data) await tx.collection('settings').doc(id).update({ value: next });
    else await tx.collection('settings').doc(id).set({ value: next });
  }, 3);
  return next;
}
