import { Finding } from '../../../types/finding';
import { getDb, pageAcross, projectAll, readAll } from '../store';
import { nextSequence } from '../store/settings-docs';

type Where = Record<string, unknown>;

/** The only code that queries `findings` (STYLE: one rule in one place). */
const findings = () => getDb().collection('findings');
const parse = (d: Record<string, unknown>) => Finding.parse(d);

export async function findFinding(id: string): Promise<Finding | null> {
  const { data } = await findings().doc(id).get();
  return data.length ? parse(data[0]) : null;
}

export async function insertFinding(finding: Finding): Promise<void> {
  await findings().add(finding);
}

/** The next number of the county's findings (or notices) of a year: numbers are never reused. */
export const nextFindingNumber = (kind: 'finding' | 'notice', countyId: string, year: string) => nextSequence(`seq-${kind}-${countyId}-${year}`);

/**
 * Writes `changes` only if the stored version is still `version` (optimistic concurrency, as for
 * needs). Answers false when someone else got there first.
 */
export async function updateFindingIfVersion(id: string, version: number, changes: Partial<Finding>): Promise<boolean> {
  const _ = getDb().command;
  const patch: Where = { ...changes, version: version + 1 };
  for (const key of ['history', 'evidence', 'measures'] as const) if (changes[key]) patch[key] = _.set(changes[key]);
  if (changes.notice) patch.notice = _.set(changes.notice);
  const { updated } = await findings().where({ _id: id, version }).update(patch);
  return (updated ?? 0) > 0;
}

/**
 * One page of findings matching `where`: open ones first by deadline (overdue first), then closed
 * ones newest 销号 first; `offset`/`limit` run across both segments.
 */
export async function listFindings(where: unknown, offset: number, limit: number): Promise<{ items: Finding[]; total: number }> {
  const _ = getDb().command;
  return pageAcross(
    findings(),
    [
      {
        where: _.and([where as Where, { open: true }]),
        orderBy: [
          ['deadline', 'asc'],
          ['_id', 'asc'],
        ],
      },
      {
        where: _.and([where as Where, { open: false }]),
        orderBy: [
          ['closedAt', 'desc'],
          ['_id', 'asc'],
        ],
      },
    ],
    offset,
    limit,
    parse,
  );
}

/** Every finding matching `where` (projected for the statistics), 1,000 per round trip. */
export async function allFindings(where: Where): Promise<Array<Pick<Finding, 'open' | 'deadline' | 'createdAt' | 'closedAt'>>> {
  const Row = Finding.pick({ open: true, deadline: true, createdAt: true, closedAt: true });
  return readAll(findings().where(where).field({ open: true, deadline: true, createdAt: true, closedAt: true }), (d) => Row.parse(d), {
    orderBy: [['_id', 'asc']],
  });
}

/** Every finding matching `where`, in 编号 order, for the ledger export. */
export async function findingsWhere(where: unknown): Promise<Finding[]> {
  return readAll(findings().where(where as Where), parse, { orderBy: [['code', 'asc']] });
}

/** The latest findings about one household, for its timeline. */
export async function recentFindingsOf(householdId: string, limit: number): Promise<Finding[]> {
  const { data } = await findings().where({ householdId }).orderBy('createdAt', 'desc').limit(limit).get();
  return data.map(parse);
}

export type ReminderKind = Finding['reminders'][number];

/** Open findings whose deadline falls in [from, to) and that were not yet given this reminder. */
export async function findingsToRemind(kind: ReminderKind, from: string, to: string): Promise<Finding[]> {
  const _ = getDb().command;
  return readAll(findings().where({ open: true, deadline: _.and(_.gte(from), _.lt(to)), reminders: _.nin([kind]) }), parse, { orderBy: [['_id', 'asc']] });
}

/** Notes the reminder as sent; false when another run noted it first (each reminder goes out once). */
export async function markReminded(id: string, kind: ReminderKind): Promise<boolean> {
  const _ = getDb().command;
  const { updated } = await findings()
    .where({ _id: id, reminders: _.nin([kind]) })
    .update({ reminders: _.push(kind) });
  return (updated ?? 0) > 0;
}

const ForBulletin = Finding.pick({
  townId: true,
  villageId: true,
  householdId: true,
  subjectHelperId: true,
  subject: true,
  deadline: true,
  createdAt: true,
  closedAt: true,
});
export type BulletinFinding = Pick<Finding, 'townId' | 'villageId' | 'householdId' | 'subjectHelperId' | 'subject' | 'deadline' | 'createdAt' | 'closedAt'>;

/** Every finding of a region opened before `before` (projected, 10,000 a round trip), for the monthly bulletin's figures. */
export async function findingsOpenedBefore(where: Where, before: string): Promise<BulletinFinding[]> {
  const fields = {
    townId: true,
    villageId: true,
    householdId: true,
    subjectHelperId: true,
    subject: true,
    deadline: true,
    createdAt: true,
    closedAt: true,
  } as const;
  return projectAll(findings(), { ...where, createdAt: getDb().command.lt(before) }, fields, (d) => ForBulletin.parse(d));
}
