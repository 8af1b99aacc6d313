import { clock } from '../../cloudfunctions/core/clock';
import { getDb } from '../../cloudfunctions/core/store';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { workbookOf } from '../support/files';
import { freshDemoStore, call, ok } from '../support/store';
import { addOutsiders, DEMO_HOUSEHOLD } from './needs-support';

const NOW = '2026-12-01T16:30:00.000Z'; // 00:30 on 2 December, China time
const DAY = 24 * 3600 * 1000;
const later = (days: number) => new Date(new Date(NOW).getTime() + days * DAY).toISOString();
let store: ReturnType<typeof freshDemoStore>;

beforeAll(async () => {
  store = freshDemoStore();
  await addOutsiders();
  await getDb()
    .collection('users')
    .add({
      _id: 'test-admin-county-2',
      openid: 'test-county-admin-2',
      role: 'admin',
      name: '第二位县管理员',
      scope: { level: 'county', regionId: 'county-1' },
      regionPath: ['county-1'],
      active: true,
      createdAt: NOW,
    });
});
afterAll(() => {
  clock.set(null);
  store.close();
});
beforeEach(() => clock.set(NOW));

const base = { source: 'cross_inspection', category: 'visit', severity: 'major', description: '帮扶手册走访记录与实际不符' } as const;
const createFor = (householdId = DEMO_HOUSEHOLD, deadlineDays = 15, who = 'demo-admin') =>
  ok(
    call(
      'findings',
      'create',
      { ...base, subject: { kind: 'household', id: householdId }, deadline: later(deadlineDays), leadUnit: '县乡村振兴局', responsibleUnit: '青禾镇' },
      who,
    ),
  );

describe('督查整改: from a finding to 销号', () => {
  it('runs the whole loop: record, notice, claim, plan, evidence, send back, resubmit, pass by another admin, on the timeline', async () => {
    const created = await createFor();
    expect(created).toMatchObject({ status: 'recorded', version: 1, overdue: false, bucket: 'within20', responsibleId: 'helper-1', code: 'DC-2026-0009' });
    expect(created.subjectName).toMatch(/户（/);

    const noticed = await ok(call('findings', 'notice', { findingId: created._id, version: 1 }, 'demo-admin'));
    expect(noticed.notice).toMatchObject({ number: '整改通知〔2026〕3号', acknowledgedAt: null });
    const told = (await getDb().collection('outbox').where({ reason: 'finding_due' }).get()).data;
    expect(told.map((m: { userId: string }) => m.userId)).toContain('helper-1');

    let f = await ok(call('findings', 'acknowledge', { findingId: created._id, version: noticed.version }, 'demo-helper'));
    expect(f.notice!.acknowledgedBy).toBe('helper-1');
    f = await ok(call('findings', 'claim', { findingId: f._id, version: f.version }, 'demo-helper'));
    f = await ok(call('findings', 'planMeasures', { findingId: f._id, version: f.version, measures: ['重新入户核实', '补齐走访记录'] }, 'demo-helper'));
    f = await ok(
      call('findings', 'submitEvidence', { findingId: f._id, version: f.version, note: '已入户核实并补记', photos: ['cloud://evidence-1.jpg'] }, 'demo-helper'),
    );
    f = await ok(call('findings', 'requestClose', { findingId: f._id, version: f.version }, 'demo-helper'));
    expect(f).toMatchObject({ status: 'close_requested', actions: [] });

    f = await ok(call('findings', 'verify', { findingId: f._id, version: f.version, passed: false, note: '照片与户不符' }, 'demo-admin'));
    expect(f).toMatchObject({ status: 'returned', returnReason: '照片与户不符', deadline: later(15) });
    expect((await getDb().collection('outbox').where({ reason: 'finding_returned' }).get()).data).toHaveLength(1);

    f = await ok(
      call('findings', 'submitEvidence', { findingId: f._id, version: f.version, note: '重新拍照', photos: ['cloud://evidence-2.jpg'] }, 'demo-helper'),
    );
    f = await ok(call('findings', 'requestClose', { findingId: f._id, version: f.version }, 'demo-helper'));
    f = await ok(call('findings', 'verify', { findingId: f._id, version: f.version, passed: true, note: '回头看属实' }, 'test-county-admin-2'));
    expect(f).toMatchObject({ status: 'closed', open: false, closedAt: NOW, closedOnTime: true, bucket: null, overdue: false });
    expect(f.history.map((s) => s.kind)).toEqual([
      'created',
      'notice',
      'acknowledged',
      'claimed',
      'planned',
      'evidence',
      'close_requested',
      'returned',
      'evidence',
      'close_requested',
      'passed',
    ]);
    expect(f.history.at(-1)).toMatchObject({ by: 'test-admin-county-2', byName: '第二位县管理员', byRole: 'admin', at: NOW });

    const timeline = await ok(call('visits', 'timeline', { householdId: DEMO_HOUSEHOLD, limit: 50 }, 'demo-helper'));
    expect(timeline.items.filter((e) => e.kind === 'finding').map((e) => e.title)).toContain(`督查整改 ${f.code}：验收通过，销号`);
    const household = await ok(call('visits', 'timeline', { householdId: DEMO_HOUSEHOLD, limit: 50 }, 'demo-household'));
    expect(household.items.some((e) => e.kind === 'finding')).toBe(false);
  });

  it('the admin who submitted evidence cannot verify it; a closed finding cannot be edited', async () => {
    let f = await createFor();
    for (const [action, extra] of [
      ['claim', {}],
      ['planMeasures', { measures: ['整改'] }],
      ['submitEvidence', { note: '管理员代为提交' }],
      ['requestClose', {}],
    ] as const) {
      f = await ok(call('findings', action, { findingId: f._id, version: f.version, ...extra }, 'demo-admin'));
    }
    expect(await call('findings', 'verify', { findingId: f._id, version: f.version, passed: true }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您提交过这条问题的整改佐证，验收须由其他管理员进行' },
    });
    f = await ok(call('findings', 'verify', { findingId: f._id, version: f.version, passed: true }, 'test-county-admin-2'));
    expect(await call('findings', 'submitEvidence', { findingId: f._id, version: f.version, note: '补交' }, 'demo-helper')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这条问题已销号，不能再修改' },
    });
  });

  it('a stale version answers CONFLICT with the latest finding', async () => {
    const f = await createFor();
    await ok(call('findings', 'claim', { findingId: f._id, version: 1 }, 'demo-helper'));
    const stale = await call('findings', 'claim', { findingId: f._id, version: 1 }, 'demo-admin');
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { finding: { status: 'claimed', version: 2 } } } });
  });

  it('sending back requires a reason and keeps the deadline: an overdue finding stays overdue', async () => {
    let f = await createFor(DEMO_HOUSEHOLD, 2);
    for (const [action, extra] of [
      ['claim', {}],
      ['planMeasures', { measures: ['整改'] }],
      ['submitEvidence', { note: '已整改' }],
      ['requestClose', {}],
    ] as const) {
      f = await ok(call('findings', action, { findingId: f._id, version: f.version, ...extra }, 'demo-helper'));
    }
    clock.set(later(3));
    expect(await call('findings', 'verify', { findingId: f._id, version: f.version, passed: false }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请填写退回原因' },
    });
    f = await ok(call('findings', 'verify', { findingId: f._id, version: f.version, passed: false, note: '未见实效' }, 'demo-admin'));
    expect(f).toMatchObject({ status: 'returned', overdue: true, bucket: 'overdue', daysLeft: -1 });
    const overdue = await ok(call('findings', 'list', { bucket: 'overdue', limit: 100 }, 'demo-admin'));
    expect(overdue.items.map((x) => x._id)).toContain(f._id);
    const helperList = await ok(call('findings', 'list', { limit: 100 }, 'demo-helper'));
    expect(helperList.items.find((x) => x._id === f._id)).toMatchObject({ overdue: true });
  });

  it('a deadline in the past is refused next to its field', async () => {
    const answer = await call('findings', 'create', { ...base, subject: { kind: 'household', id: DEMO_HOUSEHOLD }, deadline: later(-1) }, 'demo-admin');
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '整改时限应晚于现在', details: [{ path: 'deadline' }] } });
  });
});

describe('the demo county', () => {
  it('holds findings from several sources: some overdue, one sent back, one waiting for 回头看, some closed (one late)', async () => {
    const seeded = (await ok(call('findings', 'list', { limit: 100 }, 'demo-admin'))).items.filter((f) => f._id.startsWith('finding-seed-'));
    expect(new Set(seeded.map((f) => f.source)).size).toBeGreaterThanOrEqual(5);
    expect(seeded.filter((f) => f.overdue).length).toBeGreaterThanOrEqual(2);
    expect(seeded.map((f) => f.status)).toEqual(expect.arrayContaining(['returned', 'close_requested', 'closed', 'recorded']));
    expect(
      seeded
        .filter((f) => f.status === 'closed')
        .map((f) => f.closedOnTime)
        .sort(),
    ).toEqual([false, true]);
    const demoHelper = await ok(call('findings', 'list', { limit: 100 }, 'demo-helper'));
    expect(demoHelper.items.some((f) => f.actions.includes('claim'))).toBe(true);
  });
});

describe('who sees which findings', () => {
  it('a town admin sees their town only; a helper sees their households and what names them', async () => {
    const inTown1 = await createFor();
    const town2Household = (await getDb().collection('households').where({ townId: 'town-2' }).limit(1).get()).data[0]._id as string;
    const inTown2 = await createFor(town2Household);
    const town1 = await ok(call('findings', 'list', { limit: 100 }, 'demo-town-admin'));
    expect(town1.items.map((x) => x._id)).toContain(inTown1._id);
    expect(town1.items.map((x) => x._id)).not.toContain(inTown2._id);
    expect(await call('findings', 'get', { findingId: inTown2._id }, 'demo-town-admin')).toEqual(
      await call('findings', 'get', { findingId: 'finding-nonexistent' }, 'demo-town-admin'),
    );
    const helper = await ok(call('findings', 'list', { limit: 100 }, 'demo-helper'));
    expect(helper.items.map((x) => x._id)).not.toContain(inTown2._id);
    const filtered = await ok(call('findings', 'list', { townId: 'town-2', limit: 100 }, 'demo-town-admin'));
    expect(filtered).toEqual({ items: [], total: 0 });
  });

  it('a town admin cannot record a finding about another town; a village, unit and helper can be the subject', async () => {
    const town2Household = (await getDb().collection('households').where({ townId: 'town-2' }).limit(1).get()).data[0]._id as string;
    const refused = await call('findings', 'create', { ...base, subject: { kind: 'household', id: town2Household }, deadline: later(5) }, 'demo-town-admin');
    expect(refused).toEqual(
      await call('findings', 'create', { ...base, subject: { kind: 'household', id: 'hh-nonexistent' }, deadline: later(5) }, 'demo-town-admin'),
    );
    const village = await ok(call('findings', 'create', { ...base, subject: { kind: 'village', id: 'village-1-1' }, deadline: later(5) }, 'demo-town-admin'));
    expect(village).toMatchObject({ townId: 'town-1', villageId: 'village-1-1', responsibleId: null });
    const unit = await ok(call('findings', 'create', { ...base, subject: { kind: 'unit', id: '县教育局' }, deadline: later(5) }, 'demo-admin'));
    expect(unit).toMatchObject({ subjectName: '县教育局', townId: '', villageId: '' });
    const helperFinding = await ok(call('findings', 'create', { ...base, subject: { kind: 'helper', id: 'helper-1' }, deadline: later(5) }, 'demo-admin'));
    expect(helperFinding).toMatchObject({ subjectHelperId: 'helper-1', responsibleId: 'helper-1' });
  });

  it('stats count open findings per bucket and the on-time share of closed ones', async () => {
    const stats = await ok(call('findings', 'stats', {}, 'demo-admin'));
    expect(stats.open).toBe(Object.values(stats.buckets).reduce((a, b) => a + b, 0));
    expect(stats.closed).toBeGreaterThanOrEqual(2);
    expect(stats.onTimeRate).toBeGreaterThan(0);
  });
});

describe('deadline reminders (the dailyReminders timer)', () => {
  const fire = () => FUNCTIONS.findings({ Type: 'Timer', TriggerName: 'dailyReminders', Time: NOW });
  const reminders = async (id: string) =>
    (
      await getDb()
        .collection('outbox')
        .where({ reason: 'finding_due', page: `package-common/pages/finding/index?id=${id}` })
        .get()
    ).data;

  it('reminds the responsible person once 10 days and once 1 day before the deadline', async () => {
    const f = await createFor(DEMO_HOUSEHOLD, 12);
    expect(await fire()).toMatchObject({ ok: true });
    expect(await reminders(f._id)).toHaveLength(0);
    clock.set(later(2.5)); // 9.5 days left
    await fire();
    await fire();
    const [first] = await reminders(f._id);
    expect(await reminders(f._id)).toHaveLength(1);
    expect(first.data).toMatchObject({ thing1: { value: `${f.code} 10天内到期` }, thing3: { value: '请于12月14日 00:30前完成整改' } });
    clock.set(later(11.5)); // half a day left
    await fire();
    expect(await reminders(f._id)).toHaveLength(2);
    expect((await reminders(f._id))[1]).toMatchObject({ userId: 'helper-1', data: { thing1: { value: `${f.code} 1天内到期` } } });
  });

  it('a client cannot fire the timer: a call with an openid is an ordinary (invalid) call', async () => {
    const answer = await FUNCTIONS.findings({ Type: 'Timer', TriggerName: 'dailyReminders' }, { devOpenid: 'demo-helper' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('exports', () => {
  const sheetOf = (fileId: string) => workbookOf('demo-admin', fileId);

  it('the ledger has the county columns, one row per finding, dates as date cells in China time; audit-logged', async () => {
    const { fileId, rows } = await ok(call('findings', 'exportLedger', {}, 'demo-admin'));
    const total = (await ok(call('findings', 'list', { limit: 1 }, 'demo-admin'))).total;
    expect(rows).toBe(total);
    const sheet = (await sheetOf(fileId)).getWorksheet('督查整改台账')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '编号',
      '来源',
      '类别',
      '问题对象',
      '问题概要',
      '严重程度',
      '牵头单位',
      '责任单位',
      '责任人',
      '整改时限',
      '整改措施',
      '整改情况',
      '状态',
      '销号时间',
    ]);
    expect(sheet.rowCount).toBe(rows + 1);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('DC-2026-0001');
    const deadline = first.getCell(10).value as Date;
    const stored = (await ok(call('findings', 'get', { findingId: 'finding-seed-1' }, 'demo-admin'))).deadline;
    expect(deadline).toBeInstanceOf(Date);
    expect(deadline.toISOString().slice(0, 16)).toBe(new Date(new Date(stored).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16));
    expect((await getDb().collection('audit_logs').where({ action: 'export_findings' }).get()).data.length).toBeGreaterThan(0);
  });

  it('a town admin exports only their town', async () => {
    const { rows } = await ok(call('findings', 'exportLedger', {}, 'demo-town-admin'));
    expect(rows).toBe((await ok(call('findings', 'list', { limit: 1 }, 'demo-town-admin'))).total);
  });

  it('the notice sheet names the notice, the finding and its deadline; a finding without a notice has none', async () => {
    const { fileId } = await ok(call('findings', 'exportNotice', { findingId: 'finding-seed-1' }, 'demo-admin'));
    const sheet = (await sheetOf(fileId)).getWorksheet('限期整改通知单')!;
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).toContain('限期整改通知单');
    expect(text).toContain('整改通知〔2026〕1号');
    expect(text).toContain('DC-2026-0001');
    expect(await call('findings', 'exportNotice', { findingId: 'finding-seed-3' }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '请先下发限期整改通知单' },
    });
  });
});
