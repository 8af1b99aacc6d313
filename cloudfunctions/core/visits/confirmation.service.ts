import type { ConfirmationIssue, ConfirmationReport } from '../../../types/api/visits';
import type { AdminCtx } from '../handler';
import { regionFilter } from '../access';
import { householdPlaces } from '../households/household.repository';
import { regionNames } from '../regions/region.repository';
import { usersByIds } from '../users/user.repository';
import { monthOf } from '../time';
import { visitAnswers } from './visit.repository';
import { answerState, rateRow, rateRows } from './confirmation.rules';

const SHOWN = 200;
const NO_UNIT = '未填单位';

/**
 * 走访确认率 over the admin's region for a month (China time, default this month): by town, by
 * helper unit and by helper, and the visits denied (first) or left unanswered, newest first.
 */
export async function confirmationReport(ctx: AdminCtx, input: { month?: string }): Promise<ConfirmationReport> {
  const month = input.month ?? monthOf(ctx.now);
  const visits = await visitAnswers({ ...regionFilter(ctx.user.scope), month });
  const state = (v: (typeof visits)[number]) => answerState(v, ctx.now);
  const [helpers, towns] = await Promise.all([usersByIds([...new Set(visits.map((v) => v.helperId))]), regionNames([...new Set(visits.map((v) => v.townId))])]);
  const helper = new Map(helpers.map((u) => [u._id, u]));
  const unitOf = (helperId: string) => helper.get(helperId)?.unit || NO_UNIT;

  const open = visits
    .filter((v) => ['denied', 'unconfirmed'].includes(state(v)))
    .sort((a, b) => Number(state(b) === 'denied') - Number(state(a) === 'denied') || b.visitedAt.localeCompare(a.visitedAt));
  const places = await householdPlaces([...new Set(open.slice(0, SHOWN).map((v) => v.householdId))]);
  const issues: ConfirmationIssue[] = open.slice(0, SHOWN).map((v) => ({
    visitId: v._id,
    householdId: v.householdId,
    headName: places.get(v.householdId)?.headName ?? '',
    helperName: helper.get(v.helperId)?.name ?? '帮扶人',
    visitedAt: v.visitedAt,
    state: state(v) as 'denied' | 'unconfirmed',
    reason: v.confirmation?.reason ?? '',
  }));
  return {
    month,
    total: rateRow('all', '合计', visits.map(state)),
    byTown: rateRows(
      visits,
      (v) => v.townId,
      (id) => towns.get(id) ?? id,
      state,
    ),
    byUnit: rateRows(
      visits,
      (v) => unitOf(v.helperId),
      (id) => id,
      state,
    ),
    byHelper: rateRows(
      visits,
      (v) => v.helperId,
      (id) => helper.get(id)?.name ?? '帮扶人',
      state,
    ),
    issues,
    issuesTotal: open.length,
  };
}
