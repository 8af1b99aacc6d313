import dayjs from 'dayjs';
import type { DueStatus, NextOccasion, Occasion, RecordVisitInput } from '../../../types/visit';
import { SERVICE_CHECKLISTS } from '../../../types/visit';
import type { HelperKind } from '../../../types/user';
import { CONFIRM_DAYS, confirmOpen, earliestAcceptedDate, lastConfirmDay, MAX_BACKDATE_DAYS } from '../../../types/visit-dates';
import { dateOf, monthOf } from '../time';
import { monthDay } from '../../../types/format';

/** The date rule is shared with the record page's date picker through types/. */
export { CONFIRM_DAYS, lastConfirmDay, MAX_BACKDATE_DAYS, visitDateRange, visitedAtFor, visitYear } from '../../../types/visit-dates';
/** Phones' clocks drift: a visit a few minutes "in the future" is still now. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Festival visits (节日慰问) fall due this many days before the festival. */
export const FESTIVAL_LEAD_DAYS = 14;

/** Gregorian dates of the lunar festivals with a customary visit (春节, 端午, 中秋), 2025–2030. */
const FESTIVALS: ReadonlyArray<readonly [string, string]> = [
  ['2025-01-29', '春节'],
  ['2025-05-31', '端午'],
  ['2025-10-06', '中秋'],
  ['2026-02-17', '春节'],
  ['2026-06-19', '端午'],
  ['2026-09-25', '中秋'],
  ['2027-02-06', '春节'],
  ['2027-06-09', '端午'],
  ['2027-09-15', '中秋'],
  ['2028-01-26', '春节'],
  ['2028-05-28', '端午'],
  ['2028-10-03', '中秋'],
  ['2029-02-13', '春节'],
  ['2029-06-16', '端午'],
  ['2029-09-22', '中秋'],
  ['2030-02-03', '春节'],
  ['2030-06-05', '端午'],
  ['2030-09-12', '中秋'],
];

/**
 * Why a visit's time is refused, or null when it is acceptable: not ahead of now (beyond clock
 * drift), and its China day no earlier than MAX_BACKDATE_DAYS back (补录).
 */
export function visitTimeProblem(visitedAt: string, now: Date): string | null {
  const at = new Date(visitedAt).getTime();
  if (at > now.getTime() + CLOCK_SKEW_MS) return '走访时间不能晚于现在，请检查手机时间';
  if (isTooOld(visitedAt, now)) return `只能补录 ${MAX_BACKDATE_DAYS} 天内的走访，更早的走访请联系扶贫办处理`;
  return null;
}

/** A visit dated before the 60-day 补录 window: refused, and the attempt is kept for 数据核查. */
export const isTooOld = (visitedAt: string, now: Date): boolean => dateOf(visitedAt) < earliestAcceptedDate(now);

/**
 * Why a household cannot answer for a visit now, or null: never before the visit took place (no
 * clock drift allowance: a confirmation says it happened), and no later than the end of the
 * CONFIRM_DAYS-th China day after it.
 */
export function confirmTimeProblem(visitedAt: string, now: Date): string | null {
  const open = confirmOpen(visitedAt, now);
  if (open === 'before') return '这次走访还没到时间，走访之后才能确认';
  const last = lastConfirmDay(visitedAt);
  if (open === 'closed') return `走访后 ${CONFIRM_DAYS} 天内可以确认，这次走访的确认已于 ${monthDay(last)}截止`;
  return null;
}

/**
 * Why the measures a visit names are refused, or null: each must be a measure of the plan of the
 * visit's year (`planMeasureIds`), and a measure's progress may be given once.
 */
export function measureProblem(planMeasureIds: readonly string[], input: Pick<RecordVisitInput, 'measureIds' | 'progress'>): string | null {
  const named = [...input.measureIds, ...input.progress.map((p) => p.measureId)];
  if (named.some((id) => !planMeasureIds.includes(id))) return '走访年度的帮扶计划中没有所选的措施，请刷新帮扶计划后再试';
  const ids = input.progress.map((p) => p.measureId);
  if (new Set(ids).size !== ids.length) return '同一项措施的进度只能填写一次';
  return null;
}

/** The checklist items a helper may tick: a doctor's or a teacher's; other helpers have none. */
export function checklistProblem(kind: HelperKind | undefined, ticked: string[]): string | null {
  if (!ticked.length) return null;
  const allowed: readonly string[] = kind === 'doctor' || kind === 'teacher' ? SERVICE_CHECKLISTS[kind] : [];
  const unknown = ticked.find((t) => !allowed.includes(t));
  return unknown ? `服务清单中没有「${unknown}」这一项` : null;
}

/**
 * Who may see where a visit was recorded (GPS is sensitive, minimum necessary): admins of the
 * household's region (the caller already passed the household's scope check) and the helper who
 * recorded it. Other helpers of the household and the household itself see the visit without it.
 */
export function maySeeVisitLocation(viewer: { _id: string; role: string }, visit: { helperId: string }): boolean {
  return viewer.role === 'admin' || (viewer.role === 'helper' && viewer._id === visit.helperId);
}

/**
 * The fields the client sent, in a stable form: a re-send must match them exactly. Fields a visit
 * stored before they existed count as empty.
 */
export function bodyOf(v: Omit<RecordVisitInput, 'id' | 'policiesExplained'> & { policiesExplained: readonly string[] }): string {
  return JSON.stringify([
    v.householdId,
    new Date(v.visitedAt).toISOString(),
    v.occasion,
    v.notes,
    v.photos,
    v.location ?? null,
    v.measureIds ?? [],
    v.otherMeasure ?? '',
    v.progress ?? [],
    v.policiesExplained,
    v.checklist,
  ]);
}

/** The month before `YYYY-MM`, by arithmetic (asked for every household of a list). */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4)),
    m = Number(month.slice(5, 7));
  return m === 1 ? `${String(y - 1).padStart(4, '0')}-12` : `${month.slice(0, 4)}-${String(m - 1).padStart(2, '0')}`;
}

/** visited this month; overdue when last month was missed too (and the pairing already existed then); else due. */
export function dueStatus(months: Set<string>, month: string, pairedSince: string): DueStatus {
  if (months.has(month)) return 'visited';
  const prev = previousMonth(month);
  const pairedBeforePrev = monthOf(pairedSince) <= prev;
  return pairedBeforePrev && !months.has(prev) ? 'overdue' : 'due';
}

/** Each festival with the day its visit window opens, computed once: listDue asks for every household. */
const FESTIVAL_WINDOWS = FESTIVALS.map(([date, label]) => ({ date, label, opens: dayjs(date).subtract(FESTIVAL_LEAD_DAYS, 'day').format('YYYY-MM-DD') }));

let lastFestival: { at: number; festival: (typeof FESTIVAL_WINDOWS)[number] | null } = { at: NaN, festival: null };

/** The festival whose visit window contains `now`, if any, with the day its window opened. */
export function upcomingFestival(now: Date): { date: string; label: string; opens: string } | null {
  // One list asks this for every household at the same `now`: remember the last answer.
  if (lastFestival.at !== now.getTime()) {
    const today = dateOf(now);
    lastFestival = { at: now.getTime(), festival: FESTIVAL_WINDOWS.find((f) => today >= f.opens && today <= f.date) ?? null };
  }
  return lastFestival.festival;
}

export interface OccasionFacts {
  now: Date;
  /** This helper's visits to the household, any order. */
  visits: Array<{ visitedAt: string; occasion: Occasion }>;
  /** Open hospital/accident needs (medical or emergency), with when they were reported. */
  openCareNeeds: Array<{ reportedAt: string; category: string }>;
}

/**
 * The must-visit occasion still waiting: an open hospital/accident need reported after the last
 * visit comes first (it is urgent), then a festival in its window without a festival visit yet.
 */
export function nextOccasion(f: OccasionFacts): NextOccasion | null {
  const last = f.visits.reduce((m, v) => (v.visitedAt > m ? v.visitedAt : m), '');
  const need = f.openCareNeeds.filter((n) => n.reportedAt > last).sort((a, b) => a.reportedAt.localeCompare(b.reportedAt))[0];
  if (need) {
    const occasion: Occasion = need.category === 'emergency' ? 'accident' : 'hospital';
    return { occasion, label: occasion === 'accident' ? '突发意外，需上门看望' : '住院就医，需上门看望', date: dateOf(need.reportedAt) };
  }
  const festival = upcomingFestival(f.now);
  if (!festival) return null;
  const done = f.visits.some((v) => v.occasion === 'festival' && dateOf(v.visitedAt) >= festival.opens);
  return done ? null : { occasion: 'festival', label: `${festival.label}慰问`, date: festival.date };
}

/** Why a household visited this month is due again: the occasion that came after the visit. */
const AGAIN_REASONS: Partial<Record<Occasion, string>> = {
  accident: '急难后需再次走访',
  hospital: '住院后需再次走访',
  festival: '节日慰问需再次走访',
};

export interface Standing {
  /** What the helper is to do: a must-visit occasion makes a visited household due again. */
  status: DueStatus;
  /** The month's visit happened: counted as visited (本月已走访, coverage) whatever came after. */
  visitedThisMonth: boolean;
  /** Why a visited household is due again ("急难后需再次走访"); null otherwise. */
  dueAgainReason: string | null;
}

/**
 * A household's standing this month from its monthly status and the occasion still waiting. The
 * visit that was made stays counted: an emergency reported after it asks for another visit, it
 * does not undo the one that happened.
 */
export function standingOf(monthly: DueStatus, occasion: NextOccasion | null): Standing {
  const visitedThisMonth = monthly === 'visited';
  if (!visitedThisMonth || !occasion) return { status: monthly, visitedThisMonth, dueAgainReason: null };
  return { status: 'due', visitedThisMonth, dueAgainReason: AGAIN_REASONS[occasion.occasion] ?? '需再次走访' };
}

const STATUS_ORDER: Record<DueStatus, number> = { overdue: 0, due: 1, visited: 2 };

/** What needs action first: emergencies, then overdue, due (occasions before plain), visited; oldest visit first. */
export function compareDue(a: { status: DueStatus; urgentNeeds: number; nextOccasion: unknown; lastVisitedAt: string | null }, b: typeof a): number {
  return (
    Number(b.urgentNeeds > 0) - Number(a.urgentNeeds > 0) ||
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    Number(!!b.nextOccasion) - Number(!!a.nextOccasion) ||
    (a.lastVisitedAt ?? '').localeCompare(b.lastVisitedAt ?? '')
  );
}
