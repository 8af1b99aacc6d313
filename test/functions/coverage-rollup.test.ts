import { randomUUID } from 'node:crypto';
import { getDb } from '../../cloudfunctions/core/store';
import { freshDemoStore, call, SEED_NOW, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => {
  store.close();
});

const coverage = () => ok(call('reports', 'coverage', {}, 'demo-admin'));

/** An overdue household (no visit this month nor last) with its primary helper's id and openid. */
async function overdueHousehold() {
  const c = await coverage();
  const db = getDb();
  for (const item of c.overdue.items) {
    const {
      data: [pairing],
    } = await db.collection('pairings').where({ householdId: item.householdId, role: 'primary', active: true }).get();
    const {
      data: [helper],
    } = await db.collection('users').doc(pairing.helperId).get();
    const {
      data: [household],
    } = await db.collection('households').doc(item.householdId).get();
    if (helper?.openid)
      return { householdId: item.householdId, villageId: household.villageId as string, helperId: helper._id as string, openid: helper.openid as string };
  }
  throw new Error('the demo county has no overdue household with a signed-in helper');
}

const row = (rows: Array<{ id: string; visited: number }>, id: string) => rows.find((r) => r.id === id)?.visited ?? 0;

/** What coverage must show, computed the slow way from every visit (the rollups must agree with it). */
async function fromVisits(month: string, prev: string) {
  const db = getDb();
  const visits: Array<{ householdId: string; helperId: string; villageId: string; month: string }> = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await db
      .collection('visits')
      .where({ month: db.command.in([month, prev]) })
      .skip(offset)
      .limit(1000)
      .get();
    visits.push(...(data as typeof visits));
    if (data.length < 1000) break;
  }
  const byVillage = new Map<string, Set<string>>();
  const either = new Set<string>();
  const byHelper = new Map<string, Set<string>>();
  for (const v of visits) {
    either.add(v.householdId);
    if (v.month !== month) continue;
    byVillage.set(v.villageId, (byVillage.get(v.villageId) ?? new Set()).add(v.householdId));
    byHelper.set(v.helperId, (byHelper.get(v.helperId) ?? new Set()).add(v.householdId));
  }
  return { byVillage, either, byHelper };
}

/** The November rollup's mark that lets "visited in either month" be counted without double-counting. */
async function visitedLastMonthToo(householdId: string): Promise<boolean> {
  const { data } = await getDb().collection('visit_months').doc(`${householdId}:2026-11`).get();
  return data[0]?.prevMonthToo === true;
}

describe('coverage from the monthly rollups', () => {
  it('agrees with counting every visit of the demo county', async () => {
    const c = await coverage();
    const truth = await fromVisits('2026-11', '2026-10');
    for (const v of c.byVillage) expect([v.id, v.visited]).toEqual([v.id, Math.min(v.paired, truth.byVillage.get(v.id)?.size ?? 0)]);
    expect(c.overdue.total).toBe(300 - truth.either.size);
    for (const h of c.byHelper) expect(h.visited).toBe(Math.min(h.paired, truth.byHelper.get(h.id)?.size ?? 0));
  });

  it('counts a recorded visit once in the village, the helper and the overdue list, however often it is re-sent', async () => {
    const target = await overdueHousehold();
    const before = await coverage();
    const visit = { id: randomUUID(), householdId: target.householdId, visitedAt: '2026-11-19T10:00:00+08:00', occasion: 'routine', notes: '了解近况' };
    await ok(call('visits', 'record', visit, target.openid));
    await ok(call('visits', 'record', visit, target.openid));
    await ok(call('visits', 'record', { ...visit, id: randomUUID(), notes: '再次走访' }, target.openid));
    const after = await coverage();
    expect(after.visited).toBe(before.visited + 1);
    expect(row(after.byVillage, target.villageId)).toBe(row(before.byVillage, target.villageId) + 1);
    expect(row(after.byHelper, target.helperId)).toBe(row(before.byHelper, target.helperId) + 1);
    expect(after.overdue.total).toBe(before.overdue.total - 1);
    expect(after.overdue.items.map((i: any) => i.householdId)).not.toContain(target.householdId);
  });

  it('takes a household off the overdue list for a late-entered visit last month without counting it this month', async () => {
    const target = await overdueHousehold();
    const before = await coverage();
    const visit = { id: randomUUID(), householdId: target.householdId, visitedAt: '2026-10-28T10:00:00+08:00', occasion: 'routine', notes: '补录' };
    await ok(call('visits', 'record', visit, target.openid));
    const after = await coverage();
    expect(after.visited).toBe(before.visited);
    expect(after.overdue.total).toBe(before.overdue.total - 1);
    // Visited this month too now: "either month" must not count the household twice.
    await ok(call('visits', 'record', { ...visit, id: randomUUID(), visitedAt: '2026-11-18T10:00:00+08:00' }, target.openid));
    const both = await coverage();
    expect(both.visited).toBe(before.visited + 1);
    expect(both.overdue.total).toBe(before.overdue.total - 1);
    const truth = await fromVisits('2026-11', '2026-10');
    expect(both.overdue.total).toBe(300 - truth.either.size);
    expect(await visitedLastMonthToo(target.householdId)).toBe(true);
  });

  it('links the months whichever of the two visits is entered first', async () => {
    const target = await overdueHousehold();
    const visit = { id: randomUUID(), householdId: target.householdId, visitedAt: '2026-11-18T10:00:00+08:00', occasion: 'routine', notes: '走访' };
    await ok(call('visits', 'record', visit, target.openid));
    expect(await visitedLastMonthToo(target.householdId)).toBe(false);
    await ok(call('visits', 'record', { ...visit, id: randomUUID(), visitedAt: '2026-10-28T10:00:00+08:00' }, target.openid));
    expect(await visitedLastMonthToo(target.householdId)).toBe(true);
  });

  it('completes the rollups when the same visit is re-sent after a write that stopped half-way', async () => {
    const due = await ok(call('visits', 'listDue', {}, 'demo-helper'));
    const householdId = due.items.find((i: any) => i.status !== 'visited')!.householdId as string;
    const before = await coverage();
    const visit = { id: randomUUID(), householdId, visitedAt: '2026-11-19T10:00:00+08:00', occasion: 'routine', notes: '断网后重发' };
    await ok(call('visits', 'record', visit, 'demo-helper'));
    // As if the function had stopped right after storing the visit: the rollups never heard of it.
    await getDb().collection('visit_months').doc(`${householdId}:2026-11`).remove();
    expect((await coverage()).visited).toBe(before.visited);
    await ok(call('visits', 'record', visit, 'demo-helper'));
    expect((await coverage()).visited).toBe(before.visited + 1);
  });
});
