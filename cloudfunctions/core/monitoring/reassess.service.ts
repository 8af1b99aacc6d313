import type { Warning } from '../../../types/monitoring';
import type { Ctx } from '../handler';
import { emergencySince } from '../benefits/gaps.service';
import { findHousehold } from '../households/household.repository';
import { householdsWithEmergency } from '../needs/need.repository';
import { dateOf } from '../time';
import { assess } from './assess.service';
import { familyOf, sinceFor } from './family-facts';
import { expensesOf } from './medical.repository';
import { monitoringValues } from './params.service';
import { openWarning } from './warning.service';

/**
 * 动态监测 (SPEC §3b "every household is assessed"): after a write of a household's facts —
 * incomes, members, housing, water, a medical cost, an emergency need — the household is assessed
 * again on today, and a warning is opened when it is at risk and not yet monitored (at most one
 * open per household: `openWarning` answers the open one). Answers the open warning, or null.
 */
export async function reassessAfterWrite(ctx: Pick<Ctx, 'now' | 'user'>, householdId: string): Promise<Warning | null> {
  const h = await findHousehold(householdId);
  if (!h || h.status === 'monitored') return null;
  const date = dateOf(ctx.now);
  const [emergencies, expenses, values] = await Promise.all([
    householdsWithEmergency([h._id], emergencySince(ctx.now)),
    expensesOf(h._id, sinceFor(date)),
    monitoringValues(),
  ]);
  const a = assess({ date, household: familyOf(h, emergencies.has(h._id), expenses) }, date, values);
  if (a.level === 'none') return null;
  return (await openWarning(ctx, { household: h, source: 'assessment', assessment: a })).warning;
}
