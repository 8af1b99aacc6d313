import { OPEN_WARNING_STAGES, Warning } from '../../../types/monitoring';
import { getDb, inChunks, MAX_IN, projectAll, readAll } from '../store';
import { conflict } from '../errors';

type Where = Record<string, unknown>;

/** The only code that queries `warnings` (STYLE: one rule in one place). */
const warnings = () => getDb().collection('warnings');
const parse = (d: Record<string, unknown>) => Warning.parse(d);
const Holder = Warning.pick({ householdId: true });

/** Which of these households already have an open warning (a household has at most one). */
export async function householdsWithOpenWarning(householdIds: string[]): Promise<Set<string>> {
  const _ = getDb().command;
  const rows = await inChunks(householdIds, MAX_IN, (chunk) =>
    readAll(
      warnings()
        .where({ householdId: _.in(chunk), open: true })
        .field({ householdId: true }),
      (d) => Holder.parse(d),
    ),
  );
  return new Set(rows.map((r) => r.householdId));
}

/** The households of a region (`{ countyId }`, `{ townId }`…) with an open warning: a county's in one or two round trips. */
export async function householdsWithOpenWarningIn(region: Record<string, string>): Promise<Set<string>> {
  const rows = await projectAll(warnings(), { ...region, open: true }, { householdId: true }, (d) => Holder.parse(d).householdId);
  return new Set(rows);
}

/** A household's open warning, if it has one. */
export async function openWarningOf(householdId: string): Promise<Warning | null> {
  const { data } = await warnings().where({ householdId, open: true }).limit(1).get();
  return data.length ? parse(data[0]) : null;
}

/** A household's latest warning, open or closed (what its members are told about). */
export async function latestWarningOf(householdId: string): Promise<Warning | null> {
  const { data } = await warnings().where({ householdId }).orderBy('createdAt', 'desc').limit(1).get();
  return data.length ? parse(data[0]) : null;
}

/**
 * Stores a warning under an id derived from the household and the day, so two sweeps of one day
 * (or a sweep racing a self-report) open it once.
 */
export async function insertWarning(warning: Warning): Promise<boolean> {
  return warnings()
    .add(warning)
    .then(
      () => true,
      async (error) => {
        const { data } = await warnings().doc(warning._id).get();
        if (data.length) return false;
        throw error;
      },
    );
}

/**
 * Stores many new warnings in one request per 500 (a county sweep opens thousands: one request each
 * was most of its time). When a batch is refused (one of its ids is stored already), its warnings
 * are stored one by one as insertWarning does. Answers the warnings not stored (their id was taken).
 */
export async function insertWarnings(list: Warning[]): Promise<Warning[]> {
  const refused: Warning[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const batch = list.slice(i, i + 500);
    const added = await warnings()
      .add(batch)
      .then(
        () => true,
        () => false,
      );
    if (!added) for (const w of batch) if (!(await insertWarning(w))) refused.push(w);
  }
  return refused;
}

export async function warningPage(where: unknown, offset: number, limit: number): Promise<{ items: Warning[]; total: number }> {
  const [{ total }, { data }] = await Promise.all([
    warnings()
      .where(where as Where)
      .count(),
    warnings()
      .where(where as Where)
      .orderBy('dueOn', 'asc')
      .orderBy('_id', 'asc')
      .skip(offset)
      .limit(limit)
      .get(),
  ]);
  return { items: data.map(parse), total: total ?? 0 };
}

export const openStages = () => getDb().command.in([...OPEN_WARNING_STAGES]);

export async function findWarning(id: string): Promise<Warning | null> {
  const { data } = await warnings().doc(id).get();
  return data.length ? parse(data[0]) : null;
}

/** Writes the next state of a warning if nobody moved it since it was read: a stale version is CONFLICT. */
export async function saveWarning(next: Warning, expectedVersion: number): Promise<Warning> {
  const { _id, ...fields } = { ...next, version: expectedVersion + 1 };
  const { updated } = await warnings().where({ _id, version: expectedVersion }).update(fields);
  if (!updated) throw conflict('该预警已被其他人办理，请刷新后再试');
  return { ...next, version: expectedVersion + 1 };
}

/** Every warning matching `where` (the 公示 list of a region), in village order. */
export async function warningsWhere(where: Where): Promise<Warning[]> {
  return readAll(warnings().where(where), parse, {
    orderBy: [
      ['villageId', 'asc'],
      ['_id', 'asc'],
    ],
  });
}
