import { z } from '../../../types/z';
import { Id, IsoDateTime } from '../../../types/common';
import { getDb } from '../store';

/**
 * The only code that reads bind_codes: one document per member (a new code overwrites the old),
 * holding only the code's hash.
 */
const codes = () => getDb().collection('bind_codes');

const BindCode = z.object({ _id: Id, householdId: Id, memberId: Id, codeHash: z.string(), used: z.boolean(), expiresAt: IsoDateTime });
export type BindCode = z.infer<typeof BindCode>;

/** Whether an unused, unexpired code has this hash. */
export async function isLiveCode(codeHash: string, now: Date): Promise<boolean> {
  const _ = getDb().command;
  const { total } = await codes()
    .where({ codeHash, used: false, expiresAt: _.gt(now.toISOString()) })
    .count();
  return (total ?? 0) > 0;
}

export async function putBindCode(id: string, code: Omit<BindCode, '_id'> & { createdBy: string; createdAt: string }): Promise<void> {
  await codes().doc(id).set(code);
}

/** The unused codes with this hash (expired ones too: the caller checks the time). */
export async function unusedCodes(codeHash: string): Promise<BindCode[]> {
  const { data } = await codes().where({ codeHash, used: false }).limit(20).get();
  return data.map((d) => BindCode.parse(d));
}

/** Marks the code used unless someone else did first; false when they did. */
export async function useCode(code: BindCode, now: Date): Promise<boolean> {
  const { updated } = await codes().where({ _id: code._id, codeHash: code.codeHash, used: false }).update({ used: true, usedAt: now.toISOString() });
  return updated === 1;
}
