/**
 * Exports of what the admin pages show (issue #13 item 11): 应享未享 gaps, visit coverage and needs,
 * each the caller's region only, numbers as numeric cells, audit-logged, kept as the caller's file.
 */
import ExcelJS from 'exceljs';
import { getDb } from '../../cloudfunctions/core/store';
import { freshDemoStore, call, SEED_NOW, ok } from '../support/store';
import { workbookOf, sheetRecords } from '../support/files';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const audits = async (action: string) => (await getDb().collection('audit_logs').where({ action }).get()).data;

describe('benefits.exportGaps', () => {
  it("writes every gap of the town admin's town, amounts as numbers, and audit-logs the export", async () => {
    const listed = await ok(call('benefits', 'listGaps', { limit: 100 }, 'demo-town-admin'));
    expect(listed.total).toBeGreaterThan(0);
    const { fileId, rows } = await ok(call('benefits', 'exportGaps', {}, 'demo-town-admin'));
    expect(rows).toBe(listed.total);
    const gaps = sheetRecords((await workbookOf('demo-town-admin', fileId)).getWorksheet('应享未享')!);
    expect(gaps).toHaveLength(listed.total);
    const withAmount = gaps.filter((g) => g['应享金额（元）'].value !== null);
    expect(withAmount.length).toBeGreaterThan(0);
    for (const g of withAmount) expect(g['应享金额（元）'].type).toBe(ExcelJS.ValueType.Number);
    const villages = new Set(gaps.map((g) => String(g['行政村'].value)));
    const inTown = (await getDb().collection('regions').where({ level: 'village', path: 'town-1' }).get()).data.map((v: any) => v.name);
    for (const v of villages) expect(inTown).toContain(v);
    expect(await audits('export_gaps')).toEqual([expect.objectContaining({ userId: 'admin-town-1', detail: { rows, total: listed.total } })]);
  });

  it("a village outside the caller's region exports nothing, as a village that does not exist", async () => {
    expect((await ok(call('benefits', 'exportGaps', { villageId: 'village-2-1' }, 'demo-town-admin'))).rows).toBe(0);
    expect((await ok(call('benefits', 'exportGaps', { villageId: 'village-none' }, 'demo-town-admin'))).rows).toBe(0);
  });
});

describe('reports.exportCoverage', () => {
  it("writes the month's coverage page: a summary, a sheet per dimension and the overdue households, counts as numbers", async () => {
    const shown = await ok(call('reports', 'coverage', {}, 'demo-town-admin'));
    const { fileId } = await ok(call('reports', 'exportCoverage', {}, 'demo-town-admin'));
    const workbook = await workbookOf('demo-town-admin', fileId);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '按乡镇', '按村', '按单位', '按帮扶人', '逾期未走访户']);
    const [summary] = sheetRecords(workbook.getWorksheet('汇总')!);
    expect(summary['结对户数'].value).toBe(shown.paired);
    expect(summary['已走访户数'].type).toBe(ExcelJS.ValueType.Number);
    expect(summary['覆盖率（%）'].value).toBe(Math.round((shown.visited / shown.paired) * 1000) / 10);
    expect(sheetRecords(workbook.getWorksheet('按村')!).map((r) => r['名称'].value)).toEqual(shown.byVillage.map((v) => v.name));
    expect(sheetRecords(workbook.getWorksheet('逾期未走访户')!)).toHaveLength(shown.overdue.items.length);
    expect(await audits('export_coverage')).toHaveLength(1);
  });

  it("refuses a month yet to come with the page's own message", async () => {
    expect(await call('reports', 'exportCoverage', { month: '2099-01' }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('还没有到') },
    });
  });
});

describe('needs.exportXlsx', () => {
  it('writes the oversight list under its filters, overdue first, without callback phones', async () => {
    const listed = await ok(call('needs', 'list', { limit: 100 }, 'demo-admin'));
    expect(listed.total).toBeGreaterThan(0);
    const { fileId, rows } = await ok(call('needs', 'exportXlsx', {}, 'demo-admin'));
    expect(rows).toBe(listed.total);
    const sheet = (await workbookOf('demo-admin', fileId)).getWorksheet('需求')!;
    const needs = sheetRecords(sheet);
    expect(needs.map((n) => n['户主'].value)).toEqual(listed.items.slice(0, needs.length).map((n) => n.householdHeadName));
    expect(Object.keys(needs[0]).some((h) => /电话/.test(h))).toBe(false);
    for (const n of needs.filter((x) => x['满意度评分'].value !== null)) expect(n['满意度评分'].type).toBe(ExcelJS.ValueType.Number);
    const overdue = await ok(call('needs', 'exportXlsx', { overdue: true }, 'demo-admin'));
    expect(overdue.rows).toBe((await ok(call('needs', 'list', { overdue: true, limit: 1 }, 'demo-admin'))).total);
    expect(await audits('export_needs')).toHaveLength(2);
  });
});
