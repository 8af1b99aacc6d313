/**
 * 应享未享 kept as data (issue #21): after every kind of write the gaps the store keeps equal a
 * fresh evaluation of every household by core/benefits, and a closed gap stays as history.
 */
import { randomUUID } from 'node:crypto';
import { getDb } from '../../../cloudfunctions/core/store';
import { sweepHouseholds } from '../../../cloudfunctions/core/benefits/gaps.service';
import { gapsOfHouseholds, openGapsOf } from '../../../cloudfunctions/core/benefits/gap.repository';
import { ruleHouseholdsWhere } from '../../../cloudfunctions/core/households/household.repository';
import { paidKey } from '../../../cloudfunctions/core/households/paid-keys';
import { clock } from '../../../cloudfunctions/core/clock';
import { advanceGapRefresh, gapRefreshProgress, startGapRefresh } from '../../../cloudfunctions/core/maintenance/gap-refresh';
import { call, freshDemoStore, ok, SEED_NOW } from '../../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const household = async (id: string) => (await getDb().collection('households').doc(id).get()).data[0] as any;

/** Every household's open gaps as `householdId policy|member kind amount received`, sorted. */
async function fresh(): Promise<string[]> {
  const swept = await sweepHouseholds(await ruleHouseholdsWhere({}), clock.now());
  return swept.flatMap((s) => s.gaps.map((g) => `${s.household._id} ${paidKey(g.policy, g.memberId)} ${g.kind} ${g.amount} ${g.received}`)).sort();
}
async function kept(): Promise<string[]> {
  const ids = (await ruleHouseholdsWhere({})).map((h) => h._id);
  return (await openGapsOf(ids)).map((g) => `${g.householdId} ${g.key} ${g.kind} ${g.amount} ${g.received}`).sort();
}
async function expectKeptEqualsFresh(): Promise<string[]> {
  const want = await fresh();
  expect(await kept()).toEqual(want);
  return want;
}
const gapCount = async (id: string) => (await household(id)).gapCount ?? 0;

describe('kept gaps equal a fresh evaluation after every kind of write', () => {
  it('as seeded, with each household counting its open gaps', async () => {
    const gaps = await expectKeptEqualsFresh();
    expect(gaps.length).toBeGreaterThan(100);
    const first = gaps.filter((g) => g.startsWith('hh-000001 ')).length;
    expect(await gapCount('hh-000001')).toBe(first);
  });

  it('a household edit: income falls, so 低保 opens (or rises)', async () => {
    const h = await ok(call('households', 'get', { householdId: 'hh-000003' }, 'demo-admin'));
    await ok(call('households', 'update', { householdId: h._id, version: h.version, incomes: [{ year: 2025, amount: 100 }] }, 'demo-admin'));
    const gaps = await expectKeptEqualsFresh();
    expect(gaps.some((g) => g.startsWith('hh-000003 dibao|'))).toBe(true);
    expect(await gapCount('hh-000003')).toBe(gaps.filter((g) => g.startsWith('hh-000003 ')).length);
  });

  it('a 兑现 record: the gap it pays closes and stays as history with the instant it closed', async () => {
    const open = (await openGapsOf(['hh-000003'])).find((g) => g.policy === 'dibao')!;
    clock.set('2026-11-20T06:00:00.000Z');
    await ok(
      call(
        'benefits',
        'recordDisbursement',
        { householdId: 'hh-000003', policy: 'dibao', period: '2026', amount: open.amount, paidOn: '2026-11-20' },
        'demo-admin',
      ),
    );
    await expectKeptEqualsFresh();
    const history = (await gapsOfHouseholds(['hh-000003'])).find((g) => g._id === open._id)!;
    expect(history).toMatchObject({ open: false, closedAt: '2026-11-20T06:00:00.000Z', openedAt: open.openedAt });
    clock.set(SEED_NOW);
  });

  it('a status adjustment: a registered household that exits without benefits loses the gaps of the registered', async () => {
    const { data } = await getDb()
      .collection('households')
      .where({ status: 'poor', gapCount: getDb().command.gt(0) })
      .limit(1)
      .get();
    const h = await ok(call('households', 'get', { householdId: data[0]._id as string }, 'demo-admin'));
    const before = (await openGapsOf([h._id])).length;
    await ok(
      call(
        'households',
        'adjustStatus',
        { householdId: h._id, kind: 'exit', to: 'exited_not_enjoying', reason: '稳定脱贫', effectiveOn: '2026-11-01', version: h.version },
        'demo-admin',
      ),
    );
    await expectKeptEqualsFresh();
    expect((await openGapsOf([h._id])).length).toBeLessThan(before);
    expect(await gapCount(h._id)).toBe((await openGapsOf([h._id])).length);
  });

  it('an emergency need opens 临时救助, and rejecting it closes it again', async () => {
    const mine = await ok(call('assignments', 'listByHelper', {}, 'demo-helper'));
    const householdId = mine.items[1].householdId;
    expect((await kept()).some((g) => g.startsWith(`${householdId} temporary_aid|`))).toBe(false);
    const id = randomUUID();
    const need = await ok(call('needs', 'report', { id, householdId, category: 'emergency', description: '房屋倒塌' }, 'demo-helper'));
    let gaps = await expectKeptEqualsFresh();
    expect(gaps.some((g) => g.startsWith(`${householdId} temporary_aid|`))).toBe(true);
    await ok(call('needs', 'transition', { needId: id, to: 'rejected', version: need.version, note: '重复上报' }, 'demo-helper'));
    gaps = await expectKeptEqualsFresh();
    expect(gaps.some((g) => g.startsWith(`${householdId} temporary_aid|`))).toBe(false);
  });

  it('a policy parameter change re-evaluates every household in a resumable pass whose progress the admin sees', async () => {
    const before = (await kept()).filter((g) => g.includes(' dibao|')).length;
    const policy = await ok(call('benefits', 'updatePolicyParams', { code: 'dibao', from: '2026-11-20', params: { standard: 20000 } }, 'demo-admin'));
    expect(policy.refresh).toMatchObject({ status: 'done', total: expect.any(Number) });
    expect(policy.refresh.done).toBe(policy.refresh.total);
    expect(policy.refresh.changed).toBeGreaterThan(10);
    const gaps = await expectKeptEqualsFresh();
    expect(gaps.filter((g) => g.includes(' dibao|')).length).toBeGreaterThan(before + 10);
    expect(await ok(call('benefits', 'gapRefresh', {}, 'demo-admin'))).toMatchObject({ status: 'done', changed: policy.refresh.changed });
  });

  it('a pass cut off goes on from the household it reached, and a step done again writes nothing', async () => {
    await getDb().collection('household_gaps').where({ householdId: 'hh-000290', open: true }).remove();
    await startGapRefresh('测试', null, clock.now());
    const first = await advanceGapRefresh(() => clock.now(), 0);
    expect(first).toMatchObject({ status: 'running', done: 200 });
    expect(await gapRefreshProgress()).toMatchObject({ status: 'running', done: 200 });
    const second = await advanceGapRefresh(() => clock.now(), 0);
    expect(second).toMatchObject({ status: 'done', changed: 1 });
    expect(second.done).toBe(second.total);
    await expectKeptEqualsFresh();
  });
});
