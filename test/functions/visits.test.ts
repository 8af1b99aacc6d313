import { randomUUID } from 'node:crypto';
import { clock } from '../../cloudfunctions/core/clock';
import { freshDemoStore, call, SEED_NOW, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
  clock.set(SEED_NOW);
});
afterAll(() => {
  clock.set(null);
  store.close();
});

const visit = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  householdId: 'hh-000001',
  visitedAt: '2026-11-19T10:00:00+08:00',
  occasion: 'routine',
  notes: '了解近况',
  ...over,
});

describe('visits.record', () => {
  it('stores one visit when the same id is sent twice and answers the same result', async () => {
    const v = visit();
    const first = await ok(call('visits', 'record', v, 'demo-helper'));
    const again = await ok(call('visits', 'record', v, 'demo-helper'));
    expect(again).toEqual(first);
    const list = await ok(call('visits', 'listByHousehold', { householdId: 'hh-000001', limit: 100 }, 'demo-helper'));
    expect(list.items.filter((i: any) => i._id === v.id)).toHaveLength(1);
    expect(first).toMatchObject({ helperId: 'helper-1', month: '2026-11', townId: 'town-1' });
  });

  it('refuses a different body under an existing id with CONFLICT', async () => {
    const v = visit();
    await ok(call('visits', 'record', v, 'demo-helper'));
    expect(await call('visits', 'record', { ...v, notes: '另一条' }, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('stores each of many concurrent re-sends of one id exactly once', async () => {
    const v = visit();
    const answers = await Promise.all(Array.from({ length: 8 }, () => call('visits', 'record', v, 'demo-helper')));
    expect(answers.every((a) => a.ok)).toBe(true);
    const list = await ok(call('visits', 'listByHousehold', { householdId: 'hh-000001', limit: 100 }, 'demo-helper'));
    expect(list.items.filter((i: any) => i._id === v.id)).toHaveLength(1);
  });

  it.each([
    ['in the future', '2026-11-21T10:00:00+08:00', '不能晚于现在'],
    ['more than 60 days back', '2026-09-10T10:00:00+08:00', '60 天'],
  ])('refuses a visit dated %s with a clear message', async (_case, visitedAt, message) => {
    const r = await call('visits', 'record', visit({ visitedAt }), 'demo-helper');
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } });
  });

  it('refuses a helper who is not paired with the household, without revealing it', async () => {
    const list = await ok(call('visits', 'listDue', {}, 'demo-helper'));
    const mine = new Set(list.items.map((i: any) => i.householdId));
    const other = Array.from({ length: 300 }, (_, i) => `hh-${String(i + 1).padStart(6, '0')}`).find((id) => !mine.has(id))!;
    expect(await call('visits', 'record', visit({ householdId: other }), 'demo-helper')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('accepts the doctor checklist from a doctor and refuses it from a cadre', async () => {
    const doctorItems = ['测量血压血糖'];
    expect(await call('visits', 'record', visit({ checklist: doctorItems }), 'demo-doctor')).toMatchObject({ ok: true });
    expect(await call('visits', 'record', visit({ checklist: doctorItems }), 'demo-helper')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('visits.listDue', () => {
  it('answers every paired household with a status, sorted with what needs action first', async () => {
    const list = await ok(call('visits', 'listDue', {}, 'demo-helper'));
    expect(list.month).toBe('2026-11');
    expect(list.items.length).toBe(list.total);
    expect(list.items.map((i: any) => i.householdId)).toContain('hh-000001');
    const order = { overdue: 0, due: 1, visited: 2 } as Record<string, number>;
    const plain = list.items.filter((i: any) => i.urgentNeeds === 0).map((i: any) => order[i.status]);
    expect(plain).toEqual([...plain].sort());
    expect(list.visited).toBe(list.items.filter((i: any) => i.visitedThisMonth).length);
    expect(list.items.find((i: any) => i.householdId === 'hh-000001')).toMatchObject({
      status: 'visited',
      visitedThisMonth: true,
      dueAgainReason: null,
      lastVisitedAt: expect.any(String),
    });
  });

  it('keeps a visited household counted as visited when an emergency after the visit makes it due again, and says why', async () => {
    const before = await ok(call('visits', 'listDue', {}, 'demo-helper'));
    await ok(call('needs', 'report', { id: randomUUID(), category: 'emergency', description: '房屋漏雨，老人摔伤' }, 'demo-household'));
    const after = await ok(call('visits', 'listDue', {}, 'demo-helper'));
    expect(after.items.find((i: any) => i.householdId === 'hh-000001')).toMatchObject({
      status: 'due',
      visitedThisMonth: true,
      dueAgainReason: '急难后需再次走访',
    });
    expect(after.visited).toBe(before.visited);
  });

  it('refuses households and admins', async () => {
    expect(await call('visits', 'listDue', {}, 'demo-household')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('visits', 'listDue', {}, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('visits.listByHousehold', () => {
  it('shows a household its own visits without the helper notes', async () => {
    const list = await ok(call('visits', 'listByHousehold', { householdId: 'hh-000001' }, 'demo-household'));
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((v: any) => v.notes === '')).toBe(true);
  });

  it('shows where a visit was recorded as its accuracy only, to admins and the helper who recorded it', async () => {
    const v = visit({ location: { latitude: 26.5812345, longitude: 106.7123456, accuracy: 18.4 } });
    await ok(call('visits', 'record', v, 'demo-helper'));
    const find = async (openid: string) => {
      const found = (await ok(call('visits', 'listByHousehold', { householdId: 'hh-000001', limit: 100 }, openid))).items.find((x: any) => x._id === v.id);
      if (!found) throw new Error(`${openid} does not see the visit`);
      return found;
    };
    expect((await find('demo-helper')).location).toEqual({ accuracy: 18 });
    expect((await find('demo-admin')).location).toEqual({ accuracy: 18 });
    expect((await find('demo-doctor')).location).toBeUndefined();
    expect((await find('demo-household')).location).toBeUndefined();
    expect(JSON.stringify(await find('demo-admin'))).not.toContain('26.58');
  });

  it('hides another household from a household and from an admin of another village', async () => {
    expect(await call('visits', 'listByHousehold', { householdId: 'hh-000002' }, 'demo-household')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const county = await ok(call('visits', 'listByHousehold', { householdId: 'hh-000300' }, 'demo-admin'));
    expect(county.total).toBeGreaterThanOrEqual(0);
  });
});

describe('plans and timeline', () => {
  it('lets a paired helper add a measure and record progress, which shows in the timeline', async () => {
    const measureId = randomUUID();
    await ok(
      call(
        'visits',
        'saveMeasure',
        { householdId: 'hh-000001', id: measureId, category: 'industry', title: '发展养殖', target: '年出栏 10 头' },
        'demo-helper',
      ),
    );
    const plan = await ok(call('visits', 'updateProgress', { householdId: 'hh-000001', measureId, progress: 40, note: '已购仔猪' }, 'demo-helper'));
    expect(plan.measures.find((m: any) => m.id === measureId)).toMatchObject({ progress: 40, responsibleId: 'helper-1' });
    const t = await ok(call('visits', 'timeline', { householdId: 'hh-000001' }, 'demo-helper'));
    expect(t.items.some((e: any) => e.kind === 'plan' && e.detail === '已购仔猪')).toBe(true);
    const times = t.items.map((e: any) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const own = await ok(call('visits', 'timeline', { householdId: 'hh-000001' }, 'demo-household'));
    expect(own.items.filter((e: any) => e.kind === 'plan' || e.kind === 'visit').every((e: any) => e.detail === '')).toBe(true);
  });
});

describe('reports.coverage', () => {
  it("gives the county this month's coverage by town, village, unit and helper, and the overdue list", async () => {
    const c = await ok(call('reports', 'coverage', {}, 'demo-admin'));
    expect(c.month).toBe('2026-11');
    expect(c.paired).toBe(300);
    expect(c.visited).toBeGreaterThan(0);
    expect(c.visited).toBeLessThanOrEqual(c.paired);
    expect(c.byTown).toHaveLength(3);
    expect(c.byTown.reduce((s: number, r: any) => s + r.visited, 0)).toBe(c.visited);
    expect(c.byVillage.reduce((s: number, r: any) => s + r.paired, 0)).toBe(300);
    expect(c.byUnit.length).toBeGreaterThan(0);
    expect(c.byHelper.find((r: any) => r.id === 'helper-1')).toMatchObject({ name: expect.any(String), note: expect.any(String) });
    // A village row names its town: villages of the same name in two towns stay apart.
    expect(new Set(c.byVillage.map((r: any) => r.note))).toEqual(new Set(c.byTown.map((r: any) => r.name)));
    expect(c.overdue.items.length).toBe(Math.min(c.overdue.total, 200));
  });

  it('refuses a month that does not exist or has not come yet, saying why', async () => {
    for (const month of ['2026-13', '2026-00', '11-2026']) {
      expect(await call('reports', 'coverage', { month }, 'demo-admin')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('月份格式应为 YYYY-MM') },
      });
    }
    expect(await call('reports', 'coverage', { month: '2026-12' }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '2026-12 还没有到，只能查看本月及以前的走访覆盖' },
    });
    expect(await call('reports', 'coverage', { month: '2026-10' }, 'demo-admin')).toMatchObject({ ok: true, data: { month: '2026-10' } });
  });

  it('keeps a town admin inside their town', async () => {
    const c = await ok(call('reports', 'coverage', {}, 'demo-town-admin'));
    expect(c.byTown.map((r: any) => r.id)).toEqual(['town-1']);
    expect(c.paired).toBe(100);
  });
});

describe('plan progress from a visit', () => {
  it("records the same visit's progress once however often it is sent", async () => {
    const measureId = randomUUID();
    const visitId = randomUUID();
    await ok(call('visits', 'saveMeasure', { householdId: 'hh-000001', id: measureId, category: 'employment', title: '介绍务工', target: '' }, 'demo-helper'));
    const input = { householdId: 'hh-000001', measureId, progress: 60, note: '', visitId };
    await ok(call('visits', 'updateProgress', input, 'demo-helper'));
    const again = await ok(call('visits', 'updateProgress', input, 'demo-helper'));
    expect(again.measures.find((m: any) => m.id === measureId)!.history).toHaveLength(1);
  });

  it('refuses progress from the household itself', async () => {
    const r = await call('visits', 'updateProgress', { householdId: 'hh-000001', measureId: 'x', progress: 10 }, 'demo-household');
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('reports.dashboard', () => {
  it("carries this month's visit coverage for the admin's region", async () => {
    const d = await ok(call('reports', 'dashboard', {}, 'demo-village-admin'));
    expect(d.coverage.byVillage.map((r: any) => r.id)).toEqual(['village-1-1']);
    expect(d.coverage.paired).toBe(d.households);
  });
});
