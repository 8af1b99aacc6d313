/**
 * Issue 19, object-level access: a filter never widens an admin's region, a reassigned household's
 * needs follow it to the new helper, and a clash with a household outside the caller's region
 * says nothing about that household (and is audit-logged).
 */
import ExcelJS from 'exceljs';
import { regionNames } from '../../cloudfunctions/core/regions/region.repository';
import { COLUMNS, householdRows } from '../../cloudfunctions/core/households/import/sheet';
import { uploadAs } from '../support/files';
import { getDb } from '../../cloudfunctions/core/store';
import { idCheckChar } from '../../types';
import { freshDemoStore, call, SEED_NOW } from '../support/store';
import { DEMO_HOUSEHOLD, needIn, ok } from './needs-support';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const db = () => getDb();
const firstHousehold = async (where: Record<string, unknown>) =>
  (await db().collection('households').where(where).orderBy('code', 'asc').limit(1).get()).data[0];
const primaryOf = async (id: string) => (await db().collection('pairings').where({ householdId: id, role: 'primary', active: true }).get()).data[0];
async function otherCadre(householdId: string): Promise<string> {
  const [h, p] = [(await db().collection('households').doc(householdId).get()).data[0], await primaryOf(householdId)];
  const { data } = await db().collection('users').where({ role: 'helper', helperKind: 'cadre', 'scope.regionId': h.townId }).get();
  return data.find((u) => u._id !== p.helperId)!._id;
}
let seq = 0;
const freshIdNumber = () => {
  const f = `99040119850${String(101 + (++seq % 800)).padStart(3, '0')}${String(seq).padStart(3, '0')}`;
  return f + idCheckChar(f);
};
const draft = (code: string, villageId: string, idNumber: string) => ({
  code,
  villageId,
  address: '1组',
  status: 'monitored',
  identifiedYear: 2024,
  housingGrade: 'A',
  members: [{ name: '试户', relation: 'head', idNumber, health: 'healthy', laborCapacity: 'full' }],
});
const audits = async (action: string) => (await db().collection('audit_logs').where({ action }).limit(100).get()).data;

describe('list filters only narrow an admin region', () => {
  it("a village admin asking benefits.listGaps for another town's village gets nothing of it", async () => {
    const foreign = await firstHousehold({ townId: 'town-2' });
    const gaps = await ok(call('benefits', 'listGaps', { villageId: foreign.villageId }, 'demo-village-admin'));
    expect(gaps).toMatchObject({ items: [], total: 0, households: 0 });
  });

  it("a village admin asking benefits.listRecords for another town's village gets nothing of it", async () => {
    const foreign = await firstHousehold({ townId: 'town-2' });
    const countyView = await ok(call('benefits', 'listRecords', { villageId: foreign.villageId }, 'demo-admin'));
    expect(countyView.total).toBeGreaterThan(0);
    expect(await ok(call('benefits', 'listRecords', { villageId: foreign.villageId }, 'demo-village-admin'))).toEqual({ items: [], total: 0 });
  });

  it('a town admin filtering by a village of their own town still sees it', async () => {
    const own = await firstHousehold({ townId: 'town-1' });
    const records = await ok(call('benefits', 'listRecords', { villageId: own.villageId }, 'demo-town-admin'));
    expect(records.items.every((r: { villageId: string }) => r.villageId === own.villageId)).toBe(true);
  });
});

describe('after reassignment the needs follow the household', () => {
  it('the former helper loses the open need and the new primary helper can accept it', async () => {
    const need = await needIn('reported');
    const newHelper = await otherCadre(DEMO_HOUSEHOLD);
    const newOpenid = (await db().collection('users').doc(newHelper).get()).data[0].openid;
    await ok(call('assignments', 'reassign', { pairingIds: [(await primaryOf(DEMO_HOUSEHOLD))._id], toHelperId: newHelper }, 'demo-admin'));

    const formerList = await ok(call('needs', 'list', {}, 'demo-helper'));
    expect(formerList.items.map((n: { _id: string }) => n._id)).not.toContain(need._id);
    expect(await call('needs', 'get', { needId: need._id }, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const moved = await ok(call('needs', 'get', { needId: need._id }, newOpenid));
    expect(moved.assigneeId).toBe(newHelper);
    expect(moved.history.at(-1)!.note).toMatch(/结对调整/);
    const accepted = await ok(call('needs', 'transition', { needId: need._id, to: 'accepted', version: moved.version }, newOpenid));
    expect(accepted.status).toBe('accepted');
  });
});

describe('clashes outside the caller region reveal nothing', () => {
  it("creating a household with another town's member's ID number names neither the household nor the member", async () => {
    const foreign = await firstHousehold({ townId: 'town-2' });
    const own = await firstHousehold({ townId: 'town-1' });
    const result = await call('households', 'create', draft(`T-${++seq}`, own.villageId, foreign.members[0].idNumber), 'demo-town-admin');
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).not.toContain(foreign.code);
    expect(message).not.toContain(foreign.members[0].name);
    expect(message).not.toMatch(/已登记/);
    expect((await audits('registry_clash')).some((a) => a.householdId === foreign._id && a.userId === 'admin-town-1')).toBe(true);
  });

  it("using another town's household code answers like an ID clash, not 'already used'", async () => {
    const foreign = await firstHousehold({ townId: 'town-2' });
    const own = await firstHousehold({ townId: 'town-1' });
    const result = await call('households', 'create', draft(foreign.code, own.villageId, freshIdNumber()), 'demo-town-admin');
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).not.toMatch(/已被使用|户主/);
    expect(message).not.toContain(foreign.headName);
  });

  it('inside the region the clash still says where the ID number is registered, to fix it', async () => {
    const own = await firstHousehold({ townId: 'town-1' });
    const result = await call('households', 'create', draft(`T-${++seq}`, own.villageId, own.members[0].idNumber), 'demo-town-admin');
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((result as { error: { message: string } }).error.message).toContain(own.code);
  });

  it('reassigning a pairing of another town answers exactly as a pairing that does not exist', async () => {
    const foreign = await firstHousehold({ townId: 'town-2' });
    const own = await firstHousehold({ townId: 'town-1' });
    const to = await otherCadre(own._id);
    const outside = await call('assignments', 'reassign', { pairingIds: [(await primaryOf(foreign._id))._id], toHelperId: to }, 'demo-town-admin');
    const missing = await call('assignments', 'reassign', { pairingIds: ['no-such-pairing'], toHelperId: to }, 'demo-town-admin');
    expect(outside).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(outside).toEqual(missing);
  });
});

describe('masked views cannot be combined back into an ID number', () => {
  it("no member of a helper's households shows a birth date, a birth digit or the bind suffix", async () => {
    const { items } = await ok(call('assignments', 'listByHelper', {}, 'demo-helper'));
    expect(items.length).toBeGreaterThan(0);
    for (const { householdId } of items.slice(0, 10)) {
      const view = await ok(call('households', 'get', { householdId }, 'demo-helper'));
      const stored = (await db().collection('households').doc(householdId).get()).data[0];
      view.members.forEach((m: Record<string, unknown>, i: number) => {
        const full: string = stored.members[i].idNumber;
        expect(m).not.toHaveProperty('birthDate');
        expect(typeof m.age).toBe('number');
        const shown = String(m.idNumber);
        // Characters 7–14 are the birth date and the last 6 are what binding asks for: none of them is shown.
        for (let k = 6; k < 16; k++) expect(shown[k]).toBe('*');
        expect(shown).not.toContain(full.slice(-6));
        expect(JSON.stringify(view)).not.toContain(full);
      });
    }
  });
});

describe('a registry import never reaches a household outside the caller region', () => {
  async function sheetOf(rows: Record<string, string>[]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('建档立卡户');
    sheet.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header }));
    sheet.addRows(rows);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it("a town admin's row with another town's member ID number is a row error naming nothing, and nothing is written", async () => {
    const foreign = await firstHousehold({ townId: 'town-2' });
    const own = await firstHousehold({ townId: 'town-1' });
    const names = await regionNames([own.townId, own.villageId]);
    // One row: the foreign household's first member, moved into the admin's own village, as the only member.
    const [row] = householdRows(foreign, names.get(own.townId)!, names.get(own.villageId)!);
    const fileId = await uploadAs('demo-town-admin', await sheetOf([{ ...row, relation: '户主', code: `X-${++seq}`, income: '99999' }]));

    const checked = await ok(call('households', 'importXlsx', { fileId }, 'demo-town-admin'));
    expect(checked).toMatchObject({ valid: 0, written: 0 });
    expect(checked.errors).toHaveLength(1);
    expect(checked.errors[0].message).toMatch(/不能在此导入/);
    expect(checked.errors[0].message).not.toContain(foreign.code);
    expect(checked.errors[0].message).not.toContain(foreign.headName);

    const confirmed = await ok(call('households', 'importXlsx', { fileId, confirm: true }, 'demo-town-admin'));
    expect(confirmed.written).toBe(0);
    const after = (await db().collection('households').doc(foreign._id).get()).data[0];
    expect(after).toMatchObject({ townId: foreign.townId, villageId: foreign.villageId, version: foreign.version, headName: foreign.headName });
    expect(after.members).toHaveLength(foreign.members.length);
    expect((await audits('registry_clash')).some((a) => a.householdId === foreign._id && a.detail?.via === 'import')).toBe(true);
  });

  it("using another town's household code in a sheet is refused the same way", async () => {
    const foreign = await firstHousehold({ townId: 'town-2' });
    const own = await firstHousehold({ townId: 'town-1' });
    const names = await regionNames([own.townId, own.villageId]);
    const [row] = householdRows(own, names.get(own.townId)!, names.get(own.villageId)!);
    const fileId = await uploadAs('demo-town-admin', await sheetOf([{ ...row, relation: '户主', code: foreign.code, idNumber: freshIdNumber() }]));
    const checked = await ok(call('households', 'importXlsx', { fileId }, 'demo-town-admin'));
    expect(checked.errors.map((e: { message: string }) => e.message)).toEqual([expect.stringMatching(/不能在此导入/)]);
    expect(checked.errors[0].message).not.toContain(foreign.headName);
  });
});
