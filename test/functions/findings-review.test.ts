import { randomUUID } from 'node:crypto';
import { clock } from '../../cloudfunctions/core/clock';
import { getDb } from '../../cloudfunctions/core/store';
import { freshDemoStore, call, ok } from '../support/store';
import { addOutsiders, DEMO_HOUSEHOLD } from './needs-support';

const NOW = '2026-12-01T02:00:00.000Z';
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

const householdsPerVillage = async () => {
  const { data } = await getDb().collection('households').where({ villageId: 'village-1-1' }).limit(1000).get();
  return data.length;
};

describe('回头看 rounds', () => {
  it('draws the same number of households in every village, and none twice until a village is exhausted', async () => {
    const first = await ok(call('findings', 'sample', { perVillage: 10, nonRegistered: 0 }, 'demo-admin'));
    expect(first).toMatchObject({ villages: 12, done: 0, perVillage: 10 });
    const items = await ok(call('findings', 'roundItems', { roundId: first._id, limit: 100 }, 'demo-admin'));
    expect(items.total).toBe(first.households);
    const all = [];
    for (let offset = 0; offset < items.total; offset += 100)
      all.push(...(await ok(call('findings', 'roundItems', { roundId: first._id, limit: 100, offset }, 'demo-admin'))).items);
    const perVillage = new Map<string, number>();
    all.forEach((i) => perVillage.set(i.villageId, (perVillage.get(i.villageId) ?? 0) + 1));
    expect(new Set(perVillage.values())).toEqual(new Set([10]));

    const second = await ok(call('findings', 'sample', { perVillage: 10, nonRegistered: 0 }, 'demo-admin'));
    const again = (await ok(call('findings', 'roundItems', { roundId: second._id, villageId: 'village-1-1', limit: 100 }, 'demo-admin'))).items.map(
      (i) => i.householdId,
    );
    const before = all.filter((i) => i.villageId === 'village-1-1').map((i) => i.householdId);
    // 上坪村 has 25 households: the second round draws 10 new ones.
    expect(await householdsPerVillage()).toBeGreaterThanOrEqual(20);
    expect(again.filter((id) => before.includes(id))).toEqual([]);
  });

  it('a town admin draws only in their town; a helper sees only the paired households of a round', async () => {
    const town = await ok(call('findings', 'sample', { perVillage: 5, nonRegistered: 0 }, 'demo-town-admin'));
    expect(town.villages).toBe(4);
    const helperView = await ok(call('findings', 'roundItems', { roundId: town._id, limit: 100 }, 'demo-helper'));
    const paired = (await getDb().collection('pairings').where({ helperId: 'helper-1', active: true }).limit(1000).get()).data.map(
      (p: { householdId: string }) => p.householdId,
    );
    expect(helperView.items.every((i) => paired.includes(i.householdId))).toBe(true);
    const other = await call('findings', 'roundItems', { roundId: town._id, limit: 10 }, 'test-nobody');
    expect(other).toMatchObject({ ok: false });
  });

  it('a household is worked by a re-check visit recorded after the draw, once', async () => {
    const round = await ok(call('findings', 'sample', { perVillage: 25, nonRegistered: 0 }, 'demo-village-admin'));
    const items = await ok(call('findings', 'roundItems', { roundId: round._id, limit: 100 }, 'demo-helper'));
    const item = items.items.find((i) => i.householdId === DEMO_HOUSEHOLD)!;
    expect(item).toBeDefined();
    const oldVisit = (await getDb().collection('visits').where({ householdId: DEMO_HOUSEHOLD }).limit(1).get()).data[0]._id as string;
    expect(
      await call('findings', 'markReviewed', { roundId: round._id, householdId: DEMO_HOUSEHOLD, outcome: 'visit', refId: oldVisit }, 'demo-helper'),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请选择本轮抽取后为该户记录的复核走访' } });
    clock.set('2026-12-01T03:00:00.000Z');
    const visit = await ok(
      call(
        'visits',
        'record',
        { id: randomUUID(), householdId: DEMO_HOUSEHOLD, visitedAt: '2026-12-01T03:00:00.000Z', occasion: 'routine', notes: '回头看复核' },
        'demo-helper',
      ),
    );
    const done = await ok(
      call('findings', 'markReviewed', { roundId: round._id, householdId: DEMO_HOUSEHOLD, outcome: 'visit', refId: visit._id }, 'demo-helper'),
    );
    expect(done).toMatchObject({ outcome: 'visit', refId: visit._id, doneBy: 'helper-1' });
    expect(
      await call('findings', 'markReviewed', { roundId: round._id, householdId: DEMO_HOUSEHOLD, outcome: 'visit', refId: visit._id }, 'demo-helper'),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该户本轮已复核' } });
    const rounds = await ok(call('findings', 'rounds', { limit: 10 }, 'demo-village-admin'));
    expect(rounds.items.find((r) => r._id === round._id)).toMatchObject({ done: 1 });
    const pending = await ok(call('findings', 'roundItems', { roundId: round._id, pending: true, limit: 100 }, 'demo-village-admin'));
    expect(pending.items.map((i) => i.householdId)).not.toContain(DEMO_HOUSEHOLD);
  });

  it('draws non-registered households besides, where the village has them', async () => {
    const { data } = await getDb().collection('households').where({ status: 'none' }).limit(1).get();
    const round = await ok(call('findings', 'sample', { perVillage: 2, nonRegistered: 5 }, 'demo-admin'));
    const items = await ok(call('findings', 'roundItems', { roundId: round._id, limit: 100 }, 'demo-admin'));
    expect(items.items.some((i) => !i.registered)).toBe(data.length > 0);
    expect(items.items.filter((i) => i.registered).length).toBe(2 * 12);
  });
});

describe('integrity checks (findings.integrity)', () => {
  it("lists a helper's visits at several households within minutes, named, in the admin's region only", async () => {
    clock.set('2026-12-01T06:00:00.000Z');
    const households = (await getDb().collection('pairings').where({ helperId: 'helper-1', active: true }).limit(3).get()).data.map(
      (p: { householdId: string }) => p.householdId,
    );
    for (const [i, householdId] of households.entries()) {
      clock.set(new Date(Date.parse('2026-12-01T06:00:00.000Z') + i * 3 * 60_000).toISOString());
      await ok(
        call('visits', 'record', { id: randomUUID(), householdId, visitedAt: clock.now().toISOString(), occasion: 'routine', notes: '连走' }, 'demo-helper'),
      );
    }
    const report = await ok(call('findings', 'integrity', { check: 'rapid_visits', month: '2026-12' }, 'demo-admin'));
    const run = report.items.find((i) => i.refs.length === 3);
    expect(run).toBeDefined();
    expect(run!.title).toMatch(/12月1日 14:00 起 10 分钟内连续走访 3 户$/);
    const town2 = await ok(call('findings', 'integrity', { check: 'rapid_visits', month: '2026-12' }, 'test-town2-admin'));
    expect(town2.items.flatMap((i) => i.refs.map((r) => r.id))).not.toContain(run!.refs[0].id);
  });

  it('every check answers for an unseeded-looking month with nothing to report', async () => {
    for (const check of ['future_visits', 'late_entries', 'rapid_visits', 'evidence_after_close'] as const) {
      const report = await ok(call('findings', 'integrity', { check, month: '2020-01' }, 'demo-town-admin'));
      expect(report).toMatchObject({ check, month: '2020-01' });
      if (check !== 'evidence_after_close') expect(report.items).toEqual([]);
    }
  });
});
