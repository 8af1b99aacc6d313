/**
 * A real county starts empty: its regions, the policy catalogue and one county admin, nothing else.
 * Every action a county admin may call answers there (empty lists, zero counts), never INTERNAL, and
 * the first household registered shows up where an admin looks for it.
 */
import { DEFAULT_POLICIES } from '../../cloudfunctions/core/benefits/catalogue';
import { getDb } from '../../cloudfunctions/core/store';
import { apis, type Access } from '../../types/api';
import { idCheckChar } from '../../types';
import { call, callRaw, freshDemoStore, ok, SEED_NOW } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(async () => {
  store = freshDemoStore({ seed: false, now: SEED_NOW });
  const db = getDb();
  const regions = [
    { _id: 'c-1', name: '新县', level: 'county', parentId: null, path: ['c-1'] },
    { _id: 't-1', name: '东镇', level: 'town', parentId: 'c-1', path: ['c-1', 't-1'] },
    { _id: 'v-1', name: '河村', level: 'village', parentId: 't-1', path: ['c-1', 't-1', 'v-1'] },
  ];
  for (const r of regions) await db.collection('regions').add(r);
  for (const p of DEFAULT_POLICIES) await db.collection('policies').add(p);
  await db.collection('users').add({
    _id: 'admin-1', openid: 'wx-first-admin', role: 'admin', name: '首任管理员', scope: { level: 'county', regionId: 'c-1' },
    regionPath: ['c-1'], unit: '县扶贫办', active: true, createdAt: SEED_NOW.toISOString(),
  });
});
afterAll(() => store.close());

const adminMay = (access: Access) => access === 'public' || access === 'signedIn' || access.includes('admin');

describe('an unseeded county (regions, catalogue, one admin)', () => {
  const actions = Object.entries(apis).flatMap(([fn, api]) =>
    Object.entries(api.actions as Record<string, { access: Access }>).filter(([, spec]) => adminMay(spec.access)).map(([action]) => [fn, action] as const));

  it.each(actions)('%s.%s answers the first admin without INTERNAL', async (fn, action) => {
    const result = await callRaw(fn as keyof typeof apis, action, {}, 'wx-first-admin');
    if (!result.ok) expect(result.error.code).not.toBe('INTERNAL');
  });

  it('lists and reports are empty, and the catalogue is complete', async () => {
    expect(await ok(call('households', 'list', {}, 'wx-first-admin'))).toMatchObject({ items: [], total: 0 });
    expect(await ok(call('benefits', 'listGaps', {}, 'wx-first-admin'))).toMatchObject({ items: [], total: 0 });
    expect(await ok(call('assignments', 'listUnpaired', {}, 'wx-first-admin'))).toMatchObject({ items: [], total: 0 });
    expect((await ok(call('benefits', 'listPolicies', {}))).items).toHaveLength(DEFAULT_POLICIES.length);
  });

  it('the first household registered is listed and waits for a helper', async () => {
    const f = '99010119700101001';
    const created = await ok(call('households', 'create', {
      code: 'H-1', villageId: 'v-1', address: '1组', status: 'poor', identifiedYear: 2024, housingGrade: 'A',
      members: [{ name: '首户', relation: 'head', idNumber: f + idCheckChar(f), health: 'healthy', laborCapacity: 'full' }],
    }, 'wx-first-admin'));
    expect((await ok(call('households', 'list', {}, 'wx-first-admin'))).total).toBe(1);
    const unpaired = await ok(call('assignments', 'listUnpaired', {}, 'wx-first-admin'));
    expect(unpaired.items.map((h) => h._id)).toEqual([created._id]);
    expect((await ok(call('benefits', 'evaluateHousehold', { householdId: created._id }, 'wx-first-admin'))).decisions.length).toBeGreaterThan(0);
  });
});
