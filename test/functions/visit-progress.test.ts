/**
 * One visit, one write (issue #12): visits.record carries the plan progress a visit saw and applies
 * it to the plan of the visit's year in the same action, once however often it is sent, and never
 * for a visit the server refused. Old stored visits (measure titles, policy names) stay readable.
 */
import { randomUUID } from 'node:crypto';
import { clock } from '../../cloudfunctions/core/clock';
import { getDb } from '../../cloudfunctions/core/store';
import { call, freshDemoStore, SEED_NOW } from '../support/store';

const HH = 'hh-000001';
let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
beforeEach(() => clock.set(SEED_NOW));
afterAll(() => {
  clock.set(null);
  store.close();
});

async function ok<T = any>(p: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
  return r.data as T;
}

async function addMeasure(title: string): Promise<string> {
  const id = randomUUID();
  await ok(call('visits', 'saveMeasure', { householdId: HH, id, category: 'industry', title, target: '' }, 'demo-helper'));
  return id;
}

const plan = (year?: number) => ok(call('visits', 'getPlan', { householdId: HH, ...(year ? { year } : {}) }, 'demo-helper'));
const measureOf = async (measureId: string, year?: number) => (await plan(year)).measures.find((m: any) => m.id === measureId);
const visit = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  householdId: HH,
  visitedAt: '2026-11-19T10:00:00+08:00',
  occasion: 'routine',
  notes: '查看养殖情况',
  ...over,
});

describe('a visit with progress is one write', () => {
  it('stores the visit and its plan progress from one call, with the measures by id and the policies by code', async () => {
    const pigs = await addMeasure('发展生猪养殖');
    const work = await addMeasure('介绍外出务工');
    const v = visit({
      measureIds: [pigs],
      otherMeasure: '帮助修缮猪圈',
      progress: [
        { measureId: pigs, progress: 40 },
        { measureId: work, progress: 20 },
      ],
      policiesExplained: ['dibao', 'yulu'],
    });
    const stored = await ok(call('visits', 'record', v, 'demo-helper'));
    expect(stored).toMatchObject({ measureIds: [pigs], measures: ['发展生猪养殖', '帮助修缮猪圈'], policiesExplained: ['dibao', 'yulu'] });
    expect(await measureOf(pigs)).toMatchObject({ progress: 40, history: [{ progress: 40, visitId: v.id, at: new Date(v.visitedAt).toISOString() }] });
    expect(await measureOf(work)).toMatchObject({ progress: 20, history: [{ visitId: v.id }] });
  });

  it('records the progress once however often the same visit is sent', async () => {
    const m = await addMeasure('种植中药材');
    const v = visit({ measureIds: [m], progress: [{ measureId: m, progress: 60 }] });
    await Promise.all([1, 2, 3].map(() => ok(call('visits', 'record', v, 'demo-helper'))));
    await ok(call('visits', 'record', v, 'demo-helper'));
    expect((await measureOf(m)).history).toHaveLength(1);
  });

  it('completes the progress when the first attempt stopped after the visit was written', async () => {
    const m = await addMeasure('光伏收益分配');
    const v = visit({ measureIds: [m], progress: [{ measureId: m, progress: 70 }] });
    await ok(call('visits', 'record', v, 'demo-helper'));
    // As if the function had died between the visit and the plan write.
    const p = await plan();
    await getDb()
      .collection('plans')
      .doc(p._id)
      .update({ measures: p.measures.map((x: any) => (x.id === m ? { ...x, progress: 0, history: [] } : x)) });
    await ok(call('visits', 'record', v, 'demo-helper'));
    expect(await measureOf(m)).toMatchObject({ progress: 70, history: [{ visitId: v.id }] });
  });

  it('keeps a newer reading when a late entry (补录) with older progress arrives after it', async () => {
    const m = await addMeasure('技能培训');
    await ok(call('visits', 'record', visit({ visitedAt: '2026-11-18T10:00:00+08:00', progress: [{ measureId: m, progress: 80 }] }), 'demo-helper'));
    await ok(call('visits', 'record', visit({ visitedAt: '2026-11-02T10:00:00+08:00', progress: [{ measureId: m, progress: 30 }] }), 'demo-helper'));
    expect(await measureOf(m)).toMatchObject({ progress: 80, history: [{ progress: 80 }, { progress: 30 }] });
  });
});

describe("progress lands in the plan of the visit's year (China time)", () => {
  it("a late entry for 28 December recorded in January goes to last year's plan", async () => {
    clock.set('2026-12-10T04:00:00Z');
    const december = await addMeasure('入冬取暖保障');
    clock.set('2027-01-05T04:00:00Z');
    const january = await addMeasure('春耕备耕');
    const v = visit({ visitedAt: '2026-12-28T10:00:00+08:00', measureIds: [december], progress: [{ measureId: december, progress: 90 }] });
    expect(await ok(call('visits', 'record', v, 'demo-helper'))).toMatchObject({ month: '2026-12', measures: ['入冬取暖保障'] });
    expect(await measureOf(december, 2026)).toMatchObject({ progress: 90, history: [{ visitId: v.id }] });
    expect(await measureOf(january)).toMatchObject({ progress: 0, history: [] });
  });

  it("refuses progress on a measure of another year's plan, and stores no visit", async () => {
    clock.set('2027-01-05T04:00:00Z');
    const thisYear = await addMeasure('春季补种');
    const v = visit({ visitedAt: '2026-12-30T10:00:00+08:00', progress: [{ measureId: thisYear, progress: 50 }] });
    expect(await call('visits', 'record', v, 'demo-helper')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('帮扶计划中没有') },
    });
    const list = await ok(call('visits', 'listByHousehold', { householdId: HH, limit: 100 }, 'demo-helper'));
    expect(list.items.some((i: any) => i._id === v.id)).toBe(false);
    expect((await measureOf(thisYear)).history).toEqual([]);
  });
});

describe('a refused visit changes no plan', () => {
  it.each([
    ['dated more than 60 days back', { visitedAt: '2026-09-10T10:00:00+08:00' }, '60 天'],
    ["with a checklist that is not the helper's", { checklist: ['测量血压血糖'] }, '服务清单'],
  ])('a visit %s leaves the progress untouched', async (_case, over, message) => {
    const m = await addMeasure(`措施 ${randomUUID().slice(0, 6)}`);
    const r = await call('visits', 'record', visit({ ...over, progress: [{ measureId: m, progress: 50 }] }), 'demo-helper');
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } });
    expect(await measureOf(m)).toMatchObject({ progress: 0, history: [] });
  });

  it.each([
    ['a policy that is not a catalogue code', { policiesExplained: ['低保'] }],
    ['progress above 100', { progress: [{ measureId: 'm', progress: 120 }] }],
    ['more than 30 progress values', { progress: Array.from({ length: 31 }, (_, i) => ({ measureId: `m${i}`, progress: 1 })) }],
  ])('answers INVALID_INPUT for %s', async (_case, over) => {
    expect(await call('visits', 'record', visit(over), 'demo-helper')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.any(String) },
    });
  });
});

describe('visits stored before measures by id', () => {
  it('are still listed, and their id answers CONFLICT (not an error) to a different visit', async () => {
    const id = randomUUID();
    await getDb()
      .collection('visits')
      .add({
        _id: id,
        householdId: HH,
        helperId: 'helper-1',
        countyId: 'county-1',
        townId: 'town-1',
        villageId: 'village-1-1',
        visitedAt: '2026-11-03T02:00:00.000Z',
        month: '2026-11',
        occasion: 'routine',
        notes: '旧记录',
        photos: [],
        measures: ['宣讲政策'],
        policiesExplained: ['低保', '雨露计划'],
        checklist: [],
        createdAt: '2026-11-03T02:00:00.000Z',
      });
    const list = await ok(call('visits', 'listByHousehold', { householdId: HH, limit: 100 }, 'demo-helper'));
    expect(list.items.find((i: any) => i._id === id)).toMatchObject({ measures: ['宣讲政策'], policiesExplained: ['低保', '雨露计划'] });
    expect(await call('visits', 'record', visit({ id }), 'demo-helper')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
