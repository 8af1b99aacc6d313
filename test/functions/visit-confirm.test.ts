import { randomUUID } from 'node:crypto';
import { clock } from '../../cloudfunctions/core/clock';
import { getDb } from '../../cloudfunctions/core/store';
import { VisitView } from '../../types/api/visits';
import { freshDemoStore, call, SEED_NOW, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(async () => {
  store = freshDemoStore();
  clock.set(SEED_NOW);
  await getDb()
    .collection('users')
    .add({
      _id: 'test-admin-town-2',
      openid: 'test-town2-admin-confirm',
      role: 'admin',
      name: '外镇管理员',
      scope: { level: 'town', regionId: 'town-2' },
      regionPath: ['county-1', 'town-2'],
      active: true,
      createdAt: SEED_NOW.toISOString(),
    });
});
afterEach(() => clock.set(SEED_NOW));
afterAll(() => {
  clock.set(null);
  store.close();
});

/** demo-helper records a visit to the demo household (hh-000001, bound to demo-household). */
async function recorded(visitedAt = '2026-11-20T10:00:00+08:00', householdId = 'hh-000001'): Promise<string> {
  const id = randomUUID();
  await ok(call('visits', 'record', { id, householdId, visitedAt, occasion: 'routine', notes: '了解近况' }, 'demo-helper'));
  return id;
}
const confirm = (visitId: string, happened: boolean, reason?: string, openid = 'demo-household') =>
  call('visits', 'confirm', { visitId, happened, ...(reason ? { reason } : {}) }, openid);
const listed = async (visitId: string, openid = 'demo-household'): Promise<any> =>
  (await ok(call('visits', 'listByHousehold', { householdId: 'hh-000001', limit: 100 }, openid))).items.find((v: any) => v._id === visitId);
const deniedAlerts = async () => (await getDb().collection('outbox').where({ reason: 'visit_denied' }).get()).data;

describe('visits.confirm', () => {
  it('a bound member confirms a visit: the answer is stored and shown on the visit list to the household and the helper', async () => {
    const id = await recorded();
    const answer = VisitView.parse(await ok(confirm(id, true)));
    expect(answer.confirmation).toMatchObject({ happened: true, at: SEED_NOW.toISOString() });
    expect((await listed(id))!.confirmation).toMatchObject({ happened: true });
    expect((await listed(id, 'demo-helper'))!.confirmation).toMatchObject({ happened: true });
  });

  it('an unanswered visit lists with confirmation null', async () => {
    const id = await recorded();
    expect((await listed(id))!.confirmation).toBeNull();
  });

  it('a denial alerts the village and the town admins, with the reason, and is listed as denied', async () => {
    const before = (await deniedAlerts()).length;
    const id = await recorded('2026-11-20T09:00:00+08:00');
    const answer = await ok(confirm(id, false, '只打了电话'));
    expect(answer.confirmation).toMatchObject({ happened: false, reason: '只打了电话' });
    const alerts = (await deniedAlerts()).slice(before);
    const admins = alerts.map((a: any) => a.userId).sort();
    const users = (await getDb().collection('users').where({ role: 'admin' }).get()).data;
    const expected = users
      .filter((u: any) => ['village-1-1', 'town-1'].includes(u.scope?.regionId) && u.active)
      .map((u: any) => u._id)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(admins).toEqual(expected);
    expect(alerts[0].data.thing3.value).toContain('只打了电话');
    expect(alerts[0].householdId).toBe('hh-000001');
    // 消息发送记录: the village and town admins' alert reaches the county admin's list too, not another town's.
    const county = await ok(call('notices', 'listOutbox', { limit: 100 }, 'demo-admin'));
    expect(county.items.filter((m: any) => m.reason === 'visit_denied').map((m: any) => m._id)).toEqual(expect.arrayContaining(alerts.map((a: any) => a._id)));
    const village = await ok(call('notices', 'listOutbox', { limit: 100 }, 'demo-village-admin'));
    expect(village.items.some((m: any) => m.reason === 'visit_denied')).toBe(true);
    const town2 = await ok(call('notices', 'listOutbox', { limit: 100 }, 'test-town2-admin-confirm'));
    expect(town2.items.some((m: any) => m.reason === 'visit_denied')).toBe(false);
  });

  it('a change of mind within the window replaces the answer and keeps the history; the same answer again changes nothing', async () => {
    const id = await recorded();
    await ok(confirm(id, false, '时间不对'));
    clock.set(new Date(SEED_NOW.getTime() + 3600_000));
    const changed = await ok(confirm(id, true));
    expect(changed.confirmation).toMatchObject({ happened: true, reason: '' });
    await ok(confirm(id, true));
    const stored = (await getDb().collection('visits').doc(id).get()).data[0];
    expect(stored.confirmationHistory.map((c: any) => c.happened)).toEqual([false, true]);
  });

  it('the reason is dropped when the visit is confirmed', async () => {
    const id = await recorded();
    expect((await ok(confirm(id, true, '随便写的'))).confirmation!.reason).toBe('');
  });

  describe('the window, with a fixed clock', () => {
    const at = '2026-11-20T10:00:00+08:00';
    it.each([
      ['allowed at the moment of the visit', '2026-11-20T10:00:00+08:00', true],
      ['allowed at the last second of the third day after', '2026-11-23T23:59:59+08:00', true],
      ['refused at the first second of the fourth day after', '2026-11-24T00:00:00+08:00', false],
      ['refused a week later', '2026-11-27T10:00:00+08:00', false],
    ])('%s', async (_name, now, allowed) => {
      const id = await recorded(at);
      clock.set(new Date(now));
      const r = await confirm(id, true);
      if (allowed) expect(r).toMatchObject({ ok: true });
      else expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('3 天内') } });
    });

    it('a visit dated ahead of now cannot be confirmed yet, and the message says why', async () => {
      const id = randomUUID();
      const stored = (await getDb().collection('visits').where({ householdId: 'hh-000001' }).limit(1).get()).data[0];
      await getDb()
        .collection('visits')
        .add({ ...stored, _id: id, visitedAt: '2026-11-21T10:00:00+08:00', confirmation: null, confirmationHistory: [] });
      expect(await confirm(id, true)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('走访之后才能确认') } });
    });
  });

  it('another household cannot answer for the visit: the same answer as for a visit that does not exist', async () => {
    const head = (await getDb().collection('households').doc('hh-000002').get()).data[0].members[0];
    await getDb().collection('users').add({
      _id: 'user-hh2',
      openid: 'test-hh2',
      role: 'household',
      name: head.name,
      householdId: 'hh-000002',
      memberId: head.id,
      regionPath: [],
      active: true,
      createdAt: SEED_NOW.toISOString(),
    });
    const id = await recorded();
    const r = await confirm(id, false, undefined, 'test-hh2');
    expect(r).toEqual({ ...(await confirm('visit-nonexistent', false, undefined, 'test-hh2')), requestId: (r as any).requestId });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await confirm('visit-nonexistent', true)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await listed(id))!.confirmation).toBeNull();
  });

  it.each(['demo-helper', 'demo-admin', 'demo-village-admin'])('%s cannot answer for a household: FORBIDDEN', async (openid) => {
    const id = await recorded();
    expect(await confirm(id, true, undefined, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses bad input next to its field', async () => {
    expect(await call('visits', 'confirm', { visitId: 'x' }, 'demo-household')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('visits', 'confirm', { visitId: 'x', happened: false, reason: '长'.repeat(101) }, 'demo-household')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('100 字') },
    });
  });
});

describe('visits.confirmations (admin: 走访确认率 and the denied or unconfirmed list)', () => {
  it('counts the month in the admin region by town, unit and helper, and lists denied and unconfirmed visits with the reason', async () => {
    const denied = await recorded('2026-11-20T08:00:00+08:00');
    await ok(confirm(denied, false, '不认识来人'));
    const yes = await recorded('2026-11-20T08:30:00+08:00');
    await ok(confirm(yes, true));
    clock.set(new Date('2026-11-25T10:00:00+08:00'));
    const report = await ok(call('visits', 'confirmations', { month: '2026-11' }, 'demo-admin'));
    expect(report.month).toBe('2026-11');
    const issue = report.issues.find((i: any) => i.visitId === denied);
    expect(issue).toMatchObject({ state: 'denied', reason: '不认识来人', householdId: 'hh-000001' });
    expect(report.issues.find((i: any) => i.visitId === yes)).toBeUndefined();
    // The seed's visits carry no answer: after their window they are unconfirmed.
    expect(report.issues.some((i: any) => i.state === 'unconfirmed')).toBe(true);
    expect(report.total.confirmed).toBeGreaterThanOrEqual(1);
    expect(report.total.visits).toBe(report.total.confirmed + report.total.denied + report.total.unconfirmed + report.total.pending);
    for (const rows of [report.byTown, report.byUnit, report.byHelper]) {
      expect(rows.reduce((n: number, r: any) => n + r.visits, 0)).toBe(report.total.visits);
    }
    expect(report.byHelper.find((r: any) => r.id === 'helper-1')!.denied).toBeGreaterThanOrEqual(1);
  });

  it("an admin of another town sees none of this town's visits", async () => {
    const denied = await recorded();
    await ok(confirm(denied, false));
    const report = await ok(call('visits', 'confirmations', { month: '2026-11' }, 'test-town2-admin-confirm'));
    expect(report.issues.find((i: any) => i.visitId === denied)).toBeUndefined();
    expect(report.byTown.map((r: any) => r.id)).not.toContain('town-1');
  });

  it('is for admins only', async () => {
    expect(await call('visits', 'confirmations', {}, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('visits', 'confirmations', {}, 'demo-household')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
