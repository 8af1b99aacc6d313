/**
 * The deploy plan: the desired state (desired.ts) against what the cloud holds, as a list of steps
 * that would bring one to the other. Pure: `observe` reads through the port once, `planSteps`
 * compares. Applying every step and planning again gives an empty plan (test/scripts/deploy.test.ts).
 */
import type { IndexSpec } from '../../cloudfunctions/core/store';
import type { DesiredFunction, DesiredState, SeedDocument } from './desired';
import type { CloudPort, ObservedFunction } from './port';

export interface Observed {
  collections: Map<string, { indexes: IndexSpec[]; rule: string | null }>;
  functions: Map<string, ObservedFunction | null>;
  /** `collection/_id` of the seed documents that exist. */
  documents: Set<string>;
  firstAdminExists: boolean;
}

export type Step =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'updateIndexes'; collection: string; create: IndexSpec[]; drop: string[] }
  | { kind: 'setRule'; collection: string; rule: string }
  | { kind: 'createFunction'; fn: DesiredFunction }
  | { kind: 'recreateFunction'; fn: DesiredFunction; why: string }
  | { kind: 'updateFunctionCode'; fn: DesiredFunction }
  | { kind: 'updateFunctionConfig'; fn: DesiredFunction; changes: string[] }
  | { kind: 'createTriggers'; fn: DesiredFunction; triggers: DesiredFunction['triggers'] }
  | { kind: 'insertDocument'; document: SeedDocument };

/** Reads what the desired state names, and nothing else. An empty environment answers empty maps. */
export async function observe(port: CloudPort, desired: DesiredState): Promise<Observed> {
  const existing = new Set(await port.listCollections());
  const collections: Observed['collections'] = new Map();
  for (const c of desired.collections) {
    if (existing.has(c.name)) collections.set(c.name, { indexes: await port.indexesOf(c.name), rule: await port.ruleOf(c.name) });
  }
  const functions: Observed['functions'] = new Map();
  for (const fn of desired.functions) functions.set(fn.name, await port.functionOf(fn.name));
  const documents = new Set<string>();
  const byCollection = new Map<string, string[]>();
  for (const { collection, doc } of desired.documents) byCollection.set(collection, [...(byCollection.get(collection) ?? []), doc._id]);
  for (const [collection, ids] of byCollection) {
    if (!existing.has(collection)) continue;
    for (const id of await port.existingIds(collection, ids)) documents.add(`${collection}/${id}`);
  }
  const firstAdminExists = !!desired.firstAdmin && existing.has('users') && (await port.userWithOpenid(desired.firstAdmin.openid));
  return { collections, functions, documents, firstAdminExists };
}

/** What nothing has been deployed to looks like (a dry run without credentials plans against it). */
export const emptyObserved = (): Observed => ({ collections: new Map(), functions: new Map(), documents: new Set(), firstAdminExists: false });

const sameIndex = (a: IndexSpec, b: IndexSpec) => a.fields.join(',') === b.fields.join(',') && !!a.unique === !!b.unique;

function indexStep(collection: string, want: IndexSpec[], have: IndexSpec[]): Step | null {
  const byName = new Map(have.map((i) => [i.name, i]));
  const create = want.filter((i) => !byName.has(i.name) || !sameIndex(i, byName.get(i.name)!));
  const drop = create.filter((i) => byName.has(i.name)).map((i) => i.name);
  return create.length ? { kind: 'updateIndexes', collection, create, drop } : null;
}

const sameRule = (a: string | null, b: string) => {
  try {
    return a !== null && JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
};

/** Variables compared as set: an empty value (a `{{env.NAME}}` the deployer left unset) is one SCF does not keep. */
const sortedEntries = (r: Record<string, string>) =>
  JSON.stringify(
    Object.entries(r)
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => a.localeCompare(b)),
  );

function configChanges(want: DesiredFunction, have: ObservedFunction): string[] {
  const changes: string[] = [];
  if (want.timeout !== have.timeout) changes.push(`timeout ${have.timeout}s → ${want.timeout}s`);
  if (want.memorySize !== have.memorySize) changes.push(`memory ${have.memorySize}MB → ${want.memorySize}MB`);
  if (want.installDependency !== have.installDependency) changes.push(`installDependency → ${want.installDependency}`);
  if (sortedEntries(want.envVariables) !== sortedEntries(have.envVariables))
    changes.push(`envVariables → ${Object.keys(want.envVariables).join(', ') || '(none)'}`);
  return changes;
}

function functionSteps(fn: DesiredFunction, have: ObservedFunction | null | undefined): Step[] {
  if (!have) return [{ kind: 'createFunction', fn }];
  if (have.runtime !== fn.runtime || have.handler !== fn.handler) {
    return [
      {
        kind: 'recreateFunction',
        fn,
        why: `runtime ${have.runtime} → ${fn.runtime}${have.handler !== fn.handler ? `, handler ${have.handler} → ${fn.handler}` : ''}`,
      },
    ];
  }
  const steps: Step[] = [];
  if (fn.codeHash === null || fn.codeHash !== have.codeHash) steps.push({ kind: 'updateFunctionCode', fn });
  const changes = configChanges(fn, have);
  if (changes.length) steps.push({ kind: 'updateFunctionConfig', fn, changes });
  const triggers = fn.triggers.filter((t) => !have.triggers.some((h) => h.name === t.name && h.config === t.config));
  if (triggers.length) steps.push({ kind: 'createTriggers', fn, triggers });
  return steps;
}

/** Every step from `observed` to `desired`, collections first (functions and documents need them). */
export function planSteps(desired: DesiredState, observed: Observed): Step[] {
  const steps: Step[] = [];
  for (const c of desired.collections) {
    const have = observed.collections.get(c.name);
    if (!have) steps.push({ kind: 'createCollection', collection: c.name });
    const indexes = indexStep(c.name, c.indexes, have?.indexes ?? []);
    if (indexes) steps.push(indexes);
    if (!sameRule(have?.rule ?? null, c.rule)) steps.push({ kind: 'setRule', collection: c.name, rule: c.rule });
  }
  for (const fn of desired.functions) steps.push(...functionSteps(fn, observed.functions.get(fn.name)));
  for (const document of desired.documents) {
    if (observed.documents.has(`${document.collection}/${document.doc._id}`)) continue;
    if (document.collection === 'users' && desired.firstAdmin && document.doc._id === desired.firstAdmin._id && observed.firstAdminExists) continue;
    steps.push({ kind: 'insertDocument', document });
  }
  return steps;
}

/** One line per step, Chinese first, for the person running the deploy. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'createCollection':
      return `创建集合 create collection ${step.collection}`;
    case 'updateIndexes':
      return `索引 indexes ${step.collection}: ${step.drop.length ? `重建 recreate ${step.drop.join(', ')}; ` : ''}创建 create ${step.create.map((i) => `${i.name}(${i.fields.join(',')}${i.unique ? ', unique' : ''})`).join(', ')}`;
    case 'setRule':
      return `安全规则 security rule ${step.collection}: ${step.rule}（客户端不能直接读写 no direct client access）`;
    case 'createFunction':
      return `创建云函数 create function ${step.fn.name} (${step.fn.runtime}, ${step.fn.timeout}s, ${step.fn.memorySize}MB${step.fn.triggers.length ? `, triggers ${step.fn.triggers.map((t) => t.name).join(', ')}` : ''})`;
    case 'recreateFunction':
      return `重建云函数 recreate function ${step.fn.name}: ${step.why}`;
    case 'updateFunctionCode':
      return `更新代码 update code ${step.fn.name}${step.fn.codeHash ? ` (${step.fn.codeHash})` : '（尚未打包 not built yet）'}`;
    case 'updateFunctionConfig':
      return `更新配置 update config ${step.fn.name}: ${step.changes.join('; ')}`;
    case 'createTriggers':
      return `创建触发器 create triggers ${step.fn.name}: ${step.triggers.map((t) => `${t.name} ${t.config}`).join(', ')}`;
    case 'insertDocument':
      return `写入 insert ${step.document.collection}/${step.document.doc._id}（${step.document.why}）`;
  }
}
