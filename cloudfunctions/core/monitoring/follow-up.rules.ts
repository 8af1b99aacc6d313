import { addDays } from '../../../types/format';
import type { StatusChange } from '../../../types/household';

/** The same calendar day six months on (the month's last day when it has no such day). */
export function sixMonthsAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const month = m + 6;
  const year = y + Math.floor((month - 1) / 12);
  const mm = ((month - 1) % 12) + 1;
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * After 风险消除 a household is still visited monthly for 6 more months (SPEC §3b): the last day
 * of that follow-up when its latest status change is a risk removal still inside it on `today`, else null.
 */
export function followUpUntil(history: readonly Pick<StatusChange, 'kind' | 'effectiveOn'>[], today: string): string | null {
  const last = history.at(-1);
  if (!last || last.kind !== 'risk_cleared') return null;
  const until = addDays(sixMonthsAfter(last.effectiveOn), -1);
  return today <= until ? until : null;
}
