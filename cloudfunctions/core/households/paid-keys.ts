import type { Benefit } from '../../../types/benefit';

/**
 * 兑现摘要: what a household received, by year, as `paidKey`s (`policy|memberId`), kept on the
 * household document itself (`paidKeys: { "2026": [...] }`). The 应享未享 sweep reads it with the
 * household instead of every benefit record of the year (about 200,000 at county scale).
 *
 * Derived from the benefit records and never part of the Household schema, so saving a household
 * (which writes the schema's fields) can never put back an older copy. Written beside each record
 * by `writeRecord` (entry, import) through `notePaid` (household.repository.ts, which owns the
 * document) and by the seed; adding a key is idempotent, and a re-sent record
 * adds it again, so a crash between the record and its note heals on the retry.
 */
export type PaidRecord = Pick<Benefit, 'householdId' | 'policy' | 'memberId' | 'period'> & Partial<Pick<Benefit, 'amount'>>;

/**
 * A record with an amount is noted as `period:amount:paidKey` (`"2026": ["2026-01:3480:dibao|"]`),
 * a service record (no amount) by its `paidKey` alone: what lets the gap check see 少享 (paid less
 * than entitled). A record is one per key and period and its amount never changes (a different
 * one is a CONFLICT), so adding its entry again changes nothing: idempotent like the keys. One
 * entry per record in the same array, not a field of its own: the sweep reads 30,000 households,
 * and a second field (nested objects most of all) made it up to twice as slow. A key never holds ':'.
 */
const amountEntry = (period: string, amount: number, key: string): string => `${period}:${amount}:${key}`;

/** What a record covers, as `policy|memberId` (memberId '' for household policies): the gap check compares these. */
export const paidKey = (policy: string, memberId: string | null): string => `${policy}|${memberId ?? ''}`;

/** A record's year: its period is `YYYY` or `YYYY-MM`. */
const yearOf = (period: string): string => period.slice(0, 4);

/** One year's entries read back: the keys paid, and what the records with an amount paid per key. */
export interface PaidThisPeriod {
  keys: ReadonlySet<string>;
  /** By `paidKey`; keys whose records carry no amount (services) are absent. */
  received: ReadonlyMap<string, number>;
}

export function paidThisPeriod(entries: readonly string[]): PaidThisPeriod {
  const keys = new Set<string>();
  const received = new Map<string, number>();
  for (const e of entries) {
    const i = e.indexOf(':');
    if (i < 0) {
      keys.add(e);
      continue;
    }
    const j = e.indexOf(':', i + 1);
    const key = e.slice(j + 1);
    keys.add(key);
    received.set(key, (received.get(key) ?? 0) + Number(e.slice(i + 1, j)));
  }
  return { keys, received };
}

/** The summary of a household's records (the seed writes it with the household). */
export function paidKeysOf(records: PaidRecord[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of records) {
    const keys = (out[yearOf(r.period)] ??= []);
    const key = paidKey(r.policy, r.memberId);
    const entry = r.amount === null || r.amount === undefined ? key : amountEntry(r.period, r.amount, key);
    if (!keys.includes(entry)) keys.push(entry);
  }
  return out;
}
