import ExcelJS from 'exceljs';
import { readAs, workbookOf, sheetRecords } from '../support/files';
import { randomUUID } from 'node:crypto';
import { getDb } from '../../cloudfunctions/core/store';
import { bulletinId, freezeBulletin } from '../../cloudfunctions/core/reports/bulletin.repository';
import { freshDemoStore, call, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: '2026-11-20T06:00:00Z' });
});
afterAll(() => store.close());

const bulletin = (month: string, openid = 'demo-admin') => ok(call('reports', 'monthlyBulletin', { month }, openid));

describe('reports.monthlyBulletin', () => {
  it('answers last month for the county: every town ranked and banded, figures that add up', async () => {
    const b = await bulletin('2026-10');
    expect(b.frozen).toBe(false);
    expect(b.byTown.map((r) => r.name).sort()).toEqual(['云溪镇', '白石乡', '青禾镇'].sort());
    expect(b.byTown.map((r) => r.band)).toEqual(['green', 'yellow', 'red']);
    expect(b.byTown.reduce((s, r) => s + r.paired, 0)).toBe(b.totals.paired);
    expect(b.byVillage.reduce((s, r) => s + r.visited, 0)).toBe(b.totals.visited);
    expect(b.byHelper.reduce((s, r) => s + r.paired, 0)).toBe(b.totals.paired);
    for (const r of [...b.byTown, ...b.byVillage, ...b.byUnit, ...b.byHelper]) {
      expect(r.coverage).toBeGreaterThanOrEqual(0);
      expect(r.coverage).toBeLessThanOrEqual(1);
    }
    expect(b.trend.map((t) => t.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(b.trend[5].visited).toBe(b.totals.visited);
    expect(b.highlights[0]).toContain(b.byTown[0].name);
    expect(b.weaknesses[0]).toContain(b.byTown[2].name);
  });

  it('shows a town admin only their town', async () => {
    const b = await bulletin('2026-10', 'demo-town-admin');
    expect(b.regionName).toBe('青禾镇');
    expect(b.byTown.map((r) => r.name)).toEqual(['青禾镇']);
    const county = await bulletin('2026-10');
    const town = county.byTown.find((r) => r.name === '青禾镇')!;
    expect([b.totals.paired, b.totals.visited, b.totals.score]).toEqual([town.paired, town.visited, town.score]);
    expect(b.byVillage.every((v) => v.note === '青禾镇')).toBe(true);
  });

  it('answers the month under way, and refuses a month not yet begun', async () => {
    expect((await bulletin('2026-11')).month).toBe('2026-11');
    const refused = await call('reports', 'monthlyBulletin', { month: '2026-12' }, 'demo-admin');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('INVALID_INPUT');
      expect(refused.error.message).toBe('2026-12 还没有开始，只能查看本月及以前的月度通报');
    }
  });
});

describe('reports.monthlyBulletin: 应享未享 of a past month (issue #15)', () => {
  it("counts the gaps open at each month's end from their kept history: a gap paid this month closes in this month only", async () => {
    const [gap] = (await getDb().collection('household_gaps').where({ open: true, policy: 'medical_premium' }).limit(1).get()).data as Array<{
      householdId: string;
      memberId: string;
      amount: number;
    }>;
    const [october, november] = [await bulletin('2026-10'), await bulletin('2026-11')];
    expect(october.totals.gapsOpen).toBeGreaterThan(0);
    await ok(
      call(
        'benefits',
        'recordDisbursement',
        { householdId: gap.householdId, policy: 'medical_premium', memberId: gap.memberId, period: '2026', amount: gap.amount, paidOn: '2026-11-20' },
        'demo-admin',
      ),
    );
    const [octoberAgain, novemberAgain] = [await bulletin('2026-10'), await bulletin('2026-11')];
    expect(octoberAgain.totals).toMatchObject({ gapsOpen: october.totals.gapsOpen, gapsClosed: october.totals.gapsClosed });
    expect(novemberAgain.totals).toMatchObject({ gapsOpen: november.totals.gapsOpen - 1, gapsClosed: november.totals.gapsClosed + 1 });
  });
});

describe('reports.publishBulletin', () => {
  /** A household of 青禾镇 with no visit in October whose primary helper can sign in. */
  async function unvisitedInOctober() {
    const db = getDb();
    const { data: rows } = await db.collection('visit_months').where({ month: '2026-10' }).field({ householdId: true }).limit(1000).get();
    const seen = new Set(rows.map((r: any) => r.householdId));
    const { data: homes } = await db.collection('households').where({ townId: 'town-1' }).field({ _id: true }).limit(1000).get();
    for (const h of homes) {
      if (seen.has(h._id)) continue;
      const {
        data: [p],
      } = await db.collection('pairings').where({ householdId: h._id, role: 'primary', active: true }).get();
      const {
        data: [helper],
      } = p ? await db.collection('users').doc(p.helperId).get() : { data: [] as any[] };
      if (helper?.openid) return { householdId: h._id as string, openid: helper.openid as string };
    }
    throw new Error('no unvisited October household with a signed-in helper in 青禾镇');
  }

  it('freezes the month: a visit recorded afterwards for October changes nothing in the published bulletin', async () => {
    const live = await bulletin('2026-10');
    const published = await ok(call('reports', 'publishBulletin', { month: '2026-10', audience: { roles: ['helper', 'admin'] } }, 'demo-admin'));
    expect(published.frozenAt).toBe('2026-11-20T06:00:00.000Z');
    const frozen = await bulletin('2026-10');
    expect(frozen.frozen).toBe(true);
    expect(frozen.frozenAt).toBe(published.frozenAt);
    expect({ ...frozen, frozen: false, frozenAt: null }).toEqual(live);

    const townBefore = await bulletin('2026-10', 'demo-town-admin');
    const target = await unvisitedInOctober();
    await ok(
      call(
        'visits',
        'record',
        { id: randomUUID(), householdId: target.householdId, visitedAt: '2026-10-28T10:00:00+08:00', occasion: 'routine', notes: '补录' },
        target.openid,
      ),
    );
    // The town's bulletin is still live and counts the visit; the county's published one does not.
    expect((await bulletin('2026-10', 'demo-town-admin')).totals.visited).toBe(townBefore.totals.visited + 1);
    expect(await bulletin('2026-10')).toEqual(frozen);
  });

  it("November's line chart shows October as published (frozen figures), not as recounted after the late visit", async () => {
    const frozen = await bulletin('2026-10');
    const november = await bulletin('2026-11');
    expect(november.trend.map((t) => t.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const october = november.trend.find((t) => t.month === '2026-10')!;
    expect(october).toEqual({ month: '2026-10', paired: frozen.totals.paired, visited: frozen.totals.visited, coverage: frozen.totals.coverage, frozen: true });
    expect(november.trend.filter((t) => t.frozen).map((t) => t.month)).toEqual(['2026-10']);
    // The town's own bulletins were never published: its October point is the live count, late visit included.
    const town = await bulletin('2026-11', 'demo-town-admin');
    expect(town.trend.find((t) => t.month === '2026-10')).toMatchObject({
      frozen: false,
      visited: (await bulletin('2026-10', 'demo-town-admin')).totals.visited,
    });
  });

  it('refuses to publish a month twice, and a month not yet begun', async () => {
    const again = await call('reports', 'publishBulletin', { month: '2026-10', audience: { roles: ['helper'] } }, 'demo-admin');
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('CONFLICT');
      expect(again.error.message).toContain('2026-10 的月度通报已由');
    }
    const future = await call('reports', 'publishBulletin', { month: '2026-12', audience: { roles: ['helper'] } }, 'demo-admin');
    expect(future.ok || future.error.code).toBe('INVALID_INPUT');
  });

  it('reaches the helpers with a notice whose card opens the bulletin page, and no attachment', async () => {
    const inbox = await ok(call('notices', 'list', { box: 'inbox', limit: 20, offset: 0 }, 'demo-helper'));
    const notice = inbox.items.find((n) => n.link?.label === '查看月度通报');
    expect(notice?.title).toBe('青禾县2026年10月月度通报');
    const id = decodeURIComponent(notice!.link!.page.split('id=')[1]);
    expect(notice!.link!.page).toMatch(/^\/package-common\/pages\/bulletin\/index\?id=/);
    expect(notice!.body).toContain('走访覆盖率');
    // Towns and units only: no household's head is named in the notice.
    const { data: heads } = await getDb().collection('households').field({ headName: true }).limit(1000).get();
    expect(heads.some((h: any) => notice!.body.includes(h.headName))).toBe(false);
    const seen = await ok(call('reports', 'publishedBulletin', { id }, 'demo-helper'));
    expect(seen).toEqual(await bulletin('2026-10'));
  });

  it("answers a bulletin outside the caller's region exactly like one never published", async () => {
    const other = await freezeBulletin({
      _id: bulletinId('town-2', '2026-10'),
      regionId: 'town-2',
      month: '2026-10',
      frozenAt: '2026-11-01T00:00:00.000Z',
      frozenBy: 'x',
      frozenByName: '他人',
      regionPath: ['county-1', 'town-2'],
      noticeId: null,
      bulletin: await bulletin('2026-10'),
    });
    const outside = await call('reports', 'publishedBulletin', { id: other._id }, 'demo-helper');
    const never = await call('reports', 'publishedBulletin', { id: 'bulletin-none' }, 'demo-helper');
    expect(outside).toEqual(never);
    expect(never.ok || never.error.code).toBe('NOT_FOUND');
    expect((await call('reports', 'publishedBulletin', { id: other._id }, 'demo-admin')).ok).toBe(true);
  });
});

describe('reports.exportBulletin and the drill-down', () => {
  it('writes a summary, a sheet per dimension and the households not visited, numbers as numbers under a frozen header', async () => {
    const b = await bulletin('2026-09', 'demo-town-admin');
    const { fileId } = await ok(call('reports', 'exportBulletin', { month: '2026-09' }, 'demo-town-admin'));
    const workbook = await workbookOf('demo-town-admin', fileId);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '按乡镇', '按村', '按单位', '按帮扶人', '当月未走访户']);
    for (const sheet of workbook.worksheets) expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const summary = sheetRecords(workbook.getWorksheet('汇总')!);
    const line = (item: string) => summary.find((r) => r['项目'].value === item)!;
    expect(line('结对户数')['本月'].value).toBe(b.totals.paired);
    expect(line('综合得分')['本月'].type).toBe(ExcelJS.ValueType.Number);
    expect(line('走访覆盖率（%）')['上月'].value).toBe(Math.round(b.prevTotals.coverage * 1000) / 10);
    expect(summary.filter((r) => r['项目'].value === '亮点').map((r) => r['说明'].value)).toEqual(b.highlights);
    const villages = sheetRecords(workbook.getWorksheet('按村')!);
    expect(villages.map((r) => r['名称'].value)).toEqual(b.byVillage.map((v) => v.name));
    expect(villages.map((r) => r['等级'].value)).toEqual(b.byVillage.map((v) => ({ green: '绿', yellow: '黄', red: '红' })[v.band]));
    expect(villages[0]['已走访户数'].type).toBe(ExcelJS.ValueType.Number);
    expect(sheetRecords(workbook.getWorksheet('当月未走访户')!)).toHaveLength(b.totals.paired - b.totals.visited);
  });

  it('drills from a village to its households not visited that month, and learns nothing of a village outside the scope', async () => {
    const b = await bulletin('2026-09', 'demo-town-admin');
    const village = [...b.byVillage].sort((x, y) => y.paired - y.visited - (x.paired - x.visited))[0];
    const { items } = await ok(call('reports', 'bulletinHouseholds', { month: '2026-09', villageId: village.id }, 'demo-town-admin'));
    expect(items).toHaveLength(village.paired - village.visited);
    expect(items.every((i) => i.villageName === village.name && i.headName && i.helperName)).toBe(true);
    const outside = await ok(call('reports', 'bulletinHouseholds', { month: '2026-09', villageId: 'village-2-1' }, 'demo-town-admin'));
    const none = await ok(call('reports', 'bulletinHouseholds', { month: '2026-09', villageId: 'village-none' }, 'demo-town-admin'));
    expect(outside).toEqual(none);
  });
});

describe('reports.ledger and exportLedger', () => {
  it('answers the three ledgers of the town, and exports them with counts as numbers', async () => {
    const unit = await ok(call('reports', 'ledger', { kind: 'unit', month: '2026-10' }, 'demo-town-admin'));
    const b = await bulletin('2026-10', 'demo-town-admin');
    expect(unit.rows.reduce((s, r) => s + r.households, 0)).toBe(b.totals.paired);
    expect(unit.rows.reduce((s, r) => s + r.visited, 0)).toBe(b.totals.visited);
    const health = await ok(call('reports', 'ledger', { kind: 'health', month: '2026-10' }, 'demo-town-admin'));
    expect(health.rows.length).toBeGreaterThan(0);
    for (const r of health.rows) {
      expect(r.checklistTotal).toBe(5);
      expect(r.notSeen).toBeLessThanOrEqual(r.members);
    }
    const education = await ok(call('reports', 'ledger', { kind: 'education', month: '2026-10' }, 'demo-town-admin'));
    expect(education.kind).toBe('education');
    const { fileId, rows } = await ok(call('reports', 'exportLedger', { kind: 'health', month: '2026-10' }, 'demo-town-admin'));
    expect(rows).toBe(health.rows.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readAs('demo-town-admin', fileId)) as any);
    const sheet = workbook.getWorksheet('卫生帮扶台账')!;
    expect(sheet.getRow(1).getCell(4).value).toBe('患病或残疾成员');
    expect(sheet.getRow(2).getCell(4).value).toBe(health.rows[0].members);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((await call('reports', 'ledger', { kind: 'unit', month: '2027-01' }, 'demo-admin')).ok).toBe(false);
  });
});
