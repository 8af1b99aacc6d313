import { chinaDate, PolicyCode, visitedAtFor, type Plan } from '@bangfu/types';
import type { RecordInput } from '@/services/visits';
import type { VisitDraft } from './use-draft';

/** Typed progress for the picked measures; blanks and non-numbers are left out. */
function progressOf(d: VisitDraft, measureIds: string[]): RecordInput['progress'] {
  return measureIds.filter((id) => /^\d{1,3}$/.test(d.progress[id] ?? '')).map((id) => ({ measureId: id, progress: Math.min(100, Number(d.progress[id])) }));
}

/**
 * The one write a visit is: the draft under its own id, with the measures by id and their
 * progress; today's visit at `now`, a late entry at 10:00 China time. With `plan` (the plan of the
 * visit's year) loaded, picks from another year's plan are left out; offline, without it, the
 * picks go as they are and the server checks them.
 */
export function toInput(householdId: string, d: VisitDraft, plan: Plan | undefined, now: Date): RecordInput {
  const measureIds = plan ? d.measureIds.filter((id) => plan.measures.some((m) => m.id === id)) : d.measureIds;
  return {
    id: d.id,
    householdId,
    visitedAt: visitedAtFor(d.date, now),
    occasion: d.occasion,
    notes: d.notes.trim(),
    photos: d.photos.map((p) => p.path),
    measureIds,
    otherMeasure: d.otherMeasure.trim(),
    progress: progressOf(d, measureIds),
    policiesExplained: d.policyCodes,
    checklist: d.checklist,
    ...(d.location ? { location: d.location } : {}),
  };
}

/** 修改: a refused visit back in its form (its id kept; the page renews a spent one). */
export function draftFromInput(p: Partial<RecordInput>, blank: VisitDraft): VisitDraft {
  const codes = (p.policiesExplained ?? []).filter((c): c is PolicyCode => PolicyCode.options.includes(c as PolicyCode));
  return {
    ...blank,
    id: p.id ?? blank.id,
    occasion: p.occasion ?? blank.occasion,
    date: p.visitedAt ? chinaDate(p.visitedAt) : blank.date,
    notes: p.notes ?? '',
    photos: (p.photos ?? []).map((path) => ({ path, preview: '' })),
    measureIds: p.measureIds ?? [],
    progress: Object.fromEntries((p.progress ?? []).map((x) => [x.measureId, String(x.progress)])),
    otherMeasure: p.otherMeasure ?? '',
    policyCodes: codes,
    checklist: p.checklist ?? [],
    location: p.location ?? null,
  };
}
