import { clock } from '../../cloudfunctions/core/clock';
import { getDb } from '../../cloudfunctions/core/store';
import { seedDocuments } from '../../scripts/deploy/desired';
import { DEFAULT_MONITORING_VALUES } from '../../types/monitoring';
import { callRaw, call, freshDemoStore, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ seed: false });
});
afterAll(() => {
  clock.set(null);
  store.close();
});

const SPEC_EXAMPLE = {
  date: '2025-06-01',
  household: {
    status: 'exited_enjoying',
    housingGrade: 'B',
    safeWater: true,
    emergencyInLast90Days: false,
    incomes: [
      { year: 2023, amount: 30000 },
      { year: 2024, amount: 18000 },
    ],
    medicalExpenses: [{ date: '2025-03-01', outOfPocket: 12000 }],
    members: [{ birthDate: '1960-01-01', schooling: 'none', laborCapacity: 'none', hasSupporter: false }],
  },
};

describe('monitoring.assess (the family self-check, no login)', () => {
  it('answers anyone, with one entry per household rule and per member for member rules, each with reasons', async () => {
    const answer = await ok(call('monitoring', 'assess', SPEC_EXAMPLE));
    expect(answer.risks.map((r) => [r.rule, r.member, r.triggered])).toEqual([
      ['income_below_line', null, false],
      ['income_drop', null, true],
      ['medical_burden', null, true],
      ['sudden_hardship', null, false],
      ['housing_unsafe', null, false],
      ['water_unsafe', null, false],
      ['dropout_risk', 0, false],
      ['no_support', null, true],
    ]);
    expect(answer.risks.find((r) => r.rule === 'income_drop')!.reasons).toEqual(['2023 年人均纯收入 30,000 元，2024 年 18,000 元，下降 40%，达到 30%']);
    expect(answer).toMatchObject({ level: 'high', suggestedType: 'sudden_hardship' });
  });

  it('without a date assesses on today in China time', async () => {
    clock.set('2024-12-31T16:30:00.000Z'); // 00:30 on 1 January 2025 in China: the 8,500 line applies
    const { date: _d, ...withoutDate } = SPEC_EXAMPLE;
    const h = { ...withoutDate, household: { ...SPEC_EXAMPLE.household, incomes: [{ year: 2024, amount: 8_200 }], medicalExpenses: [] } };
    const answer = await ok(call('monitoring', 'assess', h));
    expect(answer.risks[0]).toMatchObject({ rule: 'income_below_line', triggered: true });
    clock.set(null);
  });

  it("uses the county's stored parameters (settings/monitoring), merged over the defaults by date", async () => {
    const family = { ...SPEC_EXAMPLE, household: { ...SPEC_EXAMPLE.household, incomes: [{ year: 2024, amount: 8_200 }], medicalExpenses: [] } };
    expect((await ok(call('monitoring', 'assess', family))).risks[0]).toMatchObject({ rule: 'income_below_line', triggered: true });
    // The county lowers the 2025 line; a later date keeps the defaults' other parameters.
    await getDb()
      .collection('settings')
      .doc('monitoring')
      .set({ values: [{ from: '2025-01-01', params: { line: 8_000 } }] });
    const lowered = await ok(call('monitoring', 'assess', family));
    expect(lowered.risks[0]).toMatchObject({ rule: 'income_below_line', triggered: false });
    expect(lowered.risks.find((r) => r.rule === 'no_support')!.triggered).toBe(true);
    await getDb().collection('settings').doc('monitoring').remove();
  });

  it('refuses a malformed family in Chinese, naming the field', async () => {
    const answer = await callRaw('monitoring', 'assess', { household: { status: 'none', incomes: [{ year: 2024, amount: -1 }], members: [] } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((answer as { error: { message: string } }).error.message).toMatch(/不能为负数|至少填写一位家庭成员/);
  });
});

describe('a stored household, by the same rules', () => {
  let demo: ReturnType<typeof freshDemoStore>;
  beforeAll(() => {
    store.close();
    demo = freshDemoStore();
  });
  afterAll(() => demo.close());

  it("a medical cost a helper enters makes 大额医疗支出 a risk on the household's assessment", async () => {
    clock.set('2026-11-20T04:00:00.000Z');
    const before = await ok(call('monitoring', 'assessHousehold', { householdId: 'hh-000001' }, 'demo-helper'));
    expect(before.risks.find((r) => r.rule === 'medical_burden')!.triggered).toBe(false);
    const household = await ok(call('households', 'get', { householdId: 'hh-000001' }, 'demo-helper'));
    const id = '6f1d0f8e-2b4c-4c1e-9a57-1b2c3d4e5f60';
    const payload = { id, householdId: 'hh-000001', memberId: household.members[0].id, date: '2026-10-08', outOfPocket: 12_000 };
    await ok(call('monitoring', 'addMedicalExpense', payload, 'demo-helper'));
    // Sent again (the queue re-sending): stored once.
    await ok(call('monitoring', 'addMedicalExpense', payload, 'demo-helper'));
    const after = await ok(call('monitoring', 'assessHousehold', {}, 'demo-household'));
    expect(after.risks.find((r) => r.rule === 'medical_burden')).toMatchObject({
      triggered: true,
      reasons: [expect.stringContaining('自付医疗费用 12,000 元')],
    });
    expect(after).toMatchObject({ householdId: 'hh-000001', date: '2026-11-20', level: 'high' });
  });

  it("a cost dated after today is refused next to its field; another household's member is refused", async () => {
    clock.set('2026-11-20T04:00:00.000Z');
    const household = await ok(call('households', 'get', { householdId: 'hh-000001' }, 'demo-helper'));
    const future = await call(
      'monitoring',
      'addMedicalExpense',
      { id: '6f1d0f8e-2b4c-4c1e-9a57-1b2c3d4e5f61', householdId: 'hh-000001', memberId: household.members[0].id, date: '2026-11-21', outOfPocket: 100 },
      'demo-helper',
    );
    expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '费用日期不能晚于今天', details: [{ path: 'date' }] } });
    const stranger = await call(
      'monitoring',
      'addMedicalExpense',
      { id: '6f1d0f8e-2b4c-4c1e-9a57-1b2c3d4e5f62', householdId: 'hh-000001', memberId: 'member-of-nobody', date: '2026-11-01', outOfPocket: 100 },
      'demo-helper',
    );
    expect(stranger).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'memberId' }] } });
  });
});

describe('one monitoring-parameters document: what npm run deploy writes, updateParams extends and every assess reads', () => {
  let demo: ReturnType<typeof freshDemoStore>;
  beforeAll(async () => {
    demo = freshDemoStore();
    await getDb()
      .collection('warnings')
      .where({ _id: getDb().command.exists(true) })
      .remove();
  });
  afterAll(() => {
    clock.set(null);
    demo.close();
  });

  it('a county admin raises the line from a date on: the self-check, a stored household and the sweep all read it', async () => {
    const { _id, ...deployed } = seedDocuments({}, new Date()).find((d) => d.collection === 'settings' && d.doc._id === 'monitoring')!.doc;
    await getDb().collection('settings').doc(String(_id)).set(deployed);
    clock.set('2026-11-20T04:00:00.000Z');
    const before = await ok(call('monitoring', 'getParams', {}, 'demo-admin'));
    expect(before.values.map((v) => v.from)).toEqual(DEFAULT_MONITORING_VALUES.map((v) => v.from));
    const family = { household: { status: 'none', incomes: [{ year: 2025, amount: 15_000 }], members: [{ birthDate: '1980-01-01', laborCapacity: 'full' }] } };
    expect((await ok(call('monitoring', 'assess', family))).level).toBe('none');
    const swept = await ok(call('monitoring', 'sweep', {}, 'demo-admin'));

    await ok(call('monitoring', 'updateParams', { from: '2026-12-01', params: { line: 100_000 } }, 'demo-admin'));
    const stored = (await getDb().collection('settings').doc('monitoring').get()).data[0];
    expect(stored.values.map((v: { from: string }) => v.from)).toEqual([...DEFAULT_MONITORING_VALUES.map((v) => v.from), '2026-12-01']);
    clock.set('2026-12-02T04:00:00.000Z');
    const raised = await ok(call('monitoring', 'assess', family));
    expect(raised.risks.find((r) => r.rule === 'income_below_line')!.reasons.join('')).toContain('100,000');
    expect(
      (await ok(call('monitoring', 'assessHousehold', { householdId: 'hh-000001' }, 'demo-admin'))).risks.find((r) => r.rule === 'income_below_line')!
        .triggered,
    ).toBe(true);
    const again = await ok(call('monitoring', 'sweep', {}, 'demo-admin'));
    expect(again.atRisk).toBeGreaterThan(swept.atRisk);
  });
});

describe('监测排查 and 预警', () => {
  let demo: ReturnType<typeof freshDemoStore>;
  // The sweep is counted on a county without warnings: the demo's seeded ones (every stage of 识别纳入) are taken out first.
  beforeAll(async () => {
    demo = freshDemoStore();
    await getDb()
      .collection('warnings')
      .where({ _id: getDb().command.exists(true) })
      .remove();
  });
  afterAll(() => demo.close());

  it('a sweep opens one warning per household at risk, handed to its primary helper, due in 5 working days; a second sweep opens none', async () => {
    clock.set('2026-11-20T04:00:00.000Z'); // Friday 20 November, China time
    const first = await ok(call('monitoring', 'sweep', {}, 'demo-admin'));
    expect(first.assessed).toBe(300);
    expect(first.opened).toBe(first.atRisk);
    expect(first.opened).toBeGreaterThan(0);
    const again = await ok(call('monitoring', 'sweep', {}, 'demo-admin'));
    expect(again).toMatchObject({ assessed: 300, atRisk: first.atRisk, opened: 0 });
    const list = await ok(call('monitoring', 'listWarnings', { limit: 100 }, 'demo-admin'));
    expect(list.total).toBe(first.opened);
    expect(list.items[0]).toMatchObject({ stage: 'verify', version: 1, stageStartedOn: '2026-11-20', dueOn: '2026-11-27', overdue: false });
    expect(list.items[0].risks.every((r) => r.triggered)).toBe(true);
    const mine = await ok(call('monitoring', 'listWarnings', { limit: 100 }, 'demo-helper'));
    expect(mine.items.every((w) => w.assigneeId === 'helper-1')).toBe(true);
  });

  it('a town admin sees their town only; past the due day a warning is overdue', async () => {
    const town = await ok(call('monitoring', 'listWarnings', { limit: 100 }, 'demo-town-admin'));
    expect(town.items.every((w) => w.townId === 'town-1')).toBe(true);
    clock.set('2026-11-30T04:00:00.000Z');
    const overdue = await ok(call('monitoring', 'listWarnings', { overdue: true, limit: 100 }, 'demo-town-admin'));
    expect(overdue.total).toBe(town.total);
    expect(overdue.items.every((w) => w.overdue)).toBe(true);
    const notOverdue = await ok(call('monitoring', 'listWarnings', { overdue: false, limit: 100 }, 'demo-town-admin'));
    expect(notOverdue.total).toBe(0);
  });
});

describe('a sweep after a warning closed today', () => {
  let demo: ReturnType<typeof freshDemoStore>;
  beforeAll(async () => {
    demo = freshDemoStore();
    await getDb()
      .collection('warnings')
      .where({ _id: getDb().command.exists(true) })
      .remove();
  });
  afterAll(() => demo.close());

  it("opens that household a new one under the day's next id (openWarning), the others staying as they are", async () => {
    clock.set('2026-11-20T04:00:00.000Z');
    const first = await ok(call('monitoring', 'sweep', {}, 'demo-admin'));
    const mine = await ok(call('monitoring', 'listWarnings', { limit: 1 }, 'demo-helper'));
    const closed = mine.items[0];
    await ok(call('monitoring', 'dismiss', { warningId: closed._id, version: closed.version, reason: '入户核实：收入未登记' }, 'demo-helper'));
    const again = await ok(call('monitoring', 'sweep', {}, 'demo-admin'));
    expect(again).toMatchObject({ atRisk: first.atRisk, opened: 1 });
    const ofIt = await ok(call('monitoring', 'listWarnings', { householdId: closed.householdId, limit: 10 }, 'demo-admin'));
    expect(ofIt.items.map((w) => ({ id: w._id === closed._id, open: w.open })).sort((a, b) => Number(a.open) - Number(b.open))).toEqual([
      { id: true, open: false },
      { id: false, open: true },
    ]);
    expect(ofIt.items.find((w) => w.open)).toMatchObject({ stage: 'verify', source: 'assessment', assigneeId: 'helper-1', dueOn: '2026-11-27' });
  });
});

describe('the demo county has a warning in every stage', () => {
  let demo: ReturnType<typeof freshDemoStore>;
  beforeAll(() => {
    demo = freshDemoStore({ now: '2026-11-20T04:00:00.000Z' });
  });
  afterAll(() => demo.close());

  it('verify (one overdue), village review with its notice running and run, town review, county confirmation, confirmed and dismissed', async () => {
    const all = await ok(call('monitoring', 'listWarnings', { limit: 100 }, 'demo-admin'));
    const stages = new Set(all.items.map((w) => w.stage));
    expect([...stages].sort()).toEqual(['confirmed', 'county_confirm', 'dismissed', 'town_review', 'verify', 'village_review']);
    expect(all.items.filter((w) => w.deadline === 'overdue').map((w) => w.householdId)).toContain('hh-000193');
    const notices = await ok(call('monitoring', 'noticeList', {}, 'demo-village-admin'));
    expect(notices.items.map((n) => n.householdId).sort()).toEqual(['hh-000073', 'hh-000289']);
    const running = await call(
      'monitoring',
      'advance',
      { warningId: 'warning-hh-000289', version: all.items.find((w) => w._id === 'warning-hh-000289')!.version },
      'demo-village-admin',
    );
    expect(running).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('公示期不少于 5 天') } });
    const mine = await ok(call('monitoring', 'listWarnings', { limit: 100, open: true }, 'demo-helper'));
    expect(mine.items.map((w) => w.householdId)).toEqual(expect.arrayContaining(['hh-000097', 'hh-000193', 'hh-000289']));
  });
});
