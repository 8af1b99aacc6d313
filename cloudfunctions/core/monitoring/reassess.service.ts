import type { Warning, WarningSource } from '../../../types/monitoring';
import type { Household } from '../../../types/household';
import type { Ctx } from '../handler';
import { emergencySince } from '../benefits/gaps.service';
import { findHousehold } from '../households/household.repository';
import { householdsWithEmergency } from '../needs/need.repository';
import { dateOf } from '../time';
import { sinceFor } from './family-facts';
import { expensesOfHouseholds } from './medical.repository';
import { monitoringOn } from './params.service';
import { householdsWithOpenWarning } from './warning.repository';
import { atRiskIn, openWarning, openWarnings, type AssessBatch } from './warning.service';

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
  const [emergencies, expenses, { values, calendar }] = await Promise.all([
    householdsWithEmergency([h._id], emergencySince(ctx.now)),
    expensesOfHouseholds([h._id], sinceFor(date)),
    monitoringOn(date),
  ]);
  const a = atRiskIn({ date, values, calendar, emergencies, expenses, open: new Set() }, h);
  if (!a) return null;
  return (await openWarning(ctx, { household: h, source: 'assessment', assessment: a, calendar })).warning;
}

/**
 * The same after a write of many households at once (a registry or 医保 import's batch): one
 * pass — the settings, emergencies, costs and open warnings read once for the batch, the new
 * warnings stored together (`openWarnings`). Answers the warnings opened (not those already open).
 */
export async function reassessAfterImport(ctx: Pick<Ctx, 'now' | 'user'>, households: Household[], source: WarningSource): Promise<Warning[]> {
  const ids = households.map((h) => h._id);
  if (!ids.length) return [];
  const date = dateOf(ctx.now);
  const [emergencies, expenses, open, { values, calendar }] = await Promise.all([
    householdsWithEmergency(ids, emergencySince(ctx.now)),
    expensesOfHouseholds(ids, sinceFor(date)),
    householdsWithOpenWarning(ids),
    monitoringOn(date),
  ]);
  const batch: AssessBatch = { date, values, calendar, emergencies, expenses, open };
  const found = households.flatMap((h) => {
    const assessment = open.has(h._id) ? null : atRiskIn(batch, h);
    return assessment ? [{ household: h, assessment }] : [];
  });
  return openWarnings(ctx, found, source, calendar);
}
