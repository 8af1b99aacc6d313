import { getDb } from '../../cloudfunctions/core/store';
import { idCheckChar } from '../../types';
import { freshDemoStore, call, SEED_NOW, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const idOf = (birth: string, seq: number) => {
  const f = `990301${birth}${String(seq).padStart(3, '0')}`;
  return f + idCheckChar(f);
};
const head = { name: '测试户主', relation: 'head', idNumber: idOf('19700101', 1), phone: '13911112222', health: 'healthy', laborCapacity: 'full' };
const draft = (code: string, members: any[] = [head]) => ({
  code,
  villageId: 'village-1-1',
  address: '上坪村1组1号',
  status: 'monitored',
  causes: ['illness'],
  identifiedYear: 2024,
  incomes: [{ year: 2025, amount: 12000 }],
  housingGrade: 'B',
  safeWater: true,
  members,
});

describe('households.list', () => {
  it('answers a county admin every household with the total, a page at a time', async () => {
    const page = await ok(call('households', 'list', { limit: 20, offset: 0 }, 'demo-admin'));
    expect(page.total).toBe(300);
    expect(page.items).toHaveLength(20);
    expect(page.items[0]).toMatchObject({ code: expect.any(String), headName: expect.any(String), villageName: expect.stringMatching(/村$/) });
    const next = await ok(call('households', 'list', { limit: 20, offset: 20 }, 'demo-admin'));
    expect(next.items[0]._id).not.toBe(page.items[0]._id);
  });

  it('answers a town admin only their town and a village admin only their village', async () => {
    const town = await ok(call('households', 'list', { limit: 100 }, 'demo-town-admin'));
    expect(town.total).toBe(100);
    const village = await ok(call('households', 'list', { limit: 100 }, 'demo-village-admin'));
    expect(village.items.every((h: any) => h.villageId === 'village-1-1')).toBe(true);
  });

  it('answers a helper only the households paired with them', async () => {
    const mine = await ok(call('assignments', 'listByHelper', {}, 'demo-helper'));
    const list = await ok(call('households', 'list', { limit: 100 }, 'demo-helper'));
    expect(new Set(list.items.map((h: any) => h._id))).toEqual(new Set(mine.items.map((p: any) => p.householdId)));
  });

  it.each([
    ['status', { status: 'monitored' }, (h: any) => h.status === 'monitored'],
    ['village', { villageId: 'village-1-2' }, (h: any) => h.villageId === 'village-1-2'],
    ['town', { townId: 'town-2' }, (h: any) => h.townId === 'town-2'],
    ['poverty cause', { cause: 'illness' }, (h: any) => h.causes.includes('illness')],
    ['member with a disability', { trait: 'disability' }, (h: any) => h.members.some((m: any) => m.disabilityLevel > 0)],
    ['member with chronic or serious illness', { trait: 'chronic' }, (h: any) => h.members.some((m: any) => m.health !== 'healthy')],
    ['member in school', { trait: 'in_school' }, (h: any) => h.members.some((m: any) => !['none', 'university'].includes(m.schooling))],
  ])('filters by %s and counts exactly the matching households', async (_name, filter, matches) => {
    const all = (await getDb().collection('households').limit(1000).get()).data.filter(matches as any);
    const page = await ok(call('households', 'list', { limit: 100, ...filter }, 'demo-admin'));
    expect(page.total).toBe(all.length);
    expect(page.total).toBeGreaterThan(0);
  });

  it('finds a household by head name, member name or code', async () => {
    const h = (await getDb().collection('households').doc('hh-000007').get()).data[0];
    for (const q of [h.headName, h.members.at(-1).name, h.code]) {
      const page = await ok(call('households', 'list', { q, limit: 100 }, 'demo-admin'));
      expect(page.items.map((i: any) => i._id)).toContain('hh-000007');
    }
  });
});

describe('households.get and reveal', () => {
  it('masks every ID number and phone, then reveals one for an admin and writes the audit log', async () => {
    const h = await ok(call('households', 'get', { householdId: 'hh-000001' }, 'demo-admin'));
    expect(h.members[0].idNumber).toMatch(/^\d{3}\*{13}[\dX]{2}$/);
    const stored = (await getDb().collection('households').doc('hh-000001').get()).data[0];
    const revealed = await ok(call('households', 'reveal', { householdId: 'hh-000001', memberId: h.members[0].id, field: 'idNumber' }, 'demo-admin'));
    expect(revealed.value).toBe(stored.members[0].idNumber);
    const logs = (await getDb().collection('audit_logs').where({ action: 'reveal_id_number', householdId: 'hh-000001' }).get()).data;
    expect(logs).toEqual([expect.objectContaining({ userId: 'admin-county', memberId: h.members[0].id, at: expect.any(String) })]);
    expect(JSON.stringify(logs)).not.toContain(stored.members[0].idNumber);
  });

  it('shows the bound household its own record, masked', async () => {
    const h = await ok(call('households', 'get', { householdId: 'hh-000001' }, 'demo-household'));
    expect(h.members.every((m: any) => m.idNumber.includes('*'))).toBe(true);
  });
});

describe('households.create, update and adjustStatus', () => {
  let created: any;
  it('creates a household with birth date and sex read from the ID number', async () => {
    created = await ok(call('households', 'create', draft('T-001'), 'demo-village-admin'));
    expect(created).toMatchObject({ townId: 'town-1', countyId: 'county-1', headName: '测试户主', annualNetIncome: 12000, version: 1 });
    const stored = (await getDb().collection('households').doc(created._id).get()).data[0];
    expect(stored.members[0]).toMatchObject({ birthDate: '1970-01-01', sex: 'male' });
  });

  it('refuses a second household holding an ID number already registered', async () => {
    const r = await call('households', 'create', draft('T-002'), 'demo-admin');
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('T-001') } });
  });

  it("refuses a village outside the admin's region", async () => {
    const r = await call(
      'households',
      'create',
      { ...draft('T-003', [{ ...head, idNumber: idOf('19700101', 3) }]), villageId: 'village-2-1' },
      'demo-town-admin',
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('edits a member without the unmasked ID number and keeps it', async () => {
    const h = await ok(call('households', 'get', { householdId: created._id }, 'demo-admin'));
    const m = h.members[0];
    const members = [{ id: m.id, name: '测试户主', relation: 'head', health: 'chronic', laborCapacity: 'partial' }];
    const updated = await ok(call('households', 'update', { householdId: created._id, version: h.version, members }, 'demo-admin'));
    expect(updated.version).toBe(2);
    const stored = (await getDb().collection('households').doc(created._id).get()).data[0];
    expect(stored.members[0]).toMatchObject({ idNumber: head.idNumber, phone: head.phone, health: 'chronic' });
  });

  it('refuses an edit based on an old version', async () => {
    const r = await call('households', 'update', { householdId: created._id, version: 1, address: '新地址' }, 'demo-admin');
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('exits a household with a reason and keeps the change as history; refuses an invalid transition', async () => {
    const poor = (await getDb().collection('households').where({ status: 'poor', countyId: 'county-1' }).limit(1).get()).data[0];
    const exited = await ok(
      call(
        'households',
        'adjustStatus',
        { householdId: poor._id, kind: 'exit', to: 'exited_enjoying', reason: '人均收入稳定超过标准', effectiveOn: '2026-11-01', version: poor.version },
        'demo-admin',
      ),
    );
    expect(exited.status).toBe('exited_enjoying');
    expect(exited.statusHistory.at(-1)).toMatchObject({
      from: 'poor',
      to: 'exited_enjoying',
      kind: 'exit',
      by: 'admin-county',
      reason: '人均收入稳定超过标准',
    });
    const again = await call(
      'households',
      'adjustStatus',
      { householdId: poor._id, kind: 'new_identification', to: 'poor', reason: '再次识别', effectiveOn: '2026-11-01', version: exited.version },
      'demo-admin',
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('新识别') } });
  });

  it('keeps the evidence photos of an adjustment and says who made it', async () => {
    const monitored = (await getDb().collection('households').where({ status: 'monitored', countyId: 'county-1' }).limit(1).get()).data[0];
    const photos = ['local-00000000-0000-4000-8000-000000000001.jpg', 'local-00000000-0000-4000-8000-000000000002.png'];
    const cleared = await ok(
      call(
        'households',
        'adjustStatus',
        {
          householdId: monitored._id,
          kind: 'risk_cleared',
          to: 'none',
          reason: '大病报销后收入恢复',
          effectiveOn: '2026-11-01',
          evidence: ['村评议会记录'],
          photos,
          version: monitored.version,
        },
        'demo-town-admin',
      ),
    );
    expect(cleared.statusHistory.at(-1)).toMatchObject({ kind: 'risk_cleared', evidence: ['村评议会记录'], photos, by: 'admin-town-1', byName: '吴站长' });
    const stored = (await getDb().collection('households').doc(monitored._id).get()).data[0];
    expect(stored.statusHistory.at(-1).photos).toEqual(photos);
  });

  it('refuses more than 9 evidence photos with a message naming them', async () => {
    const poor = (await getDb().collection('households').where({ status: 'poor', countyId: 'county-1' }).limit(1).get()).data[0];
    const photos = Array.from({ length: 10 }, (_, i) => `local-00000000-0000-4000-8000-00000000001${i}.jpg`);
    const r = await call(
      'households',
      'adjustStatus',
      { householdId: poor._id, kind: 'exit', to: 'exited_enjoying', reason: '收入稳定', effectiveOn: '2026-11-01', photos, version: poor.version },
      'demo-admin',
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('佐证照片最多 9 张') } });
  });
});

describe('households.list with open gaps', () => {
  it('answers exactly the households the benefits sweep finds with an open 应享未享 gap', async () => {
    const { openGapsByHousehold } = await import('../../cloudfunctions/core/benefits/gaps.service');
    const ids = (await getDb().collection('households').where({ townId: 'town-1' }).field({ _id: true }).limit(1000).get()).data.map((d) => d._id as string);
    const gaps = await openGapsByHousehold(ids, SEED_NOW);
    const expected = ids.filter((id) => (gaps.get(id) ?? 0) > 0).sort();
    expect(expected.length).toBeGreaterThan(0);
    const page = await ok(call('households', 'list', { hasGaps: true, limit: 100 }, 'demo-town-admin'));
    expect(page.total).toBe(expected.length);
    expect(page.items.map((h: any) => h._id).sort()).toEqual(expected.slice(0, 100));
  });
});
