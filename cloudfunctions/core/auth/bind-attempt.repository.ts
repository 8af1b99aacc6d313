import { randomUUID } from 'node:crypto';
import { z } from '../../../types/z';
import { IsoDateTime } from '../../../types/common';
import { getDb } from '../store';
import type { BindVia } from './bind.rules';

/**
 * The only code that reads bind_attempts. Documents by kind:
 * - failure: { openid, via, at } — one wrong try by a caller (the per-caller and county-wide counts)
 * - lock: { openid, at, until } — the caller may not try until `until`
 * - household_failure: { householdId, openid, at } — a wrong try naming a member of that household
 * - household_lock: { householdId, at, until } — no self-binding for that household until `until`
 */
const attempts = () => getDb().collection('bind_attempts');
const iso = (ms: number) => new Date(ms).toISOString();
const At = z.object({ at: IsoDateTime });

export async function isCallerLocked(openid: string, now: Date): Promise<boolean> {
  const _ = getDb().command;
  const { total } = await attempts()
    .where({ openid, kind: 'lock', until: _.gt(now.toISOString()) })
    .count();
  return (total ?? 0) > 0;
}

/** Whether any of these households is locked now. */
export async function anyHouseholdLocked(householdIds: string[], now: Date): Promise<boolean> {
  if (!householdIds.length) return false;
  const _ = getDb().command;
  const { total } = await attempts()
    .where({ householdId: _.in(householdIds), kind: 'household_lock', until: _.gt(now.toISOString()) })
    .count();
  return (total ?? 0) > 0;
}

/** The caller's failure times (ms) within the window before `now`. */
export async function callerFailureTimes(openid: string, now: Date, windowMs: number): Promise<number[]> {
  const _ = getDb().command;
  const { data } = await attempts()
    .where({ openid, kind: 'failure', at: _.gte(iso(now.getTime() - windowMs)) })
    .limit(100)
    .get();
  return data.map((d) => Date.parse(At.parse(d).at));
}

export async function countGlobalFailures(via: BindVia, now: Date, windowMs: number): Promise<number> {
  const _ = getDb().command;
  const { total } = await attempts()
    .where({ kind: 'failure', via, at: _.gte(iso(now.getTime() - windowMs)) })
    .count();
  return total ?? 0;
}

export async function countHouseholdFailures(householdId: string, now: Date, windowMs: number): Promise<number> {
  const _ = getDb().command;
  const { total } = await attempts()
    .where({ householdId, kind: 'household_failure', at: _.gte(iso(now.getTime() - windowMs)) })
    .count();
  return total ?? 0;
}

export async function addFailure(openid: string, via: BindVia, householdIds: string[], now: Date): Promise<void> {
  const at = now.toISOString();
  await attempts().add({ _id: randomUUID(), openid, kind: 'failure', via, at });
  for (const householdId of householdIds) await attempts().add({ _id: randomUUID(), householdId, openid, kind: 'household_failure', at });
}

export async function addCallerLock(openid: string, now: Date, lockMs: number): Promise<void> {
  await attempts().add({ _id: randomUUID(), openid, kind: 'lock', at: now.toISOString(), until: iso(now.getTime() + lockMs) });
}

export async function addHouseholdLock(householdId: string, now: Date, lockMs: number): Promise<void> {
  await attempts().add({ _id: randomUUID(), householdId, kind: 'household_lock', at: now.toISOString(), until: iso(now.getTime() + lockMs) });
}
