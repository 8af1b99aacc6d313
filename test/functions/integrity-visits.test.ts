import { randomUUID } from 'node:crypto';
import { clock } from '../../cloudfunctions/core/clock';
import { IntegrityReport } from '../../types/finding-review';
import { freshDemoStore, call, SEED_NOW, ok } from '../support/store';
import { addOutsiders } from './needs-support';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(async () => {
  store = freshDemoStore();
  clock.set(SEED_NOW);
  await addOutsiders();
});
afterAll(() => {
  clock.set(null);
  store.close();
});

const record = (over: Record<string, unknown>) =>
  call(
    'visits',
    'record',
    { id: randomUUID(), householdId: 'hh-000001', visitedAt: '2026-11-19T10:00:00+08:00', occasion: 'routine', notes: '', ...over },
    'demo-helper',
  );
const integrity = async (check: string, openid = 'demo-admin') =>
  IntegrityReport.parse(await ok(call('findings', 'integrity', { check, month: '2026-11' }, openid)));

describe('数据核查 of copied records and refused 补录', () => {
  it("flags the same long notes at two households of one helper, naming both, and only in the admin's region", async () => {
    const due = await ok(call('visits', 'listDue', {}, 'demo-helper'));
    const [a, b] = due.items.map((i: any) => i.householdId);
    const notes = `核对家庭收入，宣讲教育资助政策，查看孩子学习情况 ${randomUUID().slice(0, 6)}`;
    const first = await ok(record({ householdId: a, notes }));
    const second = await ok(record({ householdId: b, notes }));
    const report = await integrity('duplicate_content');
    const item = report.items.find((i) => i.refs.some((r) => r.id === first._id));
    expect(item).toBeDefined();
    expect(item!.title).toMatch(/^2 户的走访记录一字不差/);
    expect(item!.refs.map((r) => r.id).sort()).toEqual([first._id, second._id].sort());
    const town2 = await integrity('duplicate_content', 'test-town2-admin');
    expect(town2.items.flatMap((i) => i.refs.map((r) => r.id))).not.toContain(first._id);
  });

  it('keeps a 补录 refused past the 60 days once per visit id, and lists it with who and when', async () => {
    const id = randomUUID();
    const old = { id, visitedAt: '2026-09-01T10:00:00+08:00', notes: '补录' };
    for (let i = 0; i < 2; i++) {
      expect(await record(old)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('60 天') } });
    }
    const report = await integrity('refused_backdates');
    const mine = report.items.filter((i) => i.title.includes('2026年9月1日'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ householdId: 'hh-000001', detail: expect.stringContaining('超过 60 天') });
    expect((await integrity('refused_backdates', 'test-town2-admin')).items.filter((i) => i.householdId === 'hh-000001')).toEqual([]);
  });

  it('does not keep an attempt for a household the helper is not paired with, nor a visit dated ahead', async () => {
    const mine = new Set((await ok(call('visits', 'listDue', {}, 'demo-helper'))).items.map((i: any) => i.householdId));
    const other = Array.from({ length: 300 }, (_, i) => `hh-${String(i + 1).padStart(6, '0')}`).find((id) => !mine.has(id))!;
    const before = (await integrity('refused_backdates')).total;
    await record({ householdId: other, visitedAt: '2026-09-01T10:00:00+08:00' });
    await record({ visitedAt: '2026-11-22T10:00:00+08:00' });
    expect((await integrity('refused_backdates')).total).toBe(before);
  });
});
