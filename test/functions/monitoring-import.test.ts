/**
 * 部门筛查预警: the 医保 bureau's sheet of high out-of-pocket costs, imported the way the registry
 * is (check every row, then confirm), recorded once, and turned into warnings for the households
 * it puts at risk. Run as a town admin of town-1 so that town-2's people are out of scope.
 */
import ExcelJS from 'exceljs';
import { getDb } from '../../cloudfunctions/core/store';
import { idCheckChar } from '../../types/id-number';
import { call, callRaw, freshDemoStore, ok, SEED_NOW } from '../support/store';
import { uploadAs, workbookOf } from '../support/files';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const db = () => getDb();
const count = async (collection: string, where: Record<string, unknown> = {}) => (await db().collection(collection).where(where).count()).total;
const head = async (id: string) => {
  const h = (await db().collection('households').doc(id).get()).data[0];
  return { id: h.members[0].idNumber as string, name: h.members[0].name as string, memberId: h.members[0].id as string };
};
const outsider = async () => {
  const h = (await db().collection('households').where({ townId: 'town-2' }).orderBy('code', 'asc').limit(1).get()).data[0];
  return { id: h.members[0].idNumber as string, name: h.members[0].name as string };
};
const unknownId = () => {
  const f = '41010119700101099';
  return f + idCheckChar(f);
};

/** A 医保 sheet as the bureau sends it: a title line above the header, then one row per settlement. */
async function sheet(rows: (string | number)[][], openid = 'demo-town-admin') {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('大额自付');
  ws.addRow(['2026年10月 城乡居民医保 个人自付费用较高人员名单']);
  ws.addRow(['身份证号码', '参保人姓名', '结算日期', '个人自付金额（元）']);
  rows.forEach((r) => ws.addRow(r));
  return uploadAs(openid, Buffer.from(await workbook.xlsx.writeBuffer()), '医保大额自付.xlsx');
}

describe('monitoring.importMedical', () => {
  it('checks every row, names each bad one by row and column in Chinese, and writes nothing before confirmation', async () => {
    const a = await head('hh-000001');
    const fileId = await sheet([
      [a.id, a.name, '2026-10-08', 12000],
      ['41010119700101001X', '王五', '2026-10-08', 500],
      [a.id, '', '2026/10/9', 300],
      [a.id, a.name, '2026年12月30日', 300],
      [a.id, a.name, '2026-10-10', -5],
      [a.id, '李四', '2026-10-11', 800],
      [a.id, a.name, '2026-10-08', 12000],
    ]);
    const [expenses, warnings] = [await count('medical_expenses'), await count('warnings')];
    const r = await ok(call('monitoring', 'importMedical', { fileId }, 'demo-town-admin'));
    const byRow = Object.fromEntries(r.errors.map((e) => [e.row, e.message]));
    expect(r).toMatchObject({ rows: 7, valid: 1, recorded: 0, written: 0, next: 0, opened: [] });
    expect(byRow[4]).toMatch(/身份证/);
    expect(byRow[5]).toMatch(/「姓名」不能为空/);
    expect(byRow[6]).toMatch(/「日期」不能晚于今天/);
    expect(byRow[7]).toMatch(/「金额」应为大于 0 的金额/);
    expect(byRow[8]).toMatch(/姓名.*不一致/);
    expect(byRow[9]).toMatch(/与第 3 行是同一人同一天同一金额/);
    expect(await count('medical_expenses')).toBe(expenses);
    expect(await count('warnings')).toBe(warnings);
  });

  it('lists an ID number of another town exactly as one nobody has, masked, and never names its household', async () => {
    const out = await outsider();
    const fileId = await sheet([
      [unknownId(), '赵六', '2026-10-08', 20000],
      [out.id, out.name, '2026-10-08', 20000],
    ]);
    const r = await ok(call('monitoring', 'importMedical', { fileId }, 'demo-town-admin'));
    expect(r.errors).toEqual([]);
    expect(r.unmatched.map((u) => ({ ...u, row: 0, name: '' }))).toEqual([
      { row: 0, name: '', idNumber: `${unknownId().slice(0, 3)}*************${unknownId().slice(-2)}` },
      { row: 0, name: '', idNumber: `${out.id.slice(0, 3)}*************${out.id.slice(-2)}` },
    ]);
    expect(JSON.stringify(r)).not.toContain(out.id);
    const confirmed = await ok(call('monitoring', 'importMedical', { fileId, confirm: true }, 'demo-town-admin'));
    expect(confirmed).toMatchObject({ valid: 0, written: 0, opened: [] });
  });

  it('on confirmation records the costs, re-assesses their households and opens a warning for each one now at risk', async () => {
    const big = await head('hh-000001');
    const small = await head('hh-000097');
    const fileId = await sheet([
      [big.id, big.name, '2026-10-08', '12,000'],
      [small.id, small.name, '2026-09-30', 500],
    ]);
    const preview = await ok(call('monitoring', 'importMedical', { fileId }, 'demo-town-admin'));
    expect(preview).toMatchObject({ valid: 2, recorded: 0, errors: [], unmatched: [] });
    const first = await ok(call('monitoring', 'importMedical', { fileId, confirm: true, from: 0, batch: 1 }, 'demo-town-admin'));
    expect(first).toMatchObject({ written: 1, next: 1 });
    const second = await ok(call('monitoring', 'importMedical', { fileId, confirm: true, from: 1, batch: 1 }, 'demo-town-admin'));
    expect(second).toMatchObject({ written: 1, next: null, opened: [] });
    expect(first.opened).toEqual([expect.objectContaining({ householdId: 'hh-000001', level: 'high' })]);

    const stored = (await db().collection('medical_expenses').where({ householdId: 'hh-000001' }).get()).data;
    expect(stored).toEqual([expect.objectContaining({ memberId: big.memberId, date: '2026-10-08', outOfPocket: 12000, source: 'import' })]);
    const warning = (await db().collection('warnings').where({ householdId: 'hh-000001', open: true }).get()).data;
    expect(warning).toEqual([expect.objectContaining({ source: 'department', stage: 'verify', level: 'high' })]);
    expect(warning[0].risks.map((r: { rule: string }) => r.rule)).toContain('medical_burden');
    // Its own seeded warning (识别纳入 demo) stays as it was: the import opened none for it.
    expect(await count('warnings', { householdId: 'hh-000097', source: 'department' })).toBe(0);
  });

  it('importing the same sheet again records nothing twice and opens no second warning', async () => {
    const big = await head('hh-000001');
    const small = await head('hh-000097');
    const fileId = await sheet([
      [big.id, big.name, '2026-10-08', 12000],
      [small.id, small.name, '2026-09-30', 500],
    ]);
    const [expenses, warnings] = [await count('medical_expenses'), await count('warnings')];
    const preview = await ok(call('monitoring', 'importMedical', { fileId }, 'demo-town-admin'));
    expect(preview).toMatchObject({ valid: 2, recorded: 2 });
    const again = await ok(call('monitoring', 'importMedical', { fileId, confirm: true }, 'demo-town-admin'));
    expect(again).toMatchObject({ written: 0, next: null, opened: [] });
    expect(await count('medical_expenses')).toBe(expenses);
    expect(await count('warnings')).toBe(warnings);
  });

  it('is logged for audit with counts only, never an ID number', async () => {
    const logs = (await db().collection('audit_logs').where({ action: 'import_medical' }).get()).data;
    expect(logs.length).toBeGreaterThan(0);
    const big = await head('hh-000001');
    expect(JSON.stringify(logs)).not.toContain(big.id);
  });

  it('refuses a sheet without the 医保 columns, naming the missing ones, and is for admins only', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['身份证号', '姓名', '备注']);
    const fileId = await uploadAs('demo-admin', Buffer.from(await workbook.xlsx.writeBuffer()));
    const r = await callRaw('monitoring', 'importMedical', { fileId }, 'demo-admin');
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((r as { error: { message: string } }).error.message).toMatch(/缺少列：日期、金额/);
    expect(await callRaw('monitoring', 'importMedical', { fileId }, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('offers a template whose header the import reads', async () => {
    const t = await ok(call('monitoring', 'medicalTemplate', {}, 'demo-admin'));
    const wb = await workbookOf('demo-admin', t.fileId);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(['身份证号', '姓名', '日期', '金额']);
    const r = await ok(call('monitoring', 'importMedical', { fileId: t.fileId }, 'demo-admin'));
    expect(r).toMatchObject({ rows: 0, valid: 0, next: null });
  });
});
