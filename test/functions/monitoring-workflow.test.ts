/**
 * 识别纳入 (SPEC §3b) through the monitoring function, as its people do it: the household's helper
 * verifies at home, the village admin reviews with a 公示 of at least 5 days, the town admin
 * reviews, the county admin confirms — and the household becomes 监测户 through its 动态调整.
 */
import { clock } from '../../cloudfunctions/core/clock';
import { getDb } from '../../cloudfunctions/core/store';
import { openWarning } from '../../cloudfunctions/core/monitoring/warning.service';
import { findHousehold } from '../../cloudfunctions/core/households/household.repository';
import type { Assessment } from '../../types/monitoring';
import { call, freshDemoStore, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: '2026-11-20T04:00:00.000Z' });
});
afterAll(() => {
  clock.set(null);
  store.close();
});
const at = (day: string) => clock.set(`${day}T04:00:00.000Z`);

const AT_RISK: Assessment = {
  level: 'high',
  suggestedType: 'unstable',
  risks: [{ rule: 'income_below_line', member: null, triggered: true, reasons: ['2025 年家庭人均纯收入 6,000 元，低于监测范围 8,500 元'] }],
};
const open = async (householdId: string) =>
  openWarning({ now: clock.now(), user: null }, { household: (await findHousehold(householdId))!, source: 'assessment', assessment: AT_RISK });
const fail = (r: unknown) => (r as { ok: false; error: { code: string; message: string } }).error;

describe('a warning from opening to 纳入监测', () => {
  let id = '';
  let version = 1;

  it('opens at 入户核实, handed to the primary helper, due in 5 working days; opening again answers the same one', async () => {
    at('2026-11-20');
    const first = await open('hh-000001');
    const again = await open('hh-000001');
    expect(first.opened).toBe(true);
    expect(again).toMatchObject({ opened: false, warning: { _id: first.warning._id } });
    const helper = (await getDb().collection('users').where({ openid: 'demo-helper' }).get()).data[0];
    expect(first.warning).toMatchObject({ stage: 'verify', assigneeId: helper._id, stageStartedOn: '2026-11-20', dueOn: '2026-11-27' });
    id = first.warning._id;
    const mine = await ok(call('monitoring', 'listWarnings', { limit: 50, offset: 0 }, 'demo-helper'));
    expect(mine.items.find((w) => w._id === id)).toMatchObject({ householdId: 'hh-000001', stage: 'verify', version: 1, deadline: 'ok' });
  });

  it("the town admin cannot verify in the helper's place", async () => {
    const town = await call('monitoring', 'advance', { warningId: id, version }, 'demo-town-admin');
    expect(fail(town)).toMatchObject({ code: 'FORBIDDEN', message: '入户核实由负责该户的帮扶责任人或村管理员办理' });
  });

  it('a stale version is refused as CONFLICT', async () => {
    const stale = await call('monitoring', 'advance', { warningId: id, version: version + 3 }, 'demo-helper');
    expect(fail(stale)).toMatchObject({ code: 'CONFLICT', message: '该预警已被其他人办理，请刷新后再试' });
  });

  it('the helper verifies: village review begins with its notice, kept in history with who and the note', async () => {
    const w = await ok(call('monitoring', 'advance', { warningId: id, version, note: '入户核实，收入情况属实' }, 'demo-helper'));
    expect(w).toMatchObject({ stage: 'village_review', noticeFrom: '2026-11-20', noticeUntil: '2026-11-25', dueOn: '2026-12-01', version: 2 });
    expect(w.history.at(-1)).toMatchObject({
      action: 'advance',
      from: 'verify',
      to: 'village_review',
      note: '入户核实，收入情况属实',
      byName: expect.any(String),
    });
    version = w.version;
  });

  it('it can no longer be dismissed: dismissal is for verification only', async () => {
    const r = await call('monitoring', 'dismiss', { warningId: id, version, reason: '核实后不符合' }, 'demo-village-admin');
    expect(fail(r)).toMatchObject({ code: 'INVALID_INPUT', message: '只有入户核实环节可以排除，该预警已进入村级评议' });
  });

  it('the village admin cannot leave village review before the notice has run 5 days; on the 5th day after it may', async () => {
    at('2026-11-24');
    const early = await call('monitoring', 'advance', { warningId: id, version }, 'demo-village-admin');
    expect(fail(early)).toMatchObject({ code: 'INVALID_INPUT', message: '公示期不少于 5 天：自2026年11月20日起公示，2026年11月25日起才能提交乡镇审核' });
    at('2026-11-25');
    const w = await ok(call('monitoring', 'advance', { warningId: id, version, note: '评议通过，公示无异议' }, 'demo-village-admin'));
    expect(w).toMatchObject({ stage: 'town_review', dueOn: '2026-11-30' });
    version = w.version;
  });

  it("town review is the town admin's: the village admin is refused, the town admin passes it", async () => {
    const village = await call('monitoring', 'advance', { warningId: id, version }, 'demo-village-admin');
    expect(fail(village)).toMatchObject({ code: 'FORBIDDEN', message: '乡镇审核由乡镇管理员办理' });
    const w = await ok(call('monitoring', 'advance', { warningId: id, version }, 'demo-town-admin'));
    expect(w.stage).toBe('county_confirm');
    version = w.version;
  });

  it('overdue steps show red on the lists', async () => {
    at('2026-12-03');
    const board = await ok(call('monitoring', 'listWarnings', { limit: 50, offset: 0, overdue: true }, 'demo-admin'));
    expect(board.items.find((w) => w._id === id)).toMatchObject({ stage: 'county_confirm', overdue: true, deadline: 'overdue' });
  });

  it('the county admin confirms: the household becomes 监测户 of its type from that day, through its status history', async () => {
    const town = await call('monitoring', 'advance', { warningId: id, version }, 'demo-town-admin');
    expect(fail(town)).toMatchObject({ code: 'FORBIDDEN', message: '县级确认由县扶贫办管理员办理' });
    const w = await ok(call('monitoring', 'advance', { warningId: id, version }, 'demo-admin'));
    expect(w).toMatchObject({ stage: 'confirmed', open: false, deadline: 'closed' });
    expect(w.history.map((s) => s.to)).toEqual(['verify', 'village_review', 'town_review', 'county_confirm', 'confirmed']);
    const h = await ok(call('households', 'get', { householdId: 'hh-000001' }, 'demo-admin'));
    expect(h).toMatchObject({ status: 'monitored', monitoringType: 'unstable', monitoredSince: '2026-12-03' });
    expect(h.statusHistory.at(-1)).toMatchObject({
      from: 'exited_enjoying',
      to: 'monitored',
      kind: 'return_to_poverty',
      monitoringType: 'unstable',
      effectiveOn: '2026-12-03',
    });
    const timeline = await ok(call('visits', 'timeline', { householdId: 'hh-000001', limit: 50 }, 'demo-admin'));
    expect(timeline.items.find((e) => e.kind === 'status')).toMatchObject({
      title: expect.stringMatching(/→ 监测户$/),
      detail: expect.stringContaining('防返贫监测识别纳入'),
    });
    const readiness = await ok(call('monitoring', 'removalReadiness', { householdId: 'hh-000001' }, 'demo-helper'));
    expect(readiness).toMatchObject({ ready: false, monitoredSince: '2026-12-03' });
    expect(readiness.missing[0]).toBe('纳入监测不满 6 个月：2026年12月3日纳入，2027年6月3日起满 6 个月');
  });

  it('a confirmed warning takes no further step', async () => {
    const r = await call('monitoring', 'advance', { warningId: id, version: version + 1 }, 'demo-admin');
    expect(fail(r)).toMatchObject({ code: 'INVALID_INPUT', message: '该预警已纳入监测，不能再办理' });
  });
});

describe('a poor household (贫困户) at risk', () => {
  it('goes through the same four steps and is confirmed into monitoring as 新识别, its status history saying so', async () => {
    at('2026-12-07');
    const villageAdmin = (await getDb().collection('users').where({ openid: 'demo-village-admin' }).get()).data[0];
    // The demo village has no 贫困户 left: one of its exited households is set back to poor for this test.
    const _ = getDb().command;
    const poor = (
      await getDb()
        .collection('households')
        .where({ status: 'exited_enjoying', villageId: villageAdmin.scope.regionId, _id: _.neq('hh-000001') })
        .limit(1)
        .get()
    ).data[0];
    await getDb().collection('households').doc(poor._id).update({ status: 'poor' });
    const { warning } = await open(poor._id);
    const by = { verify: 'demo-village-admin', village_review: 'demo-village-admin', town_review: 'demo-town-admin', county_confirm: 'demo-admin' } as const;
    let w: { _id: string; version: number; stage: string } = warning;
    for (const day of ['2026-12-07', '2026-12-14', '2026-12-14', '2026-12-14']) {
      at(day);
      if (w.stage in by) w = await ok(call('monitoring', 'advance', { warningId: w._id, version: w.version }, by[w.stage as keyof typeof by]));
    }
    expect(w).toMatchObject({ stage: 'confirmed', open: false, suggestedType: 'unstable' });
    const h = await ok(call('households', 'get', { householdId: poor._id }, 'demo-admin'));
    expect(h).toMatchObject({ status: 'monitored', monitoringType: 'unstable', monitoredSince: '2026-12-14' });
    expect(h.statusHistory.at(-1)).toMatchObject({ from: 'poor', to: 'monitored', kind: 'new_identification', effectiveOn: '2026-12-14' });
  });
});

describe('after 风险消除', () => {
  it('the helper sees the household due for monthly follow-up visits for 6 more months', async () => {
    at('2026-12-03');
    const h = await ok(call('households', 'get', { householdId: 'hh-000001' }, 'demo-admin'));
    await ok(
      call(
        'households',
        'adjustStatus',
        {
          householdId: 'hh-000001',
          kind: 'risk_cleared',
          to: 'exited_enjoying',
          reason: '收入稳定，风险已消除',
          effectiveOn: '2026-12-03',
          version: h.version,
        },
        'demo-admin',
      ),
    );
    const due = await ok(call('visits', 'listDue', {}, 'demo-helper'));
    expect(due.items.find((i) => i.householdId === 'hh-000001')).toMatchObject({ followUpUntil: '2027-06-02' });
    expect(due.items.filter((i) => i.followUpUntil).map((i) => i.householdId)).toEqual(['hh-000001']);
  });
});

describe('dismissal at verification', () => {
  it('the helper dismisses with a reason; the warning closes with the reason in its history', async () => {
    at('2026-11-20');
    const helper = (await getDb().collection('users').where({ openid: 'demo-helper' }).get()).data[0];
    const pairings = (await getDb().collection('pairings').where({ helperId: helper._id, role: 'primary', active: true }).get()).data;
    const openIds = new Set(
      (await getDb().collection('warnings').where({ open: true }).limit(1000).get()).data.map((w: { householdId: string }) => w.householdId),
    );
    const householdId = pairings.map((p: { householdId: string }) => p.householdId).find((h: string) => h !== 'hh-000001' && !openIds.has(h))!;
    const { warning } = await open(householdId);
    const noReason = await call('monitoring', 'dismiss', { warningId: warning._id, version: warning.version, reason: '' }, 'demo-helper');
    expect(fail(noReason).code).toBe('INVALID_INPUT');
    const w = await ok(
      call(
        'monitoring',
        'dismiss',
        { warningId: warning._id, version: warning.version, reason: '入户核实：外出务工收入未登记，实际收入高于监测范围' },
        'demo-helper',
      ),
    );
    expect(w).toMatchObject({ stage: 'dismissed', open: false, dismissReason: '入户核实：外出务工收入未登记，实际收入高于监测范围' });
    expect(w.history.at(-1)).toMatchObject({ action: 'dismiss', from: 'verify', to: 'dismissed' });
  });
});

describe('monitoring parameters from a date on', () => {
  it('the county admin sets a holiday list and a shorter verification from a date; history says who; a town admin may not', async () => {
    at('2026-11-20');
    const town = await call('monitoring', 'updateParams', { from: '2026-12-01', params: { verifyDays: 3 } }, 'demo-town-admin');
    expect(fail(town)).toMatchObject({ code: 'FORBIDDEN', message: '监测参数由县级扶贫办统一调整，请联系县扶贫办' });
    const past = await call('monitoring', 'updateParams', { from: '2026-11-01', params: { verifyDays: 3 } }, 'demo-admin');
    expect(fail(past).code).toBe('INVALID_INPUT');
    const saved = await ok(call('monitoring', 'updateParams', { from: '2026-12-01', params: { verifyDays: 3 }, holidays: ['2026-12-04'] }, 'demo-admin'));
    expect(saved.values.find((v) => v.from === '2026-12-01')).toMatchObject({ params: { verifyDays: 3, line: 8_500 }, setBy: '周主任' });
    const again = await call('monitoring', 'updateParams', { from: '2026-12-01', params: { verifyDays: 4 } }, 'demo-admin');
    expect(fail(again).code).toBe('CONFLICT');
    at('2026-12-02');
    const pairings = (await getDb().collection('pairings').where({ role: 'primary', active: true, householdId: 'hh-000002' }).get()).data;
    expect(pairings.length).toBe(1);
    const { warning } = await open('hh-000002');
    // Wednesday 2 December + 3 working days: Thursday 3, (Friday 4 a holiday, the weekend), Monday 7, Tuesday 8.
    expect(warning.dueOn).toBe('2026-12-08');
  });
});

describe("assessment on each write of a household's facts", () => {
  it('an admin recording a fallen income opens a warning for the household, once, handed to its primary helper', async () => {
    at('2026-11-20');
    const before = await ok(call('households', 'get', { householdId: 'hh-000013' }, 'demo-admin'));
    const none = await ok(call('monitoring', 'listWarnings', { limit: 100, open: true }, 'demo-admin'));
    expect(none.items.some((w) => w.householdId === 'hh-000013')).toBe(false);
    const incomes = [{ year: 2025, amount: 1_000 * before.members.length }];
    const saved = await ok(call('households', 'update', { householdId: 'hh-000013', version: before.version, incomes }, 'demo-admin'));
    await ok(call('households', 'update', { householdId: 'hh-000013', version: saved.version, address: before.address }, 'demo-admin'));
    const after = await ok(call('monitoring', 'listWarnings', { limit: 100, open: true }, 'demo-admin'));
    const opened = after.items.filter((w) => w.householdId === 'hh-000013');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ stage: 'verify', source: 'assessment', level: 'high' });
    expect(opened[0].risks.map((r) => r.rule)).toContain('income_below_line');
  });

  it('an emergency need a household reports opens its warning (突发严重困难)', async () => {
    const list = await ok(call('monitoring', 'listWarnings', { limit: 100, open: true }, 'demo-admin'));
    const helper = (await getDb().collection('users').where({ openid: 'demo-helper' }).get()).data[0];
    const pairings = (await getDb().collection('pairings').where({ helperId: helper._id, role: 'primary', active: true }).get()).data;
    const monitored = new Set(
      (await getDb().collection('households').where({ status: 'monitored' }).limit(1000).get()).data.map((h: { _id: string }) => h._id),
    );
    const householdId = pairings
      .map((p: { householdId: string }) => p.householdId)
      .find((h: string) => !monitored.has(h) && !list.items.some((w) => w.householdId === h))!;
    await ok(
      call(
        'needs',
        'report',
        { id: '0b6f6c3e-6f0e-4d1a-9d55-7c1f5a2b3c4d', householdId, category: 'emergency', description: '房屋被洪水冲毁，急需安置' },
        'demo-helper',
      ),
    );
    const after = await ok(call('monitoring', 'listWarnings', { limit: 100, open: true }, 'demo-helper'));
    expect(after.items.find((w) => w.householdId === householdId)!.risks.map((r) => r.rule)).toContain('sudden_hardship');
  });
});
