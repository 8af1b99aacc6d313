import ExcelJS from 'exceljs';
import type { Ledger, LedgerKind, LedgerRow } from '../../../types/api/reports';
import { SERVICE_CHECKLISTS } from '../../../types/visit';
import type { AdminCtx } from '../handler';
import { adminScope, regionFilter } from '../access/scope';
import { primaryPairingSpans } from '../assignments/pairing.repository';
import { householdRegionsWhere, memberCareIn, type MemberCare } from '../households/household.repository';
import { needsReportedBefore } from '../needs/need.repository';
import { getRegion } from '../regions/region.repository';
import { userUnits } from '../users/user.repository';
import { visitsOfMonth, type LedgerVisit } from '../visits/visit.repository';
import { addTable, saveExport, type ExportFile, type SheetColumn } from '../sheet-export';
import { helpersAt, monthEnd, monthStart, NO_UNIT } from './bulletin.events';
import { checkMonth } from './bulletin.service';

type Member = MemberCare['members'][number];
const ROLE = { unit: 'primary', health: 'health', education: 'education' } as const;
/** Who the health ledger follows: members with a chronic or serious illness, or a disability. */
export const needsCare = (m: Member) => m.health !== 'healthy' || m.disabilityLevel > 0;
/** Who the education ledger follows: members in school (学前 to 大学). */
export const inSchool = (m: Member) => m.schooling !== 'none';

const blank = (id: string, name: string, note?: string): LedgerRow => ({
  id,
  name,
  ...(note ? { note } : {}),
  helpers: 0,
  households: 0,
  visited: 0,
  visits: 0,
  measures: 0,
  needsHandled: 0,
  members: 0,
  checklistDone: 0,
  checklistTotal: 0,
  notSeen: 0,
});

/**
 * The ledger's rows from what was read (pure): for the unit ledger, per unit of the primary helpers
 * at the month's end; for health and education, per doctor or teacher paired at its end, their
 * members followed, visits, checklist items ticked of their list, and members not seen.
 */
export function ledgerRows(
  kind: LedgerKind,
  input: {
    helperOf: Map<string, string>;
    helpers: Map<string, { name: string; unit: string }>;
    visits: LedgerVisit[];
    members: Map<string, Member[]>;
    resolvedIn: Map<string, number>;
  },
): LedgerRow[] {
  const rows = new Map<string, LedgerRow>();
  const byHelper = new Map<string, string[]>();
  for (const [householdId, helperId] of input.helperOf) byHelper.set(helperId, [...(byHelper.get(helperId) ?? []), householdId]);
  if (kind === 'unit') {
    const visited = new Set(input.visits.map((v) => v.householdId));
    for (const [helperId, households] of byHelper) {
      const unit = input.helpers.get(helperId)?.unit || NO_UNIT;
      const row = rows.get(unit) ?? blank(unit, unit);
      row.helpers += 1;
      row.households += households.length;
      row.visited += households.filter((h) => visited.has(h)).length;
      row.needsHandled += households.reduce((s, h) => s + (input.resolvedIn.get(h) ?? 0), 0);
      rows.set(unit, row);
    }
    for (const v of input.visits) {
      const helperId = input.helperOf.get(v.householdId);
      if (helperId !== v.helperId) continue;
      const row = rows.get(input.helpers.get(helperId)?.unit || NO_UNIT);
      if (!row) continue;
      row.visits += 1;
      row.measures += v.measures.length;
    }
    return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }
  const list: readonly string[] = kind === 'health' ? SERVICE_CHECKLISTS.doctor : SERVICE_CHECKLISTS.teacher;
  const follows = kind === 'health' ? needsCare : inSchool;
  for (const [helperId, households] of byHelper) {
    const h = input.helpers.get(helperId);
    const row = blank(helperId, h?.name ?? '（已停用）', h?.unit || NO_UNIT);
    const own = input.visits.filter((v) => v.helperId === helperId && households.includes(v.householdId));
    const seen = new Set(own.map((v) => v.householdId));
    const ticked = new Set(own.flatMap((v) => v.checklist).filter((c) => list.includes(c)));
    row.households = households.length;
    row.visited = seen.size;
    row.visits = own.length;
    row.checklistTotal = list.length;
    row.checklistDone = ticked.size;
    for (const householdId of households) {
      const followed = (input.members.get(householdId) ?? []).filter(follows).length;
      row.members += followed;
      if (!seen.has(householdId)) row.notSeen += followed;
    }
    rows.set(helperId, row);
  }
  return [...rows.values()].sort((a, b) => b.notSeen - a.notSeen || a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id));
}

/**
 * The households of the scope and, for the health and education ledgers, what their members
 * count for (from the packed rule facts, in the same read).
 */
async function householdsOf(kind: LedgerKind, where: Record<string, unknown>): Promise<{ ids: Set<string>; members: Map<string, Member[]> }> {
  if (kind === 'unit') return { ids: new Set((await householdRegionsWhere(where)).map((h) => h._id)), members: new Map() };
  const members = await memberCareIn(where);
  return { ids: new Set(members.keys()), members };
}

/**
 * 帮扶台账 of a month for the caller's scope (SPEC §6). A county's ledger is a few round trips of
 * small rows whatever its size (issue 21): its households (with their members' facts), every
 * pairing of the role, the month's visits (for doctors and teachers, only theirs), the helpers'
 * names and units, and (for units) the needs reported before the month's end.
 */
export async function ledger(ctx: AdminCtx, input: { kind: LedgerKind; month: string }): Promise<Ledger> {
  checkMonth(input.month, ctx.now);
  const scope = adminScope(ctx.user);
  const where = regionFilter(scope);
  const start = monthStart(input.month);
  const end = monthEnd(input.month);
  const role = ROLE[input.kind];
  const unit = input.kind === 'unit';
  const [region, scoped, countySpans, unitVisits, needs] = await Promise.all([
    getRegion(scope.regionId),
    householdsOf(input.kind, where),
    // A county reads every pairing of the role (a few answers of 10,000); a town or village those of its households.
    scope.level === 'county' ? primaryPairingSpans('all', end, role) : Promise.resolve(null),
    unit ? visitsOfMonth(where, input.month) : Promise.resolve(null),
    unit ? needsReportedBefore(where, end) : Promise.resolve([]),
  ]);
  const resolvedIn = new Map<string, number>();
  for (const n of needs) {
    if (n.history.some((t) => t.status === 'resolved' && !t.kind && t.at >= start && t.at < end))
      resolvedIn.set(n.householdId, (resolvedIn.get(n.householdId) ?? 0) + 1);
  }
  const spans = countySpans ?? (await primaryPairingSpans([...scoped.ids], end, role));
  const helperOf = new Map([...helpersAt({ spans }, end)].filter(([householdId]) => scoped.ids.has(householdId)));
  const helperIds = [...new Set(helperOf.values())];
  const [helpers, visits] = await Promise.all([userUnits(helperIds), unitVisits ?? visitsOfMonth(where, input.month, helperIds)]);
  return {
    kind: input.kind,
    month: input.month,
    regionName: region.name,
    rows: ledgerRows(input.kind, { helperOf, helpers, visits, members: scoped.members, resolvedIn }),
  };
}

const KIND_LABEL: Record<LedgerKind, string> = { unit: '区直单位帮扶台账', health: '卫生帮扶台账', education: '教育帮扶台账' };
const num = (header: string, value: (r: LedgerRow) => number): SheetColumn<LedgerRow> => ({
  header,
  width: Math.max(10, header.length * 2 + 2),
  kind: 'number',
  value,
});
export const LEDGER_COLUMNS: Record<LedgerKind, SheetColumn<LedgerRow>[]> = {
  unit: [
    { header: '单位', width: 18, value: (r) => r.name },
    num('帮扶人数', (r) => r.helpers),
    num('结对户数', (r) => r.households),
    num('已走访户数', (r) => r.visited),
    num('走访次数', (r) => r.visits),
    num('记录措施数', (r) => r.measures),
    num('办结需求数', (r) => r.needsHandled),
  ],
  health: [
    { header: '家庭医生', width: 12, value: (r) => r.name },
    { header: '单位', width: 16, value: (r) => r.note },
    num('签约户数', (r) => r.households),
    num('患病或残疾成员', (r) => r.members),
    num('走访次数', (r) => r.visits),
    num('服务清单完成项', (r) => r.checklistDone),
    num('服务清单总项', (r) => r.checklistTotal),
    num('当月未见成员', (r) => r.notSeen),
  ],
  education: [
    { header: '帮扶教师', width: 12, value: (r) => r.name },
    { header: '单位', width: 16, value: (r) => r.note },
    num('结对户数', (r) => r.households),
    num('在校学生', (r) => r.members),
    num('走访次数', (r) => r.visits),
    num('服务清单完成项', (r) => r.checklistDone),
    num('服务清单总项', (r) => r.checklistTotal),
    num('当月未见学生', (r) => r.notSeen),
  ],
};

/** 导出帮扶台账: the month's ledger as one sheet (counts as numbers, no names of households or members). */
export async function exportLedger(ctx: AdminCtx, input: { kind: LedgerKind; month: string }): Promise<ExportFile> {
  const l = await ledger(ctx, input);
  const workbook = new ExcelJS.Workbook();
  const table = addTable(workbook, KIND_LABEL[l.kind], LEDGER_COLUMNS[l.kind]);
  table.add(l.rows);
  return saveExport(ctx, workbook, `ledger-${l.kind}-${l.month}`, 'export_ledger', table.rows, { kind: l.kind, month: l.month });
}
