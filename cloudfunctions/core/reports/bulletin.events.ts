import dayjs from 'dayjs';
import { OPEN_NEED_STATUSES } from '../../../types/need';
import type { BulletinSource } from './bulletin.source';
import type { Event, Place } from './bulletin.rules';

/**
 * A month's events from what the bulletin read (pure: unit-tested on a hand-made county). Month
 * bounds are China time: M runs from its first day 00:00 +08:00 to the next month's; "at the end
 * of M" is that instant, or now for the month under way (`cut`).
 */
export const monthStart = (month: string): string => new Date(`${month}-01T00:00:00+08:00`).toISOString();
export const shiftMonth = (month: string, by: number): string => dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');
export const monthEnd = (month: string): string => monthStart(shiftMonth(month, 1));
export const cutOf = (month: string, now: Date): string => {
  const end = monthEnd(month);
  return now.toISOString() < end ? now.toISOString() : end;
};

export const NO_UNIT = '未填单位';
const HOUR = 3_600_000;
const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;

/** The primary helper of each household at the end of the month: since before the end, until empty or not before it. */
export function helpersAt(source: Pick<BulletinSource, 'spans'>, end: string): Map<string, string> {
  // One pass over a county's 30,000 spans for each month shown: two flat maps, no copy.
  const helper = new Map<string, string>();
  const since = new Map<string, string>();
  for (const s of source.spans) {
    if (s.since >= end || (s.until && s.until < end)) continue;
    const known = since.get(s.householdId);
    if (known === undefined || known < s.since) {
      since.set(s.householdId, s.since);
      helper.set(s.householdId, s.helperId);
    }
  }
  return helper;
}

export function eventsOf(source: BulletinSource, month: string, now: Date): Event[] {
  const start = monthStart(month);
  const cut = cutOf(month, now);
  const prevCut = cutOf(shiftMonth(month, -1), now);
  const helperOf = helpersAt(source, monthEnd(month));
  const unitOf = (helperId: string | null | undefined) => (helperId ? source.helpers.get(helperId)?.unit || NO_UNIT : null);
  const regions = new Map(source.households.map((h) => [h._id, h]));
  const placeOf = (householdId: string | null | undefined, fallback: { townId: string; villageId: string }): Place => {
    const h = householdId ? regions.get(householdId) : undefined;
    const helperId = householdId ? (helperOf.get(householdId) ?? null) : null;
    return { townId: (h?.townId ?? fallback.townId) || null, villageId: (h?.villageId ?? fallback.villageId) || null, helperId, unit: unitOf(helperId) };
  };
  const inMonth = (at: string | null | undefined) => !!at && at >= start && at < cut;
  const events: Event[] = [];
  const visited = source.visited.get(month) ?? new Set<string>();

  for (const h of source.households) {
    const helperId = helperOf.get(h._id);
    if (!helperId) continue;
    events.push({ place: placeOf(h._id, h), add: { paired: 1, visited: visited.has(h._id) ? 1 : 0 } });
  }

  for (const n of source.needs) {
    if (n.reportedAt >= cut) continue;
    const place = placeOf(n.householdId, n);
    // The first step that moved the need on (a reassignment or an urge changes no status).
    const steps = n.history.filter((t) => !t.kind && t.at < cut);
    const answer = steps.find((t) => t.status !== 'reported');
    if (inMonth(n.reportedAt)) {
      const accepted = steps.find((t) => t.status === 'accepted');
      const resolved = steps.find((t) => t.status === 'resolved');
      events.push({
        place,
        add: {
          needsReported: 1,
          needsInTime: answer && answer.at <= n.acceptBy ? 1 : 0,
          ...(accepted ? { acceptHours: hoursBetween(n.reportedAt, accepted.at) } : {}),
          ...(resolved ? { resolveHours: hoursBetween(n.reportedAt, resolved.at) } : {}),
        },
      });
    }
    // Its status at the end of the month: the last step taken by then.
    const status = steps.length ? steps[steps.length - 1].status : 'reported';
    if (OPEN_NEED_STATUSES.includes(status)) {
      const deadline = status === 'reported' ? n.acceptBy : n.resolveBy;
      if (deadline < cut) events.push({ place, add: { needsOverdue: 1 } });
    }
    if (n.rating !== undefined && inMonth(n.ratedAt)) events.push({ place, add: { rating: n.rating } });
  }

  // A household's rating of a helper counts for that helper (and their unit), in the household's village and town.
  for (const r of source.ratings) {
    if (!inMonth(r.at)) continue;
    events.push({ place: { ...placeOf(r.householdId, r), helperId: r.helperId, unit: unitOf(r.helperId) }, add: { rating: r.rating } });
  }

  for (const f of source.findings) {
    if (f.createdAt >= cut) continue;
    const base = placeOf(f.householdId, f);
    const helperId = f.subjectHelperId ?? base.helperId ?? null;
    const place: Place = { ...base, helperId, unit: f.subject.kind === 'unit' ? f.subject.id : unitOf(helperId) };
    const closedInMonth = inMonth(f.closedAt);
    const openAtEnd = !f.closedAt || f.closedAt >= cut;
    events.push({
      place,
      add: {
        findingsOpened: inMonth(f.createdAt) ? 1 : 0,
        findingsClosed: closedInMonth ? 1 : 0,
        findingsOnTime: closedInMonth && f.closedAt! <= f.deadline ? 1 : 0,
        findingsOverdue: openAtEnd && f.deadline < cut ? 1 : 0,
      },
    });
  }

  const open = source.gaps.get(cut) ?? new Map<string, Set<string>>();
  const before = source.gaps.get(prevCut) ?? new Map<string, Set<string>>();
  for (const h of source.households) {
    const now_ = open.get(h._id);
    const then = before.get(h._id);
    const closed = then ? [...then].filter((k) => !now_?.has(k)).length : 0;
    if (now_?.size || closed) events.push({ place: placeOf(h._id, h), add: { gapsOpen: now_?.size ?? 0, gapsClosed: closed } });
  }
  return events;
}

/**
 * Coverage of each month for the line chart: households paired at its end, and of them visited in
 * it — exactly for the months compared (whose visited households were read), and for the older
 * months the households visited that month (from the rollup counts), at most the paired.
 */
export function trendOf(source: Pick<BulletinSource, 'spans' | 'households' | 'visited' | 'visitedCounts'>, months: string[]) {
  const inScope = new Set(source.households.map((h) => h._id));
  return months.map((month) => {
    const helperOf = helpersAt(source, monthEnd(month));
    const visited = source.visited.get(month);
    let paired = 0;
    for (const id of helperOf.keys()) if (inScope.has(id)) paired++;
    let seen = Math.min(paired, source.visitedCounts.get(month) ?? 0);
    if (visited) {
      seen = 0;
      for (const id of visited) if (helperOf.has(id) && inScope.has(id)) seen++;
    }
    return { month, paired, visited: seen, coverage: paired ? Math.round((seen / paired) * 10_000) / 10_000 : 0 };
  });
}
