import path from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { getDb } from '../../cloudfunctions/core/store';
import { freshDemoStore, call, SEED_NOW, ok } from '../support/store';
import { readAs, uploadAs } from '../support/files';
import { idCheckChar } from '../../types/id-number';

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

  it("refuses rows of villages outside a village admin's own village", async () => {
    const own = await uploadAs('demo-village-admin', SAMPLE(), 'registry-sample.xlsx');
    const result = await ok(call('households', 'importXlsx', { fileId: own }, 'demo-village-admin'));
    // 下河村 lies outside the village admin's 上坪村.
    expect(result.errors.some((e: any) => /下河村/.test(e.message))).toBe(true);
  });

  it('answers a clear INVALID_INPUT for a file that is not a spreadsheet, and NOT_FOUND for an unknown file', async () => {
    const junk = await uploadAs('demo-admin', Buffer.from('not a zip'), 'junk.xlsx');
    expect(await call('households', 'importXlsx', { fileId: junk }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('xlsx') },
    });
    expect(await call('households', 'importXlsx', { fileId: '../../etc/passwd' }, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

const idOf = (first17: string) => first17 + idCheckChar(first17);
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

/** A county office's own sheet: a merged title row and a date line above the header, its usual column names, no 慢病/残疾/在校/电话 columns. */
async function countySheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('监测对象');
  ws.addRow(['青禾镇2026年防返贫监测对象花名册']);
  ws.mergeCells('A1:H1');
  ws.addRow(['填报单位：青禾镇人民政府', '', '', '', '填报日期：2026年11月']);
  ws.addRow([
    '序号',
    '户号',
    '乡（镇）',
    '村（社区）',
    '家庭住址',
    '户属性',
    '主要致贫原因',
    '识别年份',
    '收入年度',
    '家庭年纯收入（元）',
    '住房安全等级',
    '是否饮水安全',
    '姓名',
    '与户主的关系',
    '身份证号码',
    '健康状况',
    '劳动能力',
    '是否务工',
    '是否有收入',
    '是否有赡养人',
  ]);
  const hh = ['QH-C-01', '青禾镇', '上坪村', '上坪村5组1号', '监测户', '因病', 2024, 2025, 21000, 'B', '是'];
  ws.addRow([1, ...hh, '韦德明', '户主', idOf('99020119680405011'), '健康', '有劳动力', '是', '是', '否']);
  ws.addRow([2, '', '', '', '', '', '', '', '', '', '', '', '黄月娥', '配偶', idOf('99020119700716022'), '健康', '弱劳动力', '否', '否', '否']);
  // One row, three problems: an unknown relation, an ID number with a wrong check character, an unknown health state.
  ws.addRow([
    3,
    'QH-C-02',
    '青禾镇',
    '上坪村',
    '上坪村5组2号',
    '监测户',
    '因病',
    2024,
    2025,
    9000,
    'A',
    '是',
    '蓝海',
    '表亲',
    wrongCheck(idOf('99020119800101003')),
    '很好',
    '有劳动力',
    '否',
    '否',
    '否',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("households.importXlsx with a county office's own sheet", () => {
  it('finds the header below the title rows, maps its column names, and reports every problem of a bad row', async () => {
    const own = await uploadAs('demo-town-admin', await countySheet(), '花名册.xlsx');
    const result = await ok(call('households', 'importXlsx', { fileId: own }, 'demo-town-admin'));
    expect(result).toMatchObject({ rows: 3, valid: 1 });
    expect(result.errors).toHaveLength(1);
    const [bad] = result.errors;
    expect(bad.row).toBe(6);
    expect(bad.message).toMatch(/与户主关系/);
    expect(bad.message).toMatch(/校验/);
    expect(bad.message).toMatch(/健康状况/);

    await ok(call('households', 'importXlsx', { fileId: own, confirm: true }, 'demo-town-admin'));
    const [stored] = (await getDb().collection('households').where({ code: 'QH-C-01' }).get()).data;
    expect(stored).toMatchObject({ headName: '韦德明', villageId: 'village-1-1', annualNetIncome: 21000, identifiedYear: 2024 });
    expect(stored.members.map((m: any) => [m.name, m.relation, m.schooling, m.disabilityLevel])).toEqual([
      ['韦德明', 'head', 'none', 0],
      ['黄月娥', 'spouse', 'none', 0],
    ]);
  });
});

describe('households.importTemplate', () => {
  it('hands the caller a template whose header is the import layout, with a column guide and their own village names', async () => {
    const { fileId: template, rows } = await ok(call('households', 'importTemplate', {}, 'demo-town-admin'));
    expect(rows).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readAs('demo-town-admin', template)) as any);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['建档立卡户', '填写说明', '村名对照']);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).filter(Boolean)).toContain('身份证号');
    const guide = workbook.getWorksheet('填写说明')!;
    const idRow = guide.getRows(2, guide.rowCount - 1)!.find((r) => r.getCell(1).value === '身份证号')!;
    expect(idRow.getCell(4).value).toContain('身份证号码');
    const towns = new Set<string>();
    workbook.getWorksheet('村名对照')!.eachRow((r, n) => {
      if (n > 1) towns.add(String(r.getCell(1).value));
    });
    expect([...towns]).toEqual(['青禾镇']);
    const logs = (await getDb().collection('audit_logs').where({ action: 'export_template' }).get()).data;
    expect(logs).toEqual([expect.objectContaining({ userId: 'admin-town-1' })]);
  });

  it('the template filled in with one household imports without a problem', async () => {
    const upload = await filledTemplate({});
    expect(await ok(call('households', 'importXlsx', { fileId: upload }, 'demo-town-admin'))).toMatchObject({ rows: 1, valid: 1, errors: [] });
  });

  it('a household imported at risk (一般农户, 3,000 元 a year for one person, a D-grade house) has its warning open as soon as the import is confirmed', async () => {
    const upload = await filledTemplate({
      户编号: 'QH-T-02',
      户类型: '一般农户',
      家庭年纯收入: 3000,
      住房安全等级: 'D',
      姓名: '覃风险',
      身份证号: idOf('99020119760404041'),
    });
    expect(await ok(call('households', 'importXlsx', { fileId: upload, confirm: true }, 'demo-town-admin'))).toMatchObject({ written: 1, errors: [] });
    const h = (await getDb().collection('households').where({ code: 'QH-T-02' }).get()).data[0];
    const warnings = await ok(call('monitoring', 'listWarnings', { householdId: h._id, limit: 10, offset: 0 }, 'demo-town-admin'));
    expect(warnings.items).toEqual([
      expect.objectContaining({
        householdId: h._id,
        headName: '覃风险',
        stage: 'verify',
        open: true,
        source: 'assessment',
        level: 'high',
        suggestedType: 'marginal',
      }),
    ]);
    expect(warnings.items[0].risks.map((r: any) => r.rule)).toEqual(['income_below_line', 'housing_unsafe']);
    // Imported again (an update of the same household), it keeps its one open warning.
    await ok(call('households', 'importXlsx', { fileId: upload, confirm: true }, 'demo-town-admin'));
    expect((await ok(call('monitoring', 'listWarnings', { householdId: h._id, limit: 10, offset: 0 }, 'demo-town-admin'))).total).toBe(1);
  });
});

/** The import template, filled in with one household (a healthy 监测户 of 上坪村 unless `change` says otherwise), uploaded. */
async function filledTemplate(change: Record<string, string | number>): Promise<string> {
  const { fileId: template } = await ok(call('households', 'importTemplate', {}, 'demo-town-admin'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readAs('demo-town-admin', template)) as any);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const filled: Record<string, string | number> = {
    户编号: 'QH-T-01',
    乡镇: '青禾镇',
    行政村: '上坪村',
    住址: '上坪村1组1号',
    户类型: '监测户',
    致贫原因: '因病',
    识别年度: 2025,
    收入年度: 2025,
    家庭年纯收入: 15000,
    住房安全等级: 'A',
    饮水安全: '是',
    姓名: '覃立新',
    与户主关系: '户主',
    身份证号: idOf('99020119750303041'),
    健康状况: '健康',
    劳动能力: '有劳动力',
    务工就业: '是',
    有收入: '是',
    有赡养人: '否',
    ...change,
  };
  sheet.addRow(header.map((h) => filled[h] ?? null));
  return uploadAs('demo-town-admin', Buffer.from(await workbook.xlsx.writeBuffer()), '模板.xlsx');
}

describe('households.exportXlsx', () => {
  it("exports the caller's scope under the filters in the import layout, and audit-logs it", async () => {
    const { fileId: out, rows } = await ok(call('households', 'exportXlsx', { villageId: 'village-1-2' }, 'demo-town-admin'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readAs('demo-town-admin', out)) as any);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('户编号');
    expect(sheet.rowCount - 1).toBe(rows);
    const villages = new Set<string>();
    sheet.getColumn(3).eachCell((c, n) => {
      if (n > 1) villages.add(String(c.value));
    });
    expect([...villages]).toEqual(['下河村']);
    const logs = (await getDb().collection('audit_logs').where({ action: 'export_households' }).get()).data;
    expect(logs).toEqual([expect.objectContaining({ userId: 'admin-town-1', detail: { rows } })]);
  });

  it('writes years, income and disability level as numeric cells and ID numbers as text cells', async () => {
    const { fileId: out } = await ok(call('households', 'exportXlsx', { villageId: 'village-1-2' }, 'demo-town-admin'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readAs('demo-town-admin', out)) as any);
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
