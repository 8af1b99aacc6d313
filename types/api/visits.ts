import { z } from '../z';
import { Id, IsoDate, listOf, Month, Paging } from '../common';
import { ConfirmVisitInput, DueStatus, NextOccasion, RecordVisitInput, Visit } from '../visit';
import { PairingRole } from '../pairing';
import { Plan, SaveMeasureInput, TimelineEntry, UpdateProgressInput } from '../plan';
import { defineApi } from './define';

export const DueItem = z.object({
  householdId: Id,
  headName: z.string(),
  villageName: z.string(),
  role: PairingRole,
  /** What to do now: `due` also when visited this month and an occasion came after (see dueAgainReason). */
  status: DueStatus,
  /** This month's visit happened: counted in 本月已走访 even when an occasion makes the household due again. */
  visitedThisMonth: z.boolean(),
  /** Why a household visited this month is due again ("急难后需再次走访"); null otherwise. */
  dueAgainReason: z.string().nullable(),
  lastVisitedAt: z.string().nullable(),
  openNeeds: z.number().int(),
  /** Open 急难 (emergency) needs: shown in red, first in the list. */
  urgentNeeds: z.number().int(),
  openGaps: z.number().int(),
  nextOccasion: NextOccasion.nullable(),
  /** 风险消除后回访: the last day of the 6 months of monthly follow-up visits after a risk removal (SPEC §3b); absent otherwise. */
  followUpUntil: IsoDate.optional(),
});
export type DueItem = z.infer<typeof DueItem>;

export const DueList = z.object({
  month: z.string(),
  items: z.array(DueItem),
  visited: z.number().int(),
  total: z.number().int(),
});
export type DueList = z.infer<typeof DueList>;

/**
 * Where a visit was recorded, as shown: how precise the fix was, never the coordinates (GPS is
 * sensitive: the stored point stays on the server). Only admins and the helper who recorded the
 * visit get it.
 */
export const VisitLocationView = z.object({ accuracy: z.number().min(0) });
export type VisitLocationView = z.infer<typeof VisitLocationView>;

/** A visit as shown: households see their own without the helper's internal notes; `confirmation` is the household's latest answer (走访确认) or null. */
export const VisitView = Visit.omit({ location: true, confirmationHistory: true }).extend({
  helperName: z.string().optional(),
  location: VisitLocationView.optional(),
});
export type VisitView = z.infer<typeof VisitView>;

/** 走访确认率 of one town, helper unit (帮扶单位) or helper, over the month's visits. */
export const ConfirmationRateRow = z.object({
  id: z.string(),
  name: z.string(),
  visits: z.number().int(),
  confirmed: z.number().int(),
  denied: z.number().int(),
  /** Window closed without an answer. */
  unconfirmed: z.number().int(),
  /** No answer yet, still within the 3 days. */
  pending: z.number().int(),
  /** confirmed ÷ visits whose answer is in or whose window closed (pending ones left out); null when there are none. */
  rate: z.number().min(0).max(1).nullable(),
});
export type ConfirmationRateRow = z.infer<typeof ConfirmationRateRow>;

/** A visit the household denied, or left unanswered until its window closed: for inspection: denied first, then newest first (never a ranking). */
export const ConfirmationIssue = z.object({
  visitId: Id,
  householdId: Id,
  headName: z.string(),
  helperName: z.string(),
  visitedAt: z.string(),
  state: z.enum(['denied', 'unconfirmed']),
  reason: z.string(),
});
export type ConfirmationIssue = z.infer<typeof ConfirmationIssue>;

export const ConfirmationReport = z.object({
  month: z.string(),
  total: ConfirmationRateRow,
  byTown: z.array(ConfirmationRateRow),
  byUnit: z.array(ConfirmationRateRow),
  byHelper: z.array(ConfirmationRateRow),
  issues: z.array(ConfirmationIssue),
  /** All denied or unconfirmed visits; `issues` shows at most 200. */
  issuesTotal: z.number().int(),
});
export type ConfirmationReport = z.infer<typeof ConfirmationReport>;

export const visitsApi = defineApi('visits', {
  listDue: { input: z.object({ month: Month.optional() }), output: DueList, access: ['helper'] },
  record: { input: RecordVisitInput, output: Visit, access: ['helper'] },
  listByHousehold: {
    input: Paging.extend({ householdId: Id, from: IsoDate.optional(), to: IsoDate.optional() }),
    output: listOf(VisitView),
    access: ['admin', 'helper', 'household'],
  },
  getPlan: {
    input: z.object({ householdId: Id, year: z.number().int().min(2000).max(2100).optional() }),
    output: Plan,
    access: ['admin', 'helper', 'household'],
  },
  saveMeasure: { input: SaveMeasureInput, output: Plan, access: ['admin', 'helper'] },
  updateProgress: { input: UpdateProgressInput, output: Plan, access: ['helper'] },
  /** 走访确认 by a bound member of the visit's household, from the visit's time until 3 days after it. */
  confirm: { input: ConfirmVisitInput, output: VisitView, access: ['household'] },
  /** 走访确认率 by town, unit and helper over the admin's region for a month, and the denied or unconfirmed visits. */
  confirmations: { input: z.object({ month: Month.optional() }), output: ConfirmationReport, access: ['admin'] },
  timeline: {
    input: z.object({ householdId: Id, limit: z.number().int().min(1).max(200).default(50) }),
    output: z.object({ items: z.array(TimelineEntry) }),
    access: ['admin', 'helper', 'household'],
  },
});
