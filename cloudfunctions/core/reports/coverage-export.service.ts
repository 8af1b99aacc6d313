import ExcelJS from 'exceljs';
import type { Coverage, CoverageRow } from '../../../types/api/reports';
import type { AdminCtx } from '../handler';
import { addTable, saveExport, type ExportFile, type SheetColumn } from '../sheet-export';
import { coverage } from './coverage.service';

/** Coverage as a percentage with one decimal, a number Excel can sort (null when nobody is paired). */
export const coveragePercent = (visited: number, paired: number): number | null => (paired ? Math.round((visited / paired) * 1000) / 10 : null);

const rows = (note?: string): SheetColumn<CoverageRow>[] => [
  { header: '名称', width: 16, value: (r) => r.name },
  ...(note ? [{ header: note, width: 16, value: (r: CoverageRow) => r.note }] : []),
  { header: '结对户数', width: 10, kind: 'number', value: (r) => r.paired },
  { header: '已走访户数', width: 11, kind: 'number', value: (r) => r.visited },
  { header: '覆盖率（%）', width: 11, kind: 'number', value: (r) => coveragePercent(r.visited, r.paired) },
];

type Overdue = Coverage['overdue']['items'][number];

/**
 * 导出走访覆盖: the month's figures of the coverage page (reports.coverage, the caller's region), a
 * sheet per dimension and the overdue households it lists; counts and rates as numbers.
 */
export async function exportCoverage(ctx: AdminCtx, input: { month?: string }): Promise<ExportFile> {
  const c = await coverage(ctx, input);
  const workbook = new ExcelJS.Workbook();
  const summary = addTable<Coverage>(workbook, '汇总', [
    { header: '月份', width: 10, value: (x) => x.month },
    { header: '结对户数', width: 10, kind: 'number', value: (x) => x.paired },
    { header: '已走访户数', width: 11, kind: 'number', value: (x) => x.visited },
    { header: '覆盖率（%）', width: 11, kind: 'number', value: (x) => coveragePercent(x.visited, x.paired) },
    { header: '逾期未走访户数', width: 14, kind: 'number', value: (x) => x.overdue.total },
  ]);
  summary.add([c]);
  const sheets: [string, CoverageRow[], string?][] = [
    ['按乡镇', c.byTown],
    ['按村', c.byVillage, '乡镇'],
    ['按单位', c.byUnit],
    ['按帮扶人', c.byHelper, '单位'],
  ];
  let written = 0;
  for (const [name, items, note] of sheets) {
    const table = addTable(workbook, name, rows(note));
    table.add(items);
    written += table.rows;
  }
  const overdue = addTable<Overdue>(workbook, '逾期未走访户', [
    { header: '户主', width: 10, value: (o) => o.headName },
    { header: '行政村', width: 12, value: (o) => o.villageName },
    { header: '帮扶责任人', width: 12, value: (o) => o.helperName },
  ]);
  overdue.add(c.overdue.items);
  return saveExport(ctx, workbook, `coverage-${c.month}`, 'export_coverage', written + overdue.rows, { month: c.month });
}
