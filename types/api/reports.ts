import { z } from '../z';
import { ExportFile, Id, Month } from '../common';
import { HouseholdStatus, PovertyCause } from '../household';
import { Audience } from '../notice';
import { defineApi } from './define';

export const CoverageRow = z.object({
  id: z.string(),
  name: z.string(),
  paired: z.number().int(),
  visited: z.number().int(),
  /** What tells rows of the same name apart: a village's town, a helper's unit. */
  note: z.string().optional(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

/** 走访覆盖率: households visited at least once this month / households paired, and who is overdue. */
export const Coverage = z.object({
  month: z.string(),
  paired: z.number().int(),
  visited: z.number().int(),
  byTown: z.array(CoverageRow),
  byVillage: z.array(CoverageRow),
  byUnit: z.array(CoverageRow),
  byHelper: z.array(CoverageRow),
  overdue: z.object({
    total: z.number().int(),
    items: z.array(z.object({ householdId: z.string(), headName: z.string(), villageName: z.string(), helperName: z.string() })),
  }),
});
export type Coverage = z.infer<typeof Coverage>;

export const Dashboard = z.object({
  regionName: z.string(),
  households: z.number().int(),
  people: z.number().int(),
  helpers: z.number().int(),
  byStatus: z.array(z.object({ status: HouseholdStatus, count: z.number().int() })),
  visitedThisMonth: z.number().int(),
  openNeeds: z.number().int(),
  /** This month's visit coverage (also `reports.coverage` for another month). */
  coverage: Coverage,
  /** Households per 致贫原因 (one with two causes counts under each), most first. */
  byCause: z.array(z.object({ cause: PovertyCause, count: z.number().int() })),
  /** Households per village of the scope, with its town. */
  byVillage: z.array(z.object({ id: z.string(), name: z.string(), townName: z.string(), count: z.number().int() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** The figures of one bulletin row (SPEC §6), outcomes only; `coverage` a fraction 0–1, hours and ratings null with nothing to measure. */
export const BulletinFigures = z.object({
  paired: z.number().int(),
  visited: z.number().int(),
  coverage: z.number().min(0).max(1),
  /** Needs reported in the month; of them answered (first step) by their acceptBy; open and past their deadline at the month's end. */
  needsReported: z.number().int(),
  needsInTime: z.number().int(),
  needsOverdue: z.number().int(),
  medianAcceptHours: z.number().nullable(),
  medianResolveHours: z.number().nullable(),
  /** Satisfaction: ratings of needs given in the month (need.rating, ratedAt), mean and count. */
  ratingMean: z.number().nullable(),
  ratingCount: z.number().int(),
  /** 应享未享 open at the month's end, and closed during it. */
  gapsOpen: z.number().int(),
  gapsClosed: z.number().int(),
  /** Findings opened in the month; closed in it (of them by their deadline); open and past their deadline at its end. */
  findingsOpened: z.number().int(),
  findingsClosed: z.number().int(),
  findingsOnTime: z.number().int(),
  findingsOverdue: z.number().int(),
  score: z.number(),
});
export type BulletinFigures = z.infer<typeof BulletinFigures>;

export const BulletinBand = z.enum(['green', 'yellow', 'red']);
export type BulletinBand = z.infer<typeof BulletinBand>;

export const BulletinRow = BulletinFigures.extend({
  id: z.string(),
  name: z.string(),
  /** A village's town, a helper's unit. */
  note: z.string().optional(),
  rank: z.number().int(),
  band: BulletinBand,
  /** The same figures for the month before (null when the row did not exist then). */
  prev: BulletinFigures.nullable(),
  /** 连续两月末位: red this month and the month before. */
  lastTwice: z.boolean(),
});
export type BulletinRow = z.infer<typeof BulletinRow>;

/** 三个帮扶台账 (SPEC §6): 区直单位 (per unit), 卫生 (per doctor), 教育 (per teacher). */
export const LedgerKind = z.enum(['unit', 'health', 'education'], { error: '台账类型应为 unit（区直单位）、health（卫生）或 education（教育）' });
export type LedgerKind = z.infer<typeof LedgerKind>;

/** One ledger row; each kind fills its own columns (the rest are 0). */
export const LedgerRow = z.object({
  id: z.string(),
  name: z.string(),
  /** A doctor's or teacher's unit. */
  note: z.string().optional(),
  /** Unit ledger: helpers with a primary pairing at the month's end. */
  helpers: z.number().int(),
  households: z.number().int(),
  /** Households visited in the month (unit: by anyone; health/education: by this doctor or teacher). */
  visited: z.number().int(),
  visits: z.number().int(),
  /** Unit ledger: measures recorded on the month's visits by its helpers; needs resolved in the month. */
  measures: z.number().int(),
  needsHandled: z.number().int(),
  /** Health: paired members ill (chronic or serious) or disabled; education: paired members in school. */
  members: z.number().int(),
  /** Items of the doctor's or teacher's monthly service checklist ticked in the month, of `checklistTotal`. */
  checklistDone: z.number().int(),
  checklistTotal: z.number().int(),
  /** Those members whose household this doctor or teacher did not visit in the month. */
  notSeen: z.number().int(),
});
export type LedgerRow = z.infer<typeof LedgerRow>;

export const Ledger = z.object({ kind: LedgerKind, month: z.string(), regionName: z.string(), rows: z.array(LedgerRow) });
export type Ledger = z.infer<typeof Ledger>;

/** 月度通报 for a month and the caller's scope: live until published, then the stored (frozen) figures. */
export const Bulletin = z.object({
  month: z.string(),
  regionName: z.string(),
  frozen: z.boolean(),
  /** When it was published and frozen (null while live). */
  frozenAt: z.string().nullable(),
  totals: BulletinFigures,
  prevTotals: BulletinFigures,
  byTown: z.array(BulletinRow),
  byVillage: z.array(BulletinRow),
  byUnit: z.array(BulletinRow),
  byHelper: z.array(BulletinRow),
  highlights: z.array(z.string()),
  weaknesses: z.array(z.string()),
  /** The last 6 months (oldest first) of coverage, for the line chart; `frozen`: the month's published figures. */
  trend: z.array(
    z.object({ month: z.string(), paired: z.number().int(), visited: z.number().int(), coverage: z.number(), frozen: z.boolean().default(false) }),
  ),
});
export type Bulletin = z.infer<typeof Bulletin>;

export const reportsApi = defineApi('reports', {
  dashboard: { input: z.object({}), output: Dashboard, access: ['admin'] },
  coverage: { input: z.object({ month: Month.optional() }), output: Coverage, access: ['admin'] },
  /** 导出走访覆盖: the month's coverage as .xlsx, a sheet per dimension and the overdue households. */
  exportCoverage: { input: z.object({ month: Month.optional() }), output: ExportFile, access: ['admin'] },
  /** 月度通报: the month's figures by town, village, unit and helper, scored and banded (months yet to begin are refused). */
  monthlyBulletin: { input: z.object({ month: Month }), output: Bulletin, access: ['admin'] },
  /**
   * 发布月度通报: freezes the month's figures (a month already published is refused) and publishes a
   * notice to `audience` whose card opens the bulletin page; no attachment.
   */
  publishBulletin: {
    input: z.object({ month: Month, audience: Audience }),
    output: z.object({ bulletinId: z.string(), frozenAt: z.string(), noticeId: z.string() }),
    access: ['admin'],
  },
  /** 导出月度通报 (.xlsx): a summary sheet, one sheet per dimension, the households not visited. */
  exportBulletin: { input: z.object({ month: Month }), output: ExportFile, access: ['admin'] },
  /** The bulletin's drill-down: a village's households paired at the month's end and not visited in it (current data). */
  bulletinHouseholds: {
    input: z.object({ month: Month, villageId: Id }),
    output: z.object({
      items: z.array(z.object({ householdId: z.string(), headName: z.string(), townName: z.string(), villageName: z.string(), helperName: z.string() })),
    }),
    access: ['admin'],
  },
  /** 帮扶台账 of a month: unit, health or education (from the pairings active at the month's end and its visits). */
  ledger: { input: z.object({ kind: LedgerKind, month: Month }), output: Ledger, access: ['admin'] },
  /** 导出帮扶台账 (.xlsx). */
  exportLedger: { input: z.object({ kind: LedgerKind, month: Month }), output: ExportFile, access: ['admin'] },
  /** A published (frozen) bulletin, for the staff its notice reached (inside its region) and admins above. */
  publishedBulletin: { input: z.object({ id: Id }), output: Bulletin, access: ['admin', 'helper'] },
});
