/**
 * A real county starts as `npm run deploy` leaves it: the policy catalogue, the derived-data marker,
 * its regions and one county admin, nothing else (scripts/deploy/desired.ts writes exactly these
 * documents; this store is built from the same list). Every action answers there (empty lists, zero
 * counts, refusals on the merits), never INTERNAL, and the first household registered shows up
 * where an admin looks for it.
 */
import fc from 'fast-check';
import { DEFAULT_POLICIES } from '../../cloudfunctions/core/benefits/catalogue';
import { getDb } from '../../cloudfunctions/core/store';
import { seedDocuments } from '../../scripts/deploy/desired';
import { apis, type Access } from '../../types/api';
import { idCheckChar } from '../../types';
import { validLike } from '../support/fuzz';
import { call, callRaw, freshDemoStore, ok, SEED_NOW } from '../support/store';

const ADMIN = 'wx-first-admin';
const COUNTY = {
  adminOpenid: ADMIN,
  adminName: '首任管理员',
  countyId: 'c-1',
  countyName: '新县',
  regions: { towns: [{ id: 't-1', name: '东镇', villages: [{ id: 'v-1', name: '河村' }] }] },
};

/** A fresh store holding what the deploy writes (`only` keeps just the documents of those collections). */
async function deployedStore(only?: string[]) {
  const store = freshDemoStore({ seed: false, now: SEED_NOW });
  for (const { collection, doc } of seedDocuments(COUNTY, SEED_NOW)) {
    if (!only || only.includes(collection)) await getDb().collection(collection).add(doc);
  }
  return store;
}

const adminMay = (access: Access) => access === 'public' || access === 'signedIn' || access.includes('admin');

describe('a county as npm run deploy leaves it (catalogue, regions, one admin)', () => {
  let store: Awaited<ReturnType<typeof deployedStore>>;
  beforeAll(async () => {
    store = await deployedStore();
  });
  afterAll(() => store.close());

  const actions = Object.entries(apis).flatMap(([fn, api]) =>
    Object.entries(api.actions as Record<string, { access: Access }>)
      .filter(([, spec]) => adminMay(spec.access))
      .map(([action]) => [fn, action] as const),
  );

  it.each(actions)('%s.%s answers the first admin without INTERNAL', async (fn, action) => {
    const result = await callRaw(fn as keyof typeof apis, action, {}, ADMIN);
    if (!result.ok) expect(result.error.code).not.toBe('INTERNAL');
  });

  // Plausible payloads (the ids of this county where a field names one) reach the domain code, not just the contract.
  const everyAction = Object.entries(apis).flatMap(([fn, api]) =>
    Object.entries(api.actions as Record<string, { access: Access; input: Parameters<typeof validLike>[0] }>).map(
      ([action, spec]) => [fn, action, spec] as const,
    ),
  );
  const pool = { householdId: ['hh-none'], villageId: ['v-1'], townId: ['t-1'], regionId: ['c-1', 't-1', 'v-1'], any: ['c-1', 't-1', 'v-1'] };
  it.each(everyAction)('%s.%s answers plausible payloads on the empty county without INTERNAL', async (fn, action, spec) => {
    const problems: string[] = [];
    for (const payload of fc.sample(validLike(spec.input, pool), { numRuns: 8, seed: 20261202 })) {
      const result = await callRaw(fn as keyof typeof apis, action, payload, adminMay(spec.access) ? ADMIN : undefined);
      if (!result.ok && result.error.code === 'INTERNAL') problems.push(`${JSON.stringify(payload).slice(0, 200)} → ${result.error.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('lists and reports are empty, and the catalogue is complete', async () => {
    expect(await ok(call('households', 'list', {}, ADMIN))).toMatchObject({ items: [], total: 0 });
    expect(await ok(call('benefits', 'listGaps', {}, ADMIN))).toMatchObject({ items: [], total: 0 });
    expect(await ok(call('assignments', 'listUnpaired', {}, ADMIN))).toMatchObject({ items: [], total: 0 });
    expect((await ok(call('benefits', 'listPolicies', {}))).items).toHaveLength(DEFAULT_POLICIES.length);
  });

  it('the first household registered is listed and waits for a helper', async () => {
    const f = '99010119700101001';
    const created = await ok(
      call(
        'households',
        'create',
        {
          code: 'H-1',
          villageId: 'v-1',
          address: '1组',
          status: 'poor',
          identifiedYear: 2024,
          housingGrade: 'A',
          members: [{ name: '首户', relation: 'head', idNumber: f + idCheckChar(f), health: 'healthy', laborCapacity: 'full' }],
        },
        ADMIN,
      ),
    );
    expect((await ok(call('households', 'list', {}, ADMIN))).total).toBe(1);
    const unpaired = await ok(call('assignments', 'listUnpaired', {}, ADMIN));
    expect(unpaired.items.map((h) => h._id)).toEqual([created._id]);
    expect((await ok(call('benefits', 'evaluateHousehold', { householdId: created._id }, ADMIN))).decisions.length).toBeGreaterThan(0);
  });
});

describe('a fresh environment where an admin stores one policy', () => {
  let bare: Awaited<ReturnType<typeof deployedStore>>;
  beforeAll(async () => {
    // No stored catalogue at all: a store from before the deploy wrote one, or one emptied by hand.
    bare = await deployedStore(['regions', 'users']);
  });
  afterAll(() => bare.close());

  it('keeps the whole catalogue: the stored policy is merged over the defaults by code', async () => {
    await ok(call('benefits', 'updatePolicyParams', { code: 'dibao', from: '2027-01-01', params: { standard: 6000 } }, ADMIN));
    const items = (await ok(call('benefits', 'listPolicies', {}))).items;
    expect(items.map((p) => p.code)).toEqual(DEFAULT_POLICIES.map((p) => p.code));
    expect(items.find((p) => p.code === 'dibao')!.values.at(-1)).toMatchObject({ from: '2027-01-01', params: { standard: 6000 } });
    expect(items.find((p) => p.code === 'tekun')).toEqual(DEFAULT_POLICIES.find((p) => p.code === 'tekun'));
  });
});
