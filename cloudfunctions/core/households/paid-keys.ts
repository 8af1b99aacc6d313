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
export type PaidRecord = Pick<Benefit, 'householdId' | 'policy' | 'memberId' | 'period'>;

/** What a record covers, as `policy|memberId` (memberId '' for household policies): the gap check compares these. */
export const paidKey = (policy: string, memberId: string | null): string => `${policy}|${memberId ?? ''}`;

/** A record's year: its period is `YYYY` or `YYYY-MM`. */
const yearOf = (period: string): string => period.slice(0, 4);

/** The summary of a household's records (the seed writes it with the household). */
export function paidKeysOf(records: PaidRecord[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of records) {
    const keys = (out[yearOf(r.period)] ??= []);
    const key = paidKey(r.policy, r.memberId);
    if (!keys.includes(key)) keys.push(key);
  }
  return out;
}
