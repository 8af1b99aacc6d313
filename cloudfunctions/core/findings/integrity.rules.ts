import type { Finding } from '../../../types/finding';
import type { Need } from '../../../types/need';
import type { VisitContent, VisitTiming } from '../visits/visit.repository';

/**
 * What an inspector looks for in the records themselves (SPEC §7 虚假整改 and paper visits), as
 * pure rules over stored documents. Each answers the suspicious records with why.
 */
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A visit entered more than this after its date was entered "long after" (补录 allows 60 days). */
export const LATE_ENTRY_DAYS = 7;
/** Two live-recorded visits of one helper at different households closer than this are suspicious. */
export const RAPID_MINUTES = 10;
/** A clock a few minutes fast is not a visit dated in the future. */
const CLOCK_SKEW_MS = 5 * MINUTE;

const ms = (iso: string) => new Date(iso).getTime();

export function futureVisits(visits: VisitTiming[]): Array<{ visit: VisitTiming; aheadMinutes: number }> {
  return visits
    .filter((v) => ms(v.visitedAt) - ms(v.createdAt) > CLOCK_SKEW_MS)
    .map((visit) => ({ visit, aheadMinutes: Math.round((ms(visit.visitedAt) - ms(visit.createdAt)) / MINUTE) }));
}

export function lateEntries(visits: VisitTiming[]): Array<{ visit: VisitTiming; lateDays: number }> {
  return visits
    .filter((v) => ms(v.createdAt) - ms(v.visitedAt) > LATE_ENTRY_DAYS * DAY)
    .map((visit) => ({ visit, lateDays: Math.floor((ms(visit.createdAt) - ms(visit.visitedAt)) / DAY) }));
}

/**
 * Runs of visits by one helper at several households within RAPID_MINUTES of each other. Only
 * visits recorded on the spot count (entered within an hour of their time): 补录 entries carry a
 * nominal 10:00 and would all look simultaneous.
 */
export function rapidVisits(visits: VisitTiming[]): Array<{ helperId: string; visits: VisitTiming[] }> {
  const live = visits.filter((v) => Math.abs(ms(v.createdAt) - ms(v.visitedAt)) < 60 * MINUTE);
  const byHelper = new Map<string, VisitTiming[]>();
  for (const v of live) byHelper.set(v.helperId, [...(byHelper.get(v.helperId) ?? []), v]);
  const runs: Array<{ helperId: string; visits: VisitTiming[] }> = [];
  for (const [helperId, list] of byHelper) {
    list.sort((a, b) => ms(a.visitedAt) - ms(b.visitedAt));
    let run: VisitTiming[] = [];
    const close = () => {
      if (new Set(run.map((v) => v.householdId)).size > 1) runs.push({ helperId, visits: run });
    };
    for (const v of list) {
      if (run.length && ms(v.visitedAt) - ms(run[run.length - 1].visitedAt) >= RAPID_MINUTES * MINUTE) {
        close();
        run = [];
      }
      run.push(v);
    }
    close();
  }
  return runs;
}

/** Notes at least this long, word for word the same at different households, look copied (short notes like 了解近况 are common). */
export const DUPLICATE_NOTE_CHARS = 20;

/** Notes as compared: whitespace and punctuation do not make a copy different. */
const normalNote = (notes: string) => notes.replace(/[\s，。、；：！？,.;:!?]/g, '');

/**
 * Visits whose notes (DUPLICATE_NOTE_CHARS or more) or whose photo (the same stored file) appear
 * at more than one household: a record copied from one household to another.
 */
export function duplicateContents(visits: VisitContent[]): Array<{ kind: 'notes' | 'photo'; visits: VisitContent[] }> {
  const groups = new Map<string, VisitContent[]>();
  const add = (key: string, v: VisitContent) => groups.set(key, [...(groups.get(key) ?? []), v]);
  for (const v of visits) {
    const note = normalNote(v.notes);
    if (note.length >= DUPLICATE_NOTE_CHARS) add(`notes:${note}`, v);
    for (const photo of new Set(v.photos)) add(`photo:${photo}`, v);
  }
  return [...groups]
    .filter(([, list]) => new Set(list.map((v) => v.householdId)).size > 1)
    .map(([key, list]) => ({
      kind: key.startsWith('notes:') ? ('notes' as const) : ('photo' as const),
      visits: list.sort((a, b) => a.visitedAt.localeCompare(b.visitedAt)),
    }));
}

/** The first step whose time lies before the step before it (or before the report), or null. */
function firstOutOfOrder(times: string[]): number | null {
  for (let i = 1; i < times.length; i++) if (ms(times[i]) < ms(times[i - 1])) return i;
  return null;
}

export function needsOutOfOrder(needs: Need[]): Array<{ need: Need; step: number }> {
  return needs.flatMap((need) => {
    const step = firstOutOfOrder([need.reportedAt, ...need.history.map((h) => h.at)]);
    return step === null ? [] : [{ need, step }];
  });
}

export function findingsOutOfOrder(findings: Finding[]): Array<{ finding: Finding; step: number }> {
  return findings.flatMap((finding) => {
    const step = firstOutOfOrder([finding.createdAt, ...finding.history.map((h) => h.at)]);
    return step === null ? [] : [{ finding, step }];
  });
}

/** Evidence dated after 销号: rectification that was written up once the finding was already closed. */
export function evidenceAfterClose(findings: Finding[]): Array<{ finding: Finding; evidenceAt: string }> {
  return findings.flatMap((finding) => {
    const late = finding.closedAt ? finding.evidence.filter((e) => ms(e.at) > ms(finding.closedAt!)) : [];
    return late.map((e) => ({ finding, evidenceAt: e.at }));
  });
}
