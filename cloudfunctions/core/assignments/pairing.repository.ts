import { randomUUID } from 'node:crypto';
import { Pairing, type PairingRole } from '../../../types/pairing';
import { getDb } from '../store';

type Tx = Awaited<ReturnType<ReturnType<typeof getDb>['startTransaction']>>;

/** Whether the helper has an active pairing with the household, in any role. */
export async function isPaired(helperId: string, householdId: string): Promise<boolean> {
  const { data } = await getDb().collection('pairings').where({ helperId, householdId, active: true }).field({ _id: true }).limit(1).get();
  return data.length > 0;
}

/** Ids of every household the helper is actively paired with (any role), paging past 1,000. */
export async function pairedHouseholdIds(helperId: string): Promise<string[]> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += 1000) {
    const { data } = await getDb().collection('pairings').where({ helperId, active: true }).field({ householdId: true }).skip(offset).limit(1000).get();
    for (const d of data) ids.add(d.householdId as string);
    if (data.length < 1000) return [...ids];
  }
}

/** The household's primary helper (主帮扶人), or null when it has none. */
export async function primaryHelperOf(householdId: string): Promise<string | null> {
  const { data } = await getDb().collection('pairings').where({ householdId, role: 'primary', active: true }).field({ helperId: true }).limit(1).get();
  return data.length ? (data[0].helperId as string) : null;
}

export async function activePairings(where: { householdId?: string; helperId?: string; role?: PairingRole }): Promise<Pairing[]> {
  const { data } = await getDb().collection('pairings').where({ ...where, active: true }).limit(1000).get();
  return data.map((d) => Pairing.parse(d));
}

/**
 * Active pairings per helper and role, counted on the server (aggregate, 500 helpers at a time;
 * the embedded store counts these from the helperId index alone).
 */
export async function activeLoads(helperIds: string[]): Promise<Map<string, Record<string, number>>> {
  const db = getDb();
  const _ = db.command;
  const result = new Map<string, Record<string, number>>();
  for (let i = 0; i < helperIds.length; i += 500) {
    const { data } = await db.collection('pairings').aggregate()
      .match({ active: true, helperId: _.in(helperIds.slice(i, i + 500)) })
      .group({ _id: { helperId: '$helperId', role: '$role' }, n: db.command.aggregate.sum(1) })
      .limit(1500)
      .end();
    for (const row of data as { _id: { helperId: string; role: string }; n: number }[]) {
      const counts = result.get(row._id.helperId) ?? {};
      counts[row._id.role] = row.n;
      result.set(row._id.helperId, counts);
    }
  }
  return result;
}

export async function findPairing(id: string): Promise<Pairing | null> {
  const { data } = await getDb().collection('pairings').doc(id).get();
  return data.length ? Pairing.parse(data[0]) : null;
}

/**
 * Ends the household's active pairing(s) of this role and starts one with `helperId`, in one
 * transaction: the old pairings stay as history (`active: false`, `until`). Reading the pairings
 * it ends inside the transaction makes two concurrent assigns conflict, so a household never
 * ends up with two primary helpers.
 */
export async function replacePairing(householdId: string, role: PairingRole, helperId: string, at: string): Promise<Pairing> {
  const db = getDb();
  let created: Pairing | null = null;
  await db.runTransaction(async (tx: Tx) => {
    const current = await activePairings({ householdId, role });
    for (const p of current) {
      const { data } = await tx.collection('pairings').doc(p._id).get();
      if (data?.active) await tx.collection('pairings').doc(p._id).update({ active: false, until: at });
    }
    const same = current.find((p) => p.helperId === helperId);
    const { _id, ...fields }: Pairing = { _id: randomUUID(), householdId, helperId, role, active: true, since: same?.since ?? at, until: null };
    await tx.collection('pairings').doc(_id).set(fields);
    created = { _id, ...fields };
  }, 3);
  return created!;
}

export async function endPairing(pairing: Pairing, at: string): Promise<Pairing> {
  const { updated } = await getDb().collection('pairings').where({ _id: pairing._id, active: true }).update({ active: false, until: at });
  return { ...pairing, active: updated ? false : pairing.active, until: updated ? at : pairing.until };
}
