import dayjs from 'dayjs';
import type { DueItem, DueList } from '../../../types/api/visits';
import type { HelperCtx } from '../handler';
import { dateOf, monthOf } from '../time';
import { followUpUntil } from '../monitoring/follow-up.rules';
import { regionNames } from '../regions/region.repository';
import { householdPlaces } from '../households/household.repository';
import { emergencySince } from '../benefits/gaps.service';
import { activePairingsOfHelper } from '../assignments/pairing.repository';
import { dueNeedsOf } from '../needs/need.repository';
import { visitsOfHelper } from './visit.repository';
import { compareDue, dueStatus, nextOccasion, standingOf } from './visit.rules';

/**
 * lastVisitedAt looks back this far; an older last visit shows as "no visit recently". Three
 * months cover the status (this and last month) and any open occasion, and keep the read small.
 */
const LOOKBACK_MONTHS = 3;
/** Needs that stand for a hospital stay or an accident: each calls for a visit. */
const CARE_CATEGORIES = ['medical', 'emergency'];

const lookbackMonths = (month: string) => Array.from({ length: LOOKBACK_MONTHS }, (_, i) => dayjs(`${month}-01`).subtract(i, 'month').format('YYYY-MM'));

/** 我的帮扶户 this month: every active pairing with its visit status, needs, gaps and next occasion. */
export async function listDue(ctx: HelperCtx, input: { month?: string }): Promise<DueList> {
  const helperId = ctx.user._id;
  const month = input.month ?? monthOf(ctx.now);
  const pairings = await activePairingsOfHelper(helperId);
  if (!pairings.length) return { month, items: [], visited: 0, total: 0 };
  const ids = pairings.map((p) => p.householdId);
  // Open gaps are kept (benefits/kept-gaps.service.ts), their count on the household: read with its name and status history, not evaluated here.
  const [households, visits, due] = await Promise.all([
    householdPlaces(ids, true),
    visitsOfHelper(helperId, lookbackMonths(month)),
    dueNeedsOf(ids, emergencySince(ctx.now)),
  ]);
  const needs = due.open;
  const today = dateOf(ctx.now);
  const names = await regionNames([...new Set([...households.values()].map((h) => h.villageId))]);
  const items = pairings.map((p): DueItem => {
    const own = visits.filter((v) => v.householdId === p.householdId && v.month <= month);
    const open = needs.filter((n) => n.householdId === p.householdId);
    const h = households.get(p.householdId);
    const last = own.reduce<string | null>((m, v) => (!m || v.visitedAt > m ? v.visitedAt : m), null);
    const occasion = nextOccasion({ now: ctx.now, visits: own, openCareNeeds: open.filter((n) => CARE_CATEGORIES.includes(n.category)) });
    const standing = standingOf(dueStatus(new Set(own.map((v) => v.month)), month, p.since), occasion);
    const followUp = followUpUntil(h?.statusHistory ?? [], today);
    return {
      ...(followUp ? { followUpUntil: followUp } : {}),
      householdId: p.householdId,
      headName: h?.headName ?? '',
      villageName: h ? (names.get(h.villageId) ?? '') : '',
      role: p.role,
      ...standing,
      lastVisitedAt: last,
      openNeeds: open.length,
      urgentNeeds: open.filter((n) => n.category === 'emergency').length,
      openGaps: h?.gapCount ?? 0,
      nextOccasion: occasion,
    };
  });
  items.sort(compareDue);
  return { month, items, visited: items.filter((i) => i.visitedThisMonth).length, total: items.length };
}
