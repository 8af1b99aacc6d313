import path from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { getDb } from '../../cloudfunctions/core/store';
import { freshDemoStore, call, SEED_NOW, ok } from '../support/store';
import { readAs, uploadAs } from '../support/files';

let store: ReturnType<typeof freshDemoStore>;
let fileId: string;
const SAMPLE = () => readFileSync(path.resolve(__dirname, '../fixtures/registry-sample.xlsx'));
beforeAll(async () => {
  store = freshDemoStore({ now: SEED_NOW });
  fileId = await uploadAs('demo-town-admin', SAMPLE(), 'registry-sample.xlsx');
});
afterAll(() => store.close());

const count = async () => (await getDb().collection('households').count()).total;

describe('households.importXlsx with the shipped sample sheet', () => {
  it('checks every row, reports the bad ones in Chinese by row number, and writes nothing', async () => {
    const before = await count();
    const result = await ok(call('households', 'importXlsx', { fileId }, 'demo-town-admin'));
    expect(result).toMatchObject({ rows: 11, valid: 3, written: 0, next: 0 });
    const byRow = Object.fromEntries(result.errors.map((e: any) => [e.row, e.message]));
    expect(byRow[8]).toMatch(/校验位/);
    expect(byRow[9]).toMatch(/月亮村.*不是您管辖范围内的村/);
    expect(byRow[10]).toMatch(/与第 3 行重复/);
    expect(byRow[11]).toMatch(/手机号/);
    expect(byRow[12]).toMatch(/没有户主/);
    expect(await count()).toBe(before);
  });

  it('writes the valid households in batches when confirmed, and importing again creates no duplicates', async () => {
    const before = await count();
    const first = await ok(call('households', 'importXlsx', { fileId, confirm: true, from: 0, batch: 2 }, 'demo-town-admin'));
    expect(first).toMatchObject({ written: 2, next: 2 });
    const second = await ok(call('households', 'importXlsx', { fileId, confirm: true, from: 2, batch: 2 }, 'demo-town-admin'));
    expect(second).toMatchObject({ written: 1, next: null });
    expect(await count()).toBe(before + 3);
    const lin = (await getDb().collection('households').where({ code: 'QH-2026-001' }).get()).data;
    expect(lin).toHaveLength(1);
    expect(lin[0]).toMatchObject({ headName: '林国栋', villageId: 'village-1-1', townId: 'town-1', status: 'monitored', causes: ['illness', 'lack_skills'] });
    expect(lin[0].members.map((m: any) => m.name)).toEqual(['林国栋', '何秀兰', '林小雨']);
    expect(lin[0].members[2]).toMatchObject({ birthDate: '2012-09-01', sex: 'female', schooling: 'junior' });

    await ok(call('households', 'importXlsx', { fileId, confirm: true, from: 0, batch: 200 }, 'demo-town-admin'));
    expect(await count()).toBe(before + 3);
    const again = (await getDb().collection('households').where({ code: 'QH-2026-001' }).get()).data;
    expect(again[0]._id).toBe(lin[0]._id);
    expect(again[0].members.map((m: any) => m.id)).toEqual(lin[0].members.map((m: any) => m.id));
  });

  it('refuses rows of villages outside a village admin\'s own village', async () => {
    const own = await uploadAs('demo-village-admin', SAMPLE(), 'registry-sample.xlsx');
    const result = await ok(call('households', 'importXlsx', { fileId: own }, 'demo-village-admin'));
    // 下河村 lies outside the village admin's 上坪村.
    expect(result.errors.some((e: any) => /下河村/.test(e.message))).toBe(true);
  });

  it('answers a clear INVALID_INPUT for a file that is not a spreadsheet, and NOT_FOUND for an unknown file', async () => {
    const junk = await uploadAs('demo-admin', Buffer.from('not a zip'), 'junk.xlsx');
    expect(await call('households', 'importXlsx', { fileId: junk }, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('xlsx') } });
    expect(await call('households', 'importXlsx', { fileId: '../../etc/passwd' }, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('households.exportXlsx', () => {
  it('exports the caller\'s scope under the filters in the import layout, and audit-logs it', async () => {
    const { fileId: out, rows } = await ok(call('households', 'exportXlsx', { villageId: 'village-1-2' }, 'demo-town-admin'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await readAs('demo-town-admin', out) as any);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('户编号');
    expect(sheet.rowCount - 1).toBe(rows);
    const villages = new Set<string>();
    sheet.getColumn(3).eachCell((c, n) => { if (n > 1) villages.add(String(c.value)); });
    expect([...villages]).toEqual(['下河村']);
    const logs = (await getDb().collection('audit_logs').where({ action: 'export_households' }).get()).data;
    expect(logs).toEqual([expect.objectContaining({ userId: 'admin-town-1', detail: { rows } })]);
  });

  it('writes years, income and disability level as numeric cells and ID numbers as text cells', async () => {
    const { fileId: out } = await ok(call('households', 'exportXlsx', { villageId: 'village-1-2' }, 'demo-town-admin'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await readAs('demo-town-admin', out) as any);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name));
    for (const name of ['识别年度', '收入年度', '家庭年纯收入', '残疾等级']) {
      expect({ name, type: cell(name).type }).toEqual({ name, type: ExcelJS.ValueType.Number });
    }
    expect(cell('身份证号').type).toBe(ExcelJS.ValueType.String);
    expect(cell('身份证号').numFmt).toBe('@');
  });

  it('re-imports its own export without creating a household or an error', async () => {
    const before = await count();
    const { fileId: out } = await ok(call('households', 'exportXlsx', { villageId: 'village-1-1' }, 'demo-village-admin'));
    const check = await ok(call('households', 'importXlsx', { fileId: out }, 'demo-village-admin'));
    expect(check.errors).toEqual([]);
    await ok(call('households', 'importXlsx', { fileId: out, confirm: true }, 'demo-village-admin'));
    expect(await count()).toBe(before);
  });
});
