/**
 * The deploy plan against a recording fake of the cloud (the port manager-node implements in real
 * runs): a fresh environment gets every collection, index, rule, function and seed document; once
 * the plan is applied, planning again is empty; a changed index, timeout or bundle plans only that.
 */
import { COLLECTIONS, INDEXES, type IndexSpec } from '../../cloudfunctions/core/store';
import { DEFAULT_POLICIES } from '../../cloudfunctions/core/benefits/catalogue';
import { readDeployConfig } from '../../scripts/function-config';
import { adminIdOf, DENY_ALL_RULE, desiredState, type DesiredFunction, type DesiredState } from '../../scripts/deploy/desired';
import { execute } from '../../scripts/deploy/execute';
import { describeStep, emptyObserved, observe, planSteps } from '../../scripts/deploy/plan';
import type { CloudPort, ObservedFunction } from '../../scripts/deploy/port';
import { credentialsFrom, parseOptions } from '../../scripts/deploy/index';

/** An environment in memory; every write is recorded as `method target`. */
function recordingCloud() {
  const collections = new Map<string, { indexes: IndexSpec[]; rule: string | null; docs: Map<string, Record<string, unknown>> }>();
  const functions = new Map<string, ObservedFunction>();
  const writes: string[] = [];
  const observed = (fn: DesiredFunction): ObservedFunction => ({
    runtime: fn.runtime,
    handler: fn.handler,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    installDependency: fn.installDependency,
    envVariables: { ...fn.envVariables },
    triggers: [...fn.triggers],
    codeHash: fn.codeHash,
  });
  const port: CloudPort = {
    listCollections: async () => [...collections.keys()],
    indexesOf: async (c) => [{ name: '_id_', fields: ['_id'], unique: true }, ...collections.get(c)!.indexes],
    ruleOf: async (c) => collections.get(c)!.rule,
    functionOf: async (name) => functions.get(name) ?? null,
    existingIds: async (c, ids) => ids.filter((id) => collections.get(c)?.docs.has(id)),
    userWithOpenid: async (openid) => [...(collections.get('users')?.docs.values() ?? [])].some((u) => u.openid === openid),
    async createCollection(name) {
      writes.push(`createCollection ${name}`);
      collections.set(name, { indexes: [], rule: null, docs: new Map() });
    },
    async updateIndexes(c, create, drop) {
      writes.push(`updateIndexes ${c}`);
      const col = collections.get(c)!;
      col.indexes = [...col.indexes.filter((i) => !drop.includes(i.name)), ...create];
    },
    async setRule(c, rule) {
      writes.push(`setRule ${c}`);
      collections.get(c)!.rule = rule;
    },
    async createFunction(fn) {
      writes.push(`createFunction ${fn.name}`);
      functions.set(fn.name, observed(fn));
    },
    async deleteFunction(name) {
      writes.push(`deleteFunction ${name}`);
      functions.delete(name);
    },
    async updateFunctionCode(fn) {
      writes.push(`updateFunctionCode ${fn.name}`);
      functions.get(fn.name)!.codeHash = fn.codeHash;
    },
    async updateFunctionConfig(fn) {
      writes.push(`updateFunctionConfig ${fn.name}`);
      functions.set(fn.name, { ...observed(fn), codeHash: functions.get(fn.name)!.codeHash, triggers: functions.get(fn.name)!.triggers });
    },
    async createTriggers(name, triggers) {
      writes.push(`createTriggers ${name}`);
      functions.get(name)!.triggers.push(...triggers);
    },
    async insertDocument(c, doc) {
      writes.push(`insertDocument ${c}/${doc._id}`);
      collections.get(c)!.docs.set(doc._id, doc);
    },
  };
  return { port, writes, collections, functions };
}

const NOW = new Date('2026-12-01T00:00:00.000Z');
const county = { adminOpenid: 'wx-county-it', adminName: '王主任', countyId: '411523', countyName: '新县' };
/** Bundles named by a fixed hash: the plan does not depend on whether dist/functions was built. */
const desired = (input = county, hash = 'aaaaaaaaaaaaaaaa'): DesiredState => {
  const state = desiredState(input, NOW, undefined, { NOTICE_TEMPLATE_ID: 'tmpl-1' });
  return { ...state, functions: state.functions.map((f) => ({ ...f, codeHash: hash })) };
};
const silent = () => {};

describe('npm run deploy: the plan', () => {
  it('on an empty environment creates every collection with its indexes and a deny-all rule, every function, the catalogue and the first admin', () => {
    const steps = planSteps(desired(), emptyObserved());
    const kinds = (kind: string) => steps.filter((s) => s.kind === kind);
    expect(kinds('createCollection')).toHaveLength(COLLECTIONS.length);
    expect(kinds('setRule').map((s) => s.kind === 'setRule' && s.rule)).toEqual(COLLECTIONS.map(() => DENY_ALL_RULE));
    const indexed = Object.entries(INDEXES).filter(([, list]) => list.length);
    expect(kinds('updateIndexes')).toHaveLength(indexed.length);
    expect(kinds('createFunction').map((s) => s.kind === 'createFunction' && s.fn.name)).toEqual(readDeployConfig().functions.map((f) => f.name));
    const inserted = kinds('insertDocument').map((s) => s.kind === 'insertDocument' && `${s.document.collection}/${s.document.doc._id}`);
    expect(inserted).toEqual([
      ...DEFAULT_POLICIES.map((p) => `policies/${p._id}`),
      'settings/monitoring',
      'settings/derived',
      'regions/411523',
      `users/${adminIdOf('wx-county-it')}`,
    ]);
    // Collections come before what lives in them.
    expect(steps.findIndex((s) => s.kind === 'insertDocument')).toBeGreaterThan(steps.findIndex((s) => s.kind === 'createFunction'));
    for (const step of steps) expect(describeStep(step)).toMatch(/\S/);
  });

  it('once applied, a second plan against the recorded state is empty and a second run writes nothing', async () => {
    const cloud = recordingCloud();
    const want = desired();
    await execute(cloud.port, planSteps(want, await observe(cloud.port, want)), silent);
    const first = cloud.writes.length;
    expect(first).toBeGreaterThan(COLLECTIONS.length * 2);
    expect(planSteps(want, await observe(cloud.port, want))).toEqual([]);
    await execute(cloud.port, planSteps(want, await observe(cloud.port, want)), silent);
    expect(cloud.writes).toHaveLength(first);
    const admin = cloud.collections.get('users')!.docs.get(adminIdOf('wx-county-it'));
    expect(admin).toMatchObject({ openid: 'wx-county-it', role: 'admin', name: '王主任', scope: { level: 'county', regionId: '411523' } });
  });

  it('changes only what differs: a rebuilt bundle, a timeout, an index whose fields changed, a rule loosened in the console', async () => {
    const cloud = recordingCloud();
    await execute(cloud.port, planSteps(desired(), emptyObserved()), silent);
    cloud.functions.get('reports')!.timeout = 3;
    cloud.collections.get('visits')!.indexes = cloud.collections.get('visits')!.indexes.map((i) => (i.name === 'month' ? { ...i, fields: ['visitedAt'] } : i));
    cloud.collections.get('needs')!.rule = JSON.stringify({ read: true, write: false });
    const rebuilt = desired(county, 'bbbbbbbbbbbbbbbb');
    const steps = planSteps(rebuilt, await observe(cloud.port, rebuilt));
    expect(
      steps.map((s) => `${s.kind} ${'fn' in s ? s.fn.name : 'collection' in s ? s.collection : ''}`.trim()).filter((s) => !s.startsWith('updateFunctionCode')),
    ).toEqual(['updateIndexes visits', 'setRule needs', 'updateFunctionConfig reports']);
    expect(steps.filter((s) => s.kind === 'updateFunctionCode')).toHaveLength(readDeployConfig().functions.length);
    expect(steps.find((s) => s.kind === 'updateIndexes')).toMatchObject({ drop: ['month'], create: [{ name: 'month', fields: ['month'] }] });
  });

  it('an unset notice template (empty in the config) is not a change on every run', async () => {
    const cloud = recordingCloud();
    const unset = desiredState(county, NOW, undefined, {});
    const want = { ...unset, functions: unset.functions.map((f) => ({ ...f, codeHash: 'aaaaaaaaaaaaaaaa' })) };
    await execute(cloud.port, planSteps(want, emptyObserved()), silent);
    for (const fn of cloud.functions.values()) fn.envVariables = Object.fromEntries(Object.entries(fn.envVariables).filter(([, v]) => v));
    expect(planSteps(want, await observe(cloud.port, want))).toEqual([]);
    expect(planSteps(desired(), await observe(cloud.port, desired())).map((s) => s.kind)).toContain('updateFunctionConfig');
  });

  it('a function on another runtime is recreated (SCF cannot change a runtime in place)', async () => {
    const cloud = recordingCloud();
    await execute(cloud.port, planSteps(desired(), emptyObserved()), silent);
    cloud.functions.get('auth')!.runtime = 'Nodejs10.15';
    const steps = planSteps(desired(), await observe(cloud.port, desired()));
    expect(steps).toMatchObject([{ kind: 'recreateFunction', fn: { name: 'auth' }, why: expect.stringContaining('Nodejs10.15') }]);
  });

  it('leaves an admin added by hand (same openid, another _id) and every stored policy alone', async () => {
    const cloud = recordingCloud();
    const bare = desired({ ...county, adminOpenid: undefined as unknown as string });
    await execute(cloud.port, planSteps(bare, emptyObserved()), silent);
    await cloud.port.insertDocument('users', { _id: 'u-by-hand', openid: 'wx-county-it', role: 'admin' });
    const steps = planSteps(desired(), await observe(cloud.port, desired()));
    expect(steps).toEqual([]);
  });
});

describe('npm run deploy: options and credentials', () => {
  it('reads flags after `--` and the npm_config_* npm makes of flags before it', () => {
    expect(parseOptions(['--dry-run', '--admin-openid', 'o1', '--county-id=411523', '--county-name', '新县'], {})).toMatchObject({
      dryRun: true,
      adminOpenid: 'o1',
      countyId: '411523',
      countyName: '新县',
    });
    expect(
      parseOptions([], { npm_config_dry_run: 'true', npm_config_admin_openid: 'o2', npm_config_county_id: 'c', npm_config_county_name: 'n' }),
    ).toMatchObject({ dryRun: true, adminOpenid: 'o2' });
  });

  it('refuses an admin without a county and an unknown flag, in both languages', () => {
    expect(() => parseOptions(['--admin-openid', 'o1'], {})).toThrow(/--county-id.*give --county-id/s);
    expect(() => parseOptions(['--adminopenid', 'o1'], {})).toThrow(/unknown option: --adminopenid/);
  });

  it('names each missing credential; the key comes from the environment only', () => {
    expect(credentialsFrom({ ENV_ID: 'e' }).missing).toEqual(['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']);
    expect(credentialsFrom({ ENV_ID: 'e', TENCENTCLOUD_SECRETID: 'i', TENCENTCLOUD_SECRETKEY: 'k' }).credentials).toMatchObject({
      envId: 'e',
      secretId: 'i',
      secretKey: 'k',
    });
  });
});
