import { randomUUID } from 'node:crypto';
import { clock } from '../../cloudfunctions/core/clock';
import { freshDemoStore, call } from '../support/store';
import { addOutsiders, DEMO_HOUSEHOLD, needIn, NOW, ok, report } from './needs-support';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(async () => {
  store = freshDemoStore();
  await addOutsiders();
});
afterAll(() => {
  clock.set(null);
  store.close();
});
beforeEach(() => clock.set(NOW));

describe('needs.report', () => {
  it("routes a household's emergency to its primary helper with a 24-hour deadline", async () => {
    const id = randomUUID();
    const need = await ok(report({ id, category: 'emergency', description: '老人摔伤需要送医', callbackPhone: '13800001111' }));
    expect(need).toMatchObject({
      _id: id,
      householdId: DEMO_HOUSEHOLD,
      status: 'reported',
      version: 1,
      assigneeId: 'helper-1',
      reportedBy: 'user-household-1',
      townId: 'town-1',
      villageId: 'village-1-1',
      countyId: 'county-1',
      reportedAt: NOW,
      acceptBy: '2026-11-21T02:00:00.000Z',
      deadline: '2026-11-21T02:00:00.000Z',
      overdue: false,
      escalation: 'none',
      callbackPhone: '13800001111',
    });
    expect(need.assigneeName).toEqual(expect.any(String));
  });

  it('answers a re-sent report with the stored need and stores it once', async () => {
    const body = { id: randomUUID(), category: 'housing', description: '屋顶漏雨' };
    const first = await ok(report(body));
    clock.set('2026-11-20T03:00:00.000Z');
    const again = await ok(report(body));
    expect(again).toMatchObject({ _id: first._id, version: 1, reportedAt: first.reportedAt });
    const list = await ok(call('needs', 'list', { limit: 100 }, 'demo-household'));
    expect(list.items.filter((n: any) => n._id === body.id)).toHaveLength(1);
  });

  it('refuses the same id with a different body as CONFLICT', async () => {
    const id = randomUUID();
    await ok(report({ id, category: 'living', description: '缺少过冬棉被' }));
    expect(await report({ id, category: 'living', description: '缺少过冬煤炭' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await report({ id, householdId: DEMO_HOUSEHOLD, category: 'living', description: '缺少过冬棉被' }, 'demo-helper')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it("lets a paired helper report on the household's behalf, and only for a paired household", async () => {
    const need = await ok(report({ id: randomUUID(), householdId: DEMO_HOUSEHOLD, category: 'education', description: '孩子上学缺校服' }, 'demo-doctor'));
    expect(need).toMatchObject({ reportedBy: expect.not.stringMatching('user-household-1'), assigneeId: 'helper-1', callbackPhone: undefined });
    expect(await report({ id: randomUUID(), householdId: 'hh-000299', category: 'other', description: 'x' }, 'demo-helper')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await report({ id: randomUUID(), category: 'other', description: 'x' }, 'demo-helper')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses a household reporting for another household, and admins', async () => {
    expect(await report({ id: randomUUID(), householdId: 'hh-000002', category: 'other', description: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await report({ id: randomUUID(), category: 'other', description: 'x' }, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('needs.get and needs.list scope', () => {
  it('shows a need to its household, its helpers and admins of its region, and NOT_FOUND to everyone else', async () => {
    const need = await needIn('reported', { callbackPhone: '13800002222' });
    for (const openid of ['demo-household', 'demo-helper', 'demo-doctor', 'demo-village-admin', 'demo-town-admin', 'demo-admin']) {
      expect(await call('needs', 'get', { needId: need._id }, openid)).toMatchObject({ ok: true });
    }
    for (const openid of ['test-household-2', 'helper-2', 'test-town2-admin']) {
      expect(await call('needs', 'get', { needId: need._id }, openid)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('masks the callback phone for admins and other helpers, not for the household or its assignee', async () => {
    const need = await needIn('reported', { callbackPhone: '13800002222' });
    const phoneAs = async (openid: string) => (await ok(call('needs', 'get', { needId: need._id }, openid))).callbackPhone;
    expect(await phoneAs('demo-household')).toBe('13800002222');
    expect(await phoneAs('demo-helper')).toBe('13800002222');
    expect(await phoneAs('demo-admin')).not.toContain('0000222');
    expect(await phoneAs('demo-doctor')).not.toContain('0000222');
  });

  it("gives the household its helper's phone to call, and nobody else", async () => {
    const need = await needIn('reported');
    const helperPhoneAs = async (openid: string) => (await ok(call('needs', 'get', { needId: need._id }, openid))).assigneePhone;
    expect(await helperPhoneAs('demo-household')).toMatch(/^1\d{10}$/);
    for (const openid of ['demo-helper', 'demo-doctor', 'demo-admin']) expect(await helperPhoneAs(openid)).toBeNull();
  });

  it("lists only the caller's own needs: a household its own, another town's admin none of these", async () => {
    const mine = await ok(call('needs', 'list', { limit: 100 }, 'demo-household'));
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((n: any) => n.householdId === DEMO_HOUSEHOLD)).toBe(true);
    const other = await ok(call('needs', 'list', { householdId: DEMO_HOUSEHOLD }, 'test-town2-admin'));
    expect(other.total).toBe(0);
    expect(await call('needs', 'list', { householdId: 'hh-000002' }, 'demo-household')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const village = await ok(call('needs', 'list', { limit: 100 }, 'demo-village-admin'));
    expect(village.items.every((n: any) => n.villageId === 'village-1-1')).toBe(true);
  });

  it('puts overdue needs first, longest overdue first, then open ones by deadline, then closed ones', async () => {
    await needIn('reported', { dueAt: '2026-11-18T00:00:00.000Z', acceptBy: '2026-11-18T00:00:00.000Z', description: '最早逾期' });
    await needIn('accepted', { dueAt: '2026-11-19T00:00:00.000Z', resolveBy: '2026-11-19T00:00:00.000Z', description: '其次逾期' });
    const { items } = await ok(call('needs', 'list', { limit: 100 }, 'demo-helper'));
    const firstOverdue = items.findIndex((n: any) => n.overdue);
    expect(firstOverdue).toBe(0);
    const lastOverdue = items.map((n: any) => n.overdue).lastIndexOf(true);
    expect(items.slice(0, lastOverdue + 1).every((n: any) => n.overdue)).toBe(true);
    const deadlines = items.filter((n: any) => n.deadline).map((n: any) => n.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    const firstClosed = items.findIndex((n: any) => !n.deadline);
    if (firstClosed >= 0) expect(items.slice(firstClosed).every((n: any) => !n.deadline)).toBe(true);
  });

  it('filters by state, category, overdue and unrated, and pages across the overdue and other segments', async () => {
    const byState = await ok(call('needs', 'list', { status: 'reported', limit: 100 }, 'demo-admin'));
    expect(byState.items.every((n: any) => n.status === 'reported')).toBe(true);
    const byCategory = await ok(call('needs', 'list', { category: 'medical', limit: 100 }, 'demo-admin'));
    expect(byCategory.items.every((n: any) => n.category === 'medical')).toBe(true);
    const overdue = await ok(call('needs', 'list', { overdue: true, limit: 100 }, 'demo-admin'));
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((n: any) => n.overdue)).toBe(true);
    const unrated = await ok(call('needs', 'list', { unrated: true, limit: 100 }, 'demo-admin'));
    expect(unrated.items.every((n: any) => ['resolved', 'confirmed'].includes(n.status) && n.rating === undefined)).toBe(true);
    const all = await ok(call('needs', 'list', { limit: 100 }, 'demo-admin'));
    const paged = [
      ...(await ok(call('needs', 'list', { limit: 7, offset: 0 }, 'demo-admin'))).items,
      ...(await ok(call('needs', 'list', { limit: 7, offset: 7 }, 'demo-admin'))).items,
    ];
    expect(paged.map((n: any) => n._id)).toEqual(all.items.slice(0, 14).map((n: any) => n._id));
  });
});

describe('needs.stats', () => {
  it('gives an admin time to accept, time to resolve, overdue and unrated counts for their region', async () => {
    const county = await ok(call('needs', 'stats', {}, 'demo-admin'));
    const village = await ok(call('needs', 'stats', {}, 'demo-village-admin'));
    expect(county.total).toBeGreaterThan(village.total);
    expect(county).toMatchObject({ avgHoursToAccept: expect.any(Number), avgHoursToResolve: expect.any(Number) });
    expect(county.avgHoursToAccept).toBeGreaterThan(0);
    expect(county.avgHoursToResolve).toBeGreaterThan(county.avgHoursToAccept!);
    expect(await call('needs', 'stats', {}, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
