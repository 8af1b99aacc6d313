import type { z } from '../../../types/z';
import { DEFAULT_NEED_SETTINGS, Need, NeedSettings, OPEN_NEED_STATUSES } from '../../../types/need';
import { getDb, inChunks, insertOnce, MAX_IN, pageAcross, projectAll, readAll, type OnceWrite } from '../store';
import { readSettingsDoc, writeSettingsDoc } from '../store/settings-docs';

type Where = Record<string, unknown>;

/** The only code that queries `needs` (STYLE: one rule in one place). */
const needs = () => getDb().collection('needs');
const parse = (d: Record<string, unknown>) => Need.parse(d);
const OfHousehold = Need.pick({ householdId: true });

export async function findNeed(id: string): Promise<Need | null> {
  const { data } = await needs().doc(id).get();
  return data.length ? Need.parse(data[0]) : null;
}

/** Stores a need once under the client's id (see store/insert-once.ts). */
export const insertNeedOnce = (id: string, write: Omit<OnceWrite<Need>, 'parse'>) => insertOnce(needs(), id, { ...write, parse });

/**
 * Writes `changes` only if the stored version is still `version` (optimistic concurrency: two people
 * acting at once never silently overwrite each other). Answers false when someone else got there first.
 */
export async function updateNeedIfVersion(id: string, version: number, changes: Partial<Need>): Promise<boolean> {
  const db = getDb();
  const _ = db.command;
  const patch: Where = { ...changes, version: version + 1 };
  if (changes.history) patch.history = _.set(changes.history);
  const { updated } = await needs().where({ _id: id, version }).update(patch);
  return (updated ?? 0) > 0;
}

/** Pages through consecutive segments as one list: `offset`/`limit` run across them in order. */
export async function listSegments(
  segments: Array<{ where: Where; orderBy: Array<[string, 'asc' | 'desc']> }>,
  offset: number,
  limit: number,
): Promise<{ items: Need[]; total: number }> {
  const _ = getDb().command;
  return pageAcross(
    needs(),
    segments.map((s) => ({ ...s, where: _.and([s.where]) })),
    offset,
    limit,
    parse,
  );
}

/** Every need matching `where`, 1,000 per round trip (CloudBase's cap), for the admin statistics. */
export async function allNeeds(where: Where): Promise<Need[]> {
  return readAll(needs().where(where), parse, { orderBy: [['_id', 'asc']] });
}

/** Needs matching `where` that are still open (reported, accepted, in progress or reopened), counted. */
export async function countOpenNeeds(where: Where): Promise<number> {
  const { total } = await needs()
    .where({ ...where, status: getDb().command.in([...OPEN_NEED_STATUSES]) })
    .count();
  return total ?? 0;
}

const OpenNeed = Need.pick({ householdId: true, category: true, reportedAt: true, status: true });

/**
 * What the helper's due list needs of its households' needs, from one read of them (projected):
 * the open ones, and the households with an emergency since `sinceIso` (临时救助, as
 * `householdsWithEmergency` answers it), where two queries asked the same households before.
 */
export async function dueNeedsOf(
  householdIds: string[],
  sinceIso: string,
): Promise<{ open: Array<Pick<Need, 'householdId' | 'category' | 'reportedAt' | 'status'>>; emergencies: Set<string> }> {
  const _ = getDb().command;
  // By household only: with a status condition too the planner would scan every open need in the county.
  const found = await inChunks(householdIds, MAX_IN, (chunk) =>
    readAll(
      needs()
        .where({ householdId: _.in(chunk) })
        .field({ householdId: true, category: true, reportedAt: true, status: true }),
      (d) => OpenNeed.parse(d),
    ),
  );
  const emergencies = new Set(found.filter((n) => isEmergencySince(n, sinceIso)).map((n) => n.householdId));
  return { open: found.filter((n) => OPEN_NEED_STATUSES.includes(n.status)), emergencies };
}

/** A household's latest needs by report time, for its timeline. */
export async function recentNeedsOf(householdId: string, limit: number): Promise<Need[]> {
  const { data } = await needs().where({ householdId }).orderBy('reportedAt', 'desc').limit(limit).get();
  return data.map(parse);
}

/** An emergency (急难) reported since `sinceIso` and not rejected: 临时救助 applies to its household. */
const emergencyWhere = (sinceIso: string): Where => {
  const _ = getDb().command;
  return { category: 'emergency', reportedAt: _.gte(sinceIso), status: _.neq('rejected') };
};
/** The same condition on a need already read (ISO instants compare as text). */
const isEmergencySince = (n: Pick<Need, 'category' | 'reportedAt' | 'status'>, sinceIso: string): boolean =>
  n.category === 'emergency' && n.reportedAt >= sinceIso && n.status !== 'rejected';

/**
 * Every household with an emergency need since `sinceIso`, in one query: emergencies are few
 * (a few hundred a county), so a sweep asks once instead of once per chunk of households.
 */
export async function allHouseholdsWithEmergency(sinceIso: string): Promise<Set<string>> {
  const found = await readAll(needs().where(emergencyWhere(sinceIso)).field({ householdId: true }), (d) => OfHousehold.parse(d).householdId);
  return new Set(found);
}

/** Which of these households had an emergency need since `sinceIso` (see allHouseholdsWithEmergency). */
export async function householdsWithEmergency(householdIds: string[], sinceIso: string): Promise<Set<string>> {
  const _ = getDb().command;
  const found = await inChunks(householdIds, 200, (chunk) =>
    readAll(
      needs()
        .where({ householdId: _.in(chunk), ...emergencyWhere(sinceIso) })
        .field({ householdId: true }),
      (d) => OfHousehold.parse(d).householdId,
    ),
  );
  return new Set(found);
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
    const open = await readAll(needs().where({ householdId, assigneeId: fromHelperId, status: _.in([...OPEN_NEED_STATUSES]) }), parse);
    if (!open.length) return moved;
    for (const need of open) {
      const step = { status: need.status, by, at, byRole: 'admin' as const, note: '结对调整：改由新的主帮扶人办理' };
      if (await updateNeedIfVersion(need._id, need.version, { assigneeId: toHelperId, history: [...need.history, step] })) moved++;
    }
  }
  return moved;
}

const SETTINGS_ID = 'needs';

export async function readSettings(): Promise<NeedSettings> {
  const doc = await readSettingsDoc(SETTINGS_ID);
  if (!doc) return DEFAULT_NEED_SETTINGS;
  const parsed = NeedSettings.safeParse(doc);
  return parsed.success ? parsed.data : DEFAULT_NEED_SETTINGS;
}

export async function writeSettings(settings: NeedSettings, by: string, at: Date): Promise<void> {
  await writeSettingsDoc(SETTINGS_ID, { ...settings, updatedBy: by, updatedAt: at.toISOString() });
}

const ForBulletin = Need.pick({
  householdId: true,
  townId: true,
  villageId: true,
  status: true,
  reportedAt: true,
  acceptBy: true,
  resolveBy: true,
  history: true,
  rating: true,
  ratedAt: true,
});
export type BulletinNeed = z.infer<typeof ForBulletin>;

/** Every need of a region reported before `before` (projected, 10,000 a round trip), for the monthly bulletin's figures. */
export async function needsReportedBefore(where: Where, before: string): Promise<BulletinNeed[]> {
  const fields = {
    householdId: true,
    townId: true,
    villageId: true,
    status: true,
    reportedAt: true,
    acceptBy: true,
    resolveBy: true,
    history: true,
    rating: true,
    ratedAt: true,
  } as const;
  return projectAll(needs(), { ...where, reportedAt: getDb().command.lt(before) }, fields, (d) => ForBulletin.parse(d));
}
