import type { ConfirmationRateRow } from '../../../types/api/visits';
import { confirmOpen } from '../../../types/visit-dates';

export type AnswerState = 'confirmed' | 'denied' | 'unconfirmed' | 'pending';

/** Where a visit stands: the household's answer, or without one, pending within the window and unconfirmed after it. */
export function answerState(visit: { visitedAt: string; confirmation: { happened: boolean } | null }, now: Date): AnswerState {
  if (visit.confirmation) return visit.confirmation.happened ? 'confirmed' : 'denied';
  return confirmOpen(visit.visitedAt, now) === 'closed' ? 'unconfirmed' : 'pending';
}

/**
 * The counts of one group and its rate: confirmed over the visits that have an outcome (answered,
 * or window closed). Visits still waiting for an answer are not counted against anyone.
 */
export function rateRow(id: string, name: string, states: AnswerState[]): ConfirmationRateRow {
  const count = (s: AnswerState) => states.filter((x) => x === s).length;
  const [confirmed, denied, unconfirmed, pending] = [count('confirmed'), count('denied'), count('unconfirmed'), count('pending')];
  const decided = confirmed + denied + unconfirmed;
  return { id, name, visits: states.length, confirmed, denied, unconfirmed, pending, rate: decided ? confirmed / decided : null };
}

/** Groups visits' states by `key`, rows in the order of their names (an inspection list, not a ranking). */
export function rateRows<T>(items: T[], key: (t: T) => string, name: (id: string) => string, state: (t: T) => AnswerState): ConfirmationRateRow[] {
  const groups = new Map<string, AnswerState[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), state(item)]);
  }
  return [...groups].map(([id, states]) => rateRow(id, name(id), states)).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}
