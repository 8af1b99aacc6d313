import ExcelJS from 'exceljs';
import type { Bulletin, BulletinFigures, BulletinRow } from '../../../types/api/reports';
import type { AdminCtx } from '../handler';
import { adminScope } from '../access/scope';
import { addTable, saveExport, type ExportFile, type SheetColumn } from '../sheet-export';
import { monthEnd } from './bulletin.events';
import { unvisitedFrom, unvisitedIn, type Unvisited } from './bulletin.reads';
import { bulletinAndSource } from './bulletin.service';

export const BAND_LABELS = { green: '绿', yellow: '黄', red: '红' } as const;
const pct = (f: number | null | undefined) => (f == null ? null : Math.round(f * 1000) / 10);
const diff = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : Math.round((a - b) * 10) / 10);

/** The headline figures, this month against the one before (counts and rates as numbers). */
const HEADLINES: Array<[string, (f: BulletinFigures) => number | null]> = [
  ['结对户数', (f) => f.paired],
  ['已走访户数', (f) => f.visited],
  ['走访覆盖率（%）', (f) => pct(f.coverage)],
  ['当月上报需求（件）', (f) => f.needsReported],
  ['按时受理（件）', (f) => f.needsInTime],
  ['月末逾期未办需求（件）', (f) => f.needsOverdue],
  ['受理用时中位数（小时）', (f) => f.medianAcceptHours],
  ['办结用时中位数（小时）', (f) => f.medianResolveHours],
  ['满意度均分（1–5）', (f) => f.ratingMean],
  ['评价数', (f) => f.ratingCount],
  ['应享未享月末未解决（项）', (f) => f.gapsOpen],
  ['应享未享当月解决（项）', (f) => f.gapsClosed],
  ['新发现问题（个）', (f) => f.findingsOpened],
  ['当月销号（个）', (f) => f.findingsClosed],
  ['按期销号（个）', (f) => f.findingsOnTime],
  ['整改逾期（个）', (f) => f.findingsOverdue],
  ['综合得分', (f) => f.score],
];

interface SummaryLine {
  item: string;
  now?: number | null;
  before?: number | null;
  change?: number | null;
  note?: string;
}

function summaryLines(b: Bulletin): SummaryLine[] {
  const lines: SummaryLine[] = HEADLINES.map(([item, get]) => ({
    item,
    now: get(b.totals),
    before: get(b.prevTotals),
    change: diff(get(b.totals), get(b.prevTotals)),
  }));
  lines.push({ item: '状态', note: b.frozen ? `已发布（${b.frozenAt}）` : '实时（未发布）' });
  for (const r of b.byTown)
    lines.push({
      item: `乡镇排名第 ${r.rank}`,
      now: r.score,
      before: r.prev?.score ?? null,
      change: diff(r.score, r.prev?.score),
      note: `${r.name}（${BAND_LABELS[r.band]}${r.lastTwice ? '，连续两月末位' : ''}）`,
    });
  for (const r of b.byUnit)
    lines.push({
      item: `单位排名第 ${r.rank}`,
      now: r.score,
      before: r.prev?.score ?? null,
      change: diff(r.score, r.prev?.score),
      note: `${r.name}（${BAND_LABELS[r.band]}${r.lastTwice ? '，连续两月末位' : ''}）`,
    });
  for (const h of b.highlights) lines.push({ item: '亮点', note: h });
  for (const w of b.weaknesses) lines.push({ item: '短板', note: w });
  return lines;
}

const rowColumns = (note?: string): SheetColumn<BulletinRow>[] => [
  { header: '排名', width: 6, kind: 'number', value: (r) => r.rank },
  { header: '名称', width: 16, value: (r) => r.name },
  ...(note ? [{ header: note, width: 14, value: (r: BulletinRow) => r.note }] : []),
  { header: '等级', width: 6, value: (r) => BAND_LABELS[r.band] },
  { header: '连续两月末位', width: 12, value: (r) => (r.lastTwice ? '是' : '') },
  { header: '得分', width: 8, kind: 'number', value: (r) => r.score },
  { header: '上月得分', width: 9, kind: 'number', value: (r) => r.prev?.score },
  { header: '得分变化', width: 9, kind: 'number', value: (r) => diff(r.score, r.prev?.score) },
  { header: '结对户数', width: 9, kind: 'number', value: (r) => r.paired },
  { header: '已走访户数', width: 10, kind: 'number', value: (r) => r.visited },
  { header: '覆盖率（%）', width: 10, kind: 'number', value: (r) => pct(r.coverage) },
  { header: '上月覆盖率（%）', width: 12, kind: 'number', value: (r) => pct(r.prev?.coverage) },
  { header: '上报需求', width: 9, kind: 'number', value: (r) => r.needsReported },
  { header: '按时受理', width: 9, kind: 'number', value: (r) => r.needsInTime },
  { header: '逾期未办需求', width: 11, kind: 'number', value: (r) => r.needsOverdue },
  { header: '受理用时中位数（小时）', width: 14, kind: 'number', value: (r) => r.medianAcceptHours },
  { header: '办结用时中位数（小时）', width: 14, kind: 'number', value: (r) => r.medianResolveHours },
  { header: '满意度均分', width: 10, kind: 'number', value: (r) => r.ratingMean },
  { header: '评价数', width: 7, kind: 'number', value: (r) => r.ratingCount },
  { header: '应享未享未解决', width: 12, kind: 'number', value: (r) => r.gapsOpen },
  { header: '应享未享当月解决', width: 13, kind: 'number', value: (r) => r.gapsClosed },
  { header: '新发现问题', width: 10, kind: 'number', value: (r) => r.findingsOpened },
  { header: '当月销号', width: 9, kind: 'number', value: (r) => r.findingsClosed },
  { header: '按期销号', width: 9, kind: 'number', value: (r) => r.findingsOnTime },
  { header: '整改逾期', width: 9, kind: 'number', value: (r) => r.findingsOverdue },
];

/**
 * 导出月度通报: a summary sheet (headline figures against last month, the town and unit rankings
 * with their bands, 亮点/短板), a sheet per dimension, and the households paired at the month's end
 * but not visited in it (the only sheet with names of households; the export is audit-logged).
 */
export async function exportBulletin(ctx: AdminCtx, input: { month: string }): Promise<ExportFile> {
  const { bulletin: b, source } = await bulletinAndSource(ctx, input);
  // A live bulletin's reads answer the list too; a frozen one read nothing, so the list is read.
  const unvisited = source ? await unvisitedFrom(source, b.month) : await unvisitedIn(adminScope(ctx.user), b.month, monthEnd(b.month));
  const workbook = new ExcelJS.Workbook();
  const summary = addTable<SummaryLine>(workbook, '汇总', [
    { header: '项目', width: 26, value: (l) => l.item },
    { header: '本月', width: 10, kind: 'number', value: (l) => l.now },
    { header: '上月', width: 10, kind: 'number', value: (l) => l.before },
    { header: '变化', width: 10, kind: 'number', value: (l) => l.change },
    { header: '说明', width: 80, value: (l) => l.note },
  ]);
  summary.add(summaryLines(b));
  let written = summary.rows;
  const sheets: Array<[string, BulletinRow[], string?]> = [
    ['按乡镇', b.byTown],
    ['按村', b.byVillage, '乡镇'],
    ['按单位', b.byUnit],
    ['按帮扶人', b.byHelper, '单位'],
  ];
  for (const [name, rows, note] of sheets) {
    const table = addTable(workbook, name, rowColumns(note));
    table.add(rows);
    written += table.rows;
  }
  const missed = addTable<Unvisited>(workbook, '当月未走访户', [
    { header: '乡镇', width: 12, value: (u) => u.townName },
    { header: '行政村', width: 12, value: (u) => u.villageName },
    { header: '户主', width: 10, value: (u) => u.headName },
    { header: '帮扶责任人', width: 12, value: (u) => u.helperName },
  ]);
  missed.add(unvisited);
  return saveExport(ctx, workbook, `bulletin-${b.month}`, 'export_bulletin', written + missed.rows, { month: b.month, frozen: b.frozen ? 1 : 0 });
}
