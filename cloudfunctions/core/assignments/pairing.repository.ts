import { randomUUID } from 'node:crypto';
import { z } from '../../../types/z';
import { Pairing, PairingRole } from '../../../types/pairing';
import { getDb, inChunks, MAX_AGGREGATE, MAX_IN, projectAll, readAll } from '../store';
import { gatherAll } from '../store/group-counts';

type Tx = Awaited<ReturnType<ReturnType<typeof getDb>['startTransaction']>>;

/** The only code that queries `pairings` (STYLE: one rule in one place). */
const pairings = () => getDb().collection('pairings');
const parse = (d: Record<string, unknown>) => Pairing.parse(d);
const OfHousehold = Pairing.pick({ householdId: true });
const HelperOf = Pairing.pick({ householdId: true, helperId: true });

/** Whether the helper has an active pairing with the household, in any role. */
export async function isPaired(helperId: string, householdId: string): Promise<boolean> {
  const { data } = await pairings().where({ helperId, householdId, active: true }).field({ _id: true }).limit(1).get();
  return data.length > 0;
}

/** Ids of every household the helper is actively paired with (any role), paging past 1,000. */
export async function pairedHouseholdIds(helperId: string): Promise<string[]> {
  const found = await readAll(pairings().where({ helperId, active: true }).field({ householdId: true }), (d) => OfHousehold.parse(d).householdId);
  return [...new Set(found)];
}

/**
 * Ids of every household with an active primary helper (未结对 is the rest), in natural order:
 * ordering by `_id` made the embedded store decode every pairing for each page.
 */
export async function primaryPairedHouseholdIds(): Promise<string[]> {
  return readAll(pairings().where({ role: 'primary', active: true }).field({ householdId: true }), (d) => OfHousehold.parse(d).householdId);
}

/** The active primary helper (主帮扶人) of each household, by household: gaps and overdue visits are handed to them. */
export async function primaryHelpers(householdIds: string[]): Promise<Map<string, string>> {
  const _ = getDb().command;
  const found = await inChunks(householdIds, MAX_IN, (chunk) =>
    readAll(
      pairings()
        .where({ householdId: _.in(chunk), role: 'primary', active: true })
        .field({ householdId: true, helperId: true }),
      (d) => HelperOf.parse(d),
    ),
  );
  return new Map(found.map((p) => [p.householdId, p.helperId]));
}

/** The distinct helpers actively paired (any role) with any of these households. */
export async function helpersPairedWith(householdIds: string[]): Promise<Set<string>> {
  const _ = getDb().command;
  const found = await inChunks(householdIds, MAX_IN, (chunk) =>
    readAll(
      pairings()
        .where({ householdId: _.in(chunk), active: true })
        .field({ householdId: true, helperId: true }),
      (d) => HelperOf.parse(d).helperId,
    ),
  );
  return new Set(found);
}

/** The household's primary helper (主帮扶人), or null when it has none. */
export async function primaryHelperOf(householdId: string): Promise<string | null> {
  const { data } = await pairings().where({ householdId, role: 'primary', active: true }).field({ helperId: true }).limit(1).get();
  return data.length ? Pairing.pick({ helperId: true }).parse(data[0]).helperId : null;
}

export async function activePairings(where: { householdId?: string; helperId?: string; role?: PairingRole }): Promise<Pairing[]> {
  return readAll(pairings().where({ ...where, active: true }), parse);
}

const OnList = Pairing.pick({ householdId: true, role: true, since: true });

/** A helper's active pairings, as the due list reads them (projected). */
export async function activePairingsOfHelper(helperId: string): Promise<Array<Pick<Pairing, 'householdId' | 'role' | 'since'>>> {
  return readAll(pairings().where({ helperId, active: true }).field({ householdId: true, role: true, since: true }), (d) => OnList.parse(d));
}

/** A household's pairings, newest first: the active ones, or with `history` the ended ones too (the latest 100). */
export async function pairingsOfHousehold(householdId: string, history: boolean): Promise<Pairing[]> {
  const where = history ? { householdId } : { householdId, active: true };
  const { data } = await pairings().where(where).orderBy('since', 'desc').limit(100).get();
  return data.map(parse);
}

const LoadRow = z.object({ _id: z.object({ helperId: z.string(), role: PairingRole }), n: z.number() });

/**
 * Active pairings per helper and role, counted on the server in one aggregate (10,000 groups an
 * answer): for more helpers than one `_.in` list carries (a county's 3,000) every active pairing
 * is grouped and the helpers asked for are kept, rather than one round trip per 500 helpers.
 */
export async function activeLoads(helperIds: string[]): Promise<Map<string, Record<string, number>>> {
  const db = getDb();
  const _ = db.command;
  const wanted = new Set(helperIds);
  const result = new Map<string, Record<string, number>>();
  if (!wanted.size) return result;
  const match = wanted.size <= MAX_IN ? { active: true, helperId: _.in([...wanted]) } : { active: true };
  for (let offset = 0; ; offset += MAX_AGGREGATE) {
    const { data } = await pairings()
      .aggregate()
      .match(match)
      .group({ _id: { helperId: '$helperId', role: '$role' }, n: db.command.aggregate.sum(1) })
      .sort({ _id: 1 })
      .skip(offset)
      .limit(MAX_AGGREGATE)
      .end();
    for (const row of data as unknown[]) {
      const { _id, n } = LoadRow.parse(row);
      if (!wanted.has(_id.helperId)) continue;
      const counts = result.get(_id.helperId) ?? {};
      counts[_id.role] = n;
      result.set(_id.helperId, counts);
    }
    if (data.length < MAX_AGGREGATE) return result;
  }
}

export async function findPairing(id: string): Promise<Pairing | null> {
  const { data } = await pairings().doc(id).get();
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
  const { updated } = await pairings().where({ _id: pairing._id, active: true }).update({ active: false, until: at });
  return { ...pairing, active: updated ? false : pairing.active, until: updated ? at : pairing.until };
}

const Span = Pairing.pick({ householdId: true, helperId: true, since: true, until: true });
export type PairingSpan = z.infer<typeof Span>;

/**
 * The pairings of a role (active or ended) of these households that began before `before`: the
 * monthly bulletin and the ledgers find among them the pairing active at the end of a month
 * (since ≤ end, until empty or later), whatever happened since.
 */
export async function primaryPairingSpans(householdIds: string[] | 'all', before: string, role: PairingRole = 'primary'): Promise<PairingSpan[]> {
  const _ = getDb().command;
  // A county reads every pairing of the role, gathered per helper on the server: one round trip
  // (a county has ~3,000 helpers) instead of 30 lists of 1,000 ids or an aggregate per 10,000 rows.
  const fields = { householdId: true, helperId: true, since: true, until: true } as const;
  if (householdIds === 'all')
    return gatherAll(pairings(), { role, since: _.lt(before) }, ['helperId'], ['householdId', 'since', 'until'], (d) => Span.parse(d));
  return inChunks(householdIds, MAX_IN, (chunk) =>
    projectAll(pairings(), { householdId: _.in(chunk), role, since: _.lt(before) }, fields, (d) => Span.parse(d)),
  );
}
