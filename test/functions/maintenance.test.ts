/**
 * 数据维护 as a deployed function: a county admin rebuilds the derived data in steps that each fit
 * in the function's timeout, and each step resumes where the last stopped, ending where a rebuild
 * in one go (the local host's) would.
 */
import { getDb } from '../../cloudfunctions/core/store';
import { checkDerived, DERIVED_VERSION, derivedVersion, rebuildDerivedStep } from '../../cloudfunctions/core/maintenance/derived';
import { STEP_BUDGET_MS } from '../../cloudfunctions/core/maintenance/maintenance.service';
import { readDeployConfig } from '../../scripts/function-config';
import { call, freshDemoStore, ok, SEED_NOW } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

/** What a store written before the derived data existed looks like. */
async function forgetDerived() {
  const db = getDb();
  const _ = db.command;
  await db
    .collection('households')
    .where({ _id: _.exists(true) })
    .update({ paidKeys: _.remove(), ruleFacts: _.remove(), memberCount: _.remove() });
  await db
    .collection('visit_months')
    .where({ _id: _.exists(true) })
    .remove();
  await db.collection('settings').doc('derived').remove();
}

describe('maintenance.rebuildDerived', () => {
  it('leaves each step room inside the function timeout cloudbaserc.json gives it', () => {
    const fn = readDeployConfig().functions.find((f) => f.name === 'maintenance')!;
    expect(fn.timeout * 1000).toBeGreaterThanOrEqual(2 * STEP_BUDGET_MS);
  });

  it('a store already in step: one step, nothing to put right', async () => {
    const step = await ok(call('maintenance', 'rebuildDerived', {}, 'demo-admin'));
    expect(step).toMatchObject({ done: true, differences: { ruleFacts: 0, memberCount: 0, paidKeys: 0, visitMonths: 0 } });
    expect(step.households).toBe(step.totalHouseholds);
  });

  it('resumes step after step (each stopping after a page) until done, then records the version', async () => {
    await forgetDerived();
    expect(await ok(call('maintenance', 'derivedStatus', {}, 'demo-admin'))).toEqual({ version: 0, latest: DERIVED_VERSION, running: null });
    const steps = [];
    for (let i = 0; i < 20; i++) {
      const step = await rebuildDerivedStep(SEED_NOW, { budgetMs: 0 });
      steps.push(step);
      if (step.done) break;
      expect(await derivedVersion()).toBe(0);
      expect((await ok(call('maintenance', 'derivedStatus', {}, 'demo-admin'))).running).toEqual({
        households: step.households,
        totalHouseholds: step.totalHouseholds,
      });
    }
    const last = steps.at(-1)!;
    expect(steps.length).toBeGreaterThan(2);
    expect(steps.map((s) => s.households)).toEqual([...steps.map((s) => s.households)].sort((a, b) => a - b));
    expect(last).toMatchObject({ done: true, households: last.totalHouseholds });
    expect(last.differences).toMatchObject({ ruleFacts: last.totalHouseholds, memberCount: last.totalHouseholds, paidKeys: last.totalHouseholds });
    expect(last.differences.visitMonths).toBeGreaterThan(0);
    expect((await checkDerived()).differences).toEqual({ ruleFacts: 0, memberCount: 0, paidKeys: 0, visitMonths: 0, gaps: 0 });
    expect(await derivedVersion()).toBe(DERIVED_VERSION);
    // Finished: the next call starts a new rebuild (and finds nothing).
    expect(await ok(call('maintenance', 'rebuildDerived', {}, 'demo-admin'))).toMatchObject({ done: true, differences: { ruleFacts: 0, visitMonths: 0 } });
  });

  it('restart: true begins again from the first household', async () => {
    await rebuildDerivedStep(SEED_NOW, { budgetMs: 0 });
    const again = await rebuildDerivedStep(SEED_NOW, { budgetMs: 0, restart: true });
    expect(again.households).toBe(100);
  });

  it('town and village admins are refused: the rebuild rewrites the whole county', async () => {
    const r = await call('maintenance', 'rebuildDerived', {}, 'demo-town-admin');
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
