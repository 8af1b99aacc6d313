import { getDb } from '../../cloudfunctions/core/store';
import { freshDemoStore, call, SEED_NOW, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeEach(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterEach(() => store.close());

const active = async (where: Record<string, unknown>) =>
  (
    await getDb()
      .collection('pairings')
      .where({ ...where, active: true })
      .limit(1000)
      .get()
  ).data;
/** A town-1 cadre other than the demo helper. */
async function otherCadre(): Promise<string> {
  const { data } = await getDb().collection('users').where({ role: 'helper', helperKind: 'cadre', 'scope.regionId': 'town-1' }).get();
  return data.find((u) => u._id !== 'helper-1')!._id;
}

describe('assignments', () => {
  it("replaces a household's primary helper, keeping the old pairing as history", async () => {
    const to = await otherCadre();
    const pairing = await ok(call('assignments', 'assign', { householdId: 'hh-000001', helperId: to, role: 'primary' }, 'demo-town-admin'));
    expect(pairing).toMatchObject({ helperId: to, role: 'primary', active: true });
    expect(await active({ householdId: 'hh-000001', role: 'primary' })).toEqual([expect.objectContaining({ helperId: to })]);
    const history = await ok(call('assignments', 'listByHousehold', { householdId: 'hh-000001', history: true }, 'demo-admin'));
    expect(history.items.filter((p: any) => p.role === 'primary').map((p: any) => [p.helperId, p.active])).toEqual([
      [to, true],
      ['helper-1', false],
    ]);
  });

  it('refuses a doctor as primary helper and a helper of another town', async () => {
    expect(await call('assignments', 'assign', { householdId: 'hh-000001', helperId: 'helper-9', role: 'education' }, 'demo-admin')).toMatchObject({
      ok: false,
    });
    const town2 = (await getDb().collection('users').where({ role: 'helper', helperKind: 'cadre', 'scope.regionId': 'town-2' }).limit(1).get()).data[0];
    const r = await call('assignments', 'assign', { householdId: 'hh-000001', helperId: town2._id, role: 'primary' }, 'demo-admin');
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('不在该户所在乡镇') } });
  });

  it('never removes a primary helper, but ends a health pairing', async () => {
    const [primary] = await active({ householdId: 'hh-000001', role: 'primary' });
    expect(await call('assignments', 'unassign', { pairingId: primary._id }, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const [health] = await active({ householdId: 'hh-000001', role: 'health' });
    expect(await ok(call('assignments', 'unassign', { pairingId: health._id }, 'demo-admin'))).toMatchObject({ active: false, until: SEED_NOW.toISOString() });
  });

  it('moves every household of a leaving helper to another in one step; each still has exactly one primary', async () => {
    const before = await active({ helperId: 'helper-1' });
    const to = await otherCadre();
    const { moved } = await ok(call('assignments', 'reassignAll', { fromHelperId: 'helper-1', toHelperId: to }, 'demo-town-admin'));
    expect(moved).toBe(before.length);
    expect(await active({ helperId: 'helper-1' })).toEqual([]);
    for (const p of before) expect(await active({ householdId: p.householdId, role: 'primary' })).toHaveLength(1);
    const load = await ok(call('assignments', 'listHelpers', { idle: true }, 'demo-town-admin'));
    expect(load.items.map((h: any) => h._id)).toContain('helper-1');
  });

  it('moves chosen pairings with reassign', async () => {
    const [a, b] = await active({ helperId: 'helper-1', role: 'primary' });
    const to = await otherCadre();
    expect(await ok(call('assignments', 'reassign', { pairingIds: [a._id, b._id], toHelperId: to }, 'demo-admin'))).toEqual({ moved: 2 });
    expect((await active({ householdId: a.householdId, role: 'primary' }))[0].helperId).toBe(to);
  });

  it('lists helpers with their load and households with no primary helper', async () => {
    const { items } = await ok(call('assignments', 'listHelpers', {}, 'demo-town-admin'));
    const demo = items.find((h: any) => h._id === 'helper-1');
    expect(demo!.primary).toBe((await active({ helperId: 'helper-1', role: 'primary' })).length);
    expect(items.every((h: any) => h.townId === 'town-1')).toBe(true);
    expect(await ok(call('assignments', 'listUnpaired', {}, 'demo-admin'))).toEqual({ items: [], total: 0 });
    const [p] = await active({ householdId: 'hh-000002', role: 'primary' });
    await getDb().collection('pairings').doc(p._id).update({ active: false });
    const unpaired = await ok(call('assignments', 'listUnpaired', {}, 'demo-admin'));
    expect(unpaired).toMatchObject({ total: 1, items: [expect.objectContaining({ _id: 'hh-000002' })] });
  });

  it("gives a village admin the helpers of the village's town", async () => {
    const { items } = await ok(call('assignments', 'listHelpers', {}, 'demo-village-admin'));
    expect(items.map((h: any) => h._id)).toContain('helper-1');
  });
});
