import { DEFAULT_NEED_SETTINGS, Need, NeedSettings, OPEN_NEED_STATUSES } from '../../../types/need';
import { getDb } from '../store';

type Where = Record<string, unknown>;

export async function findNeed(id: string): Promise<Need | null> {
  const { data } = await getDb().collection('needs').doc(id).get();
  return data.length ? Need.parse(data[0]) : null;
}

/** Inserts a new need; false when a document with that id already exists (a re-send or a clash). */
export async function insertNeed(need: Need): Promise<boolean> {
  try {
    await getDb().collection('needs').add(need);
    return true;
  } catch (error) {
    if (await findNeed(need._id)) return false;
    throw error;
  }
}

/**
 * Writes `changes` only if the stored version is still `version` (optimistic concurrency: two people
 * acting at once never silently overwrite each other). Answers false when someone else got there first.
 */
export async function updateNeedIfVersion(id: string, version: number, changes: Partial<Need>): Promise<boolean> {
  const db = getDb();
  const _ = db.command;
  const patch: Where = { ...changes, version: version + 1 };
  if (changes.history) patch.history = _.set(changes.history);
  const { updated } = await db.collection('needs').where({ _id: id, version }).update(patch);
  return (updated ?? 0) > 0;
}

/**
 * Conditions of one segment of a list: open needs by deadline (so overdue ones, whose deadline has
 * passed, come first), then closed needs newest first. `dueAt` is the current step's deadline,
 * kept on every write, so both the overdue filter and the ordering use an index.
 */
export function overdueCondition(now: Date): Where {
  const _ = getDb().command;
  return { status: _.in([...OPEN_NEED_STATUSES]), dueAt: _.lt(now.toISOString()) };
}

interface Segment { where: Where; orderBy: Array<[string, 'asc' | 'desc']> }

/** Pages through consecutive segments as one list: `offset`/`limit` run across them in order. */
export async function listSegments(segments: Segment[], offset: number, limit: number): Promise<{ items: Need[]; total: number }> {
  const db = getDb();
  const _ = db.command;
  const totals = await Promise.all(segments.map((s) => db.collection('needs').where(_.and([s.where])).count()));
  const total = totals.reduce((sum, t) => sum + (t.total ?? 0), 0);
  const items: Need[] = [];
  let skip = offset;
  for (let i = 0; i < segments.length && items.length < limit; i++) {
    const size = totals[i].total ?? 0;
    if (skip >= size) { skip -= size; continue; }
    let query = db.collection('needs').where(_.and([segments[i].where]));
    for (const [field, dir] of segments[i].orderBy) query = query.orderBy(field, dir);
    const { data } = await query.skip(skip).limit(limit - items.length).get();
    items.push(...data.map((d) => Need.parse(d)));
    skip = 0;
  }
  return { items, total };
}

/** Every need matching `where`, 1,000 per round trip (CloudBase's cap), for the admin statistics. */
export async function allNeeds(where: Where): Promise<Need[]> {
  const db = getDb();
  const out: Need[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await db.collection('needs').where(where).orderBy('_id', 'asc').skip(offset).limit(1000).get();
    out.push(...data.map((d) => Need.parse(d)));
    if (data.length < 1000) return out;
  }
}

/**
 * 结对调整: the household's open needs routed to its former primary helper (or to nobody, when it had
 * none) go to the new one, each
 * with a step in its history saying so. Version-checked like every need write; a need changed at
 * the same moment is read again and moved on the next try.
 */
export async function handOverOpenNeeds(householdId: string, fromHelperId: string | null, toHelperId: string, by: string, at: string): Promise<number> {
  const _ = getDb().command;
  let moved = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const { data } = await getDb().collection('needs')
      .where({ householdId, assigneeId: fromHelperId, status: _.in([...OPEN_NEED_STATUSES]) }).limit(1000).get();
    if (!data.length) return moved;
    for (const need of data.map((d) => Need.parse(d))) {
      const step = { status: need.status, by, at, byRole: 'admin' as const, note: '结对调整：改由新的主帮扶人办理' };
      if (await updateNeedIfVersion(need._id, need.version, { assigneeId: toHelperId, history: [...need.history, step] })) moved++;
    }
  }
  return moved;
}

const SETTINGS_ID = 'needs';

export async function readSettings(): Promise<NeedSettings> {
  const { data } = await getDb().collection('settings').doc(SETTINGS_ID).get();
  if (!data.length) return DEFAULT_NEED_SETTINGS;
  const parsed = NeedSettings.safeParse(data[0]);
  return parsed.success ? parsed.data : DEFAULT_NEED_SETTINGS;
}

export async function writeSettings(settings: NeedSettings, by: string, at: Date): Promise<void> {
  await getDb().collection('settings').doc(SETTINGS_ID).set({ ...settings, updatedBy: by, updatedAt: at.toISOString() });
}
