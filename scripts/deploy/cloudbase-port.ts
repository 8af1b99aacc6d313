/**
 * The port over a real CloudBase environment: @cloudbase/manager-node for collections, indexes,
 * security rules and functions (DESIGN §3, §5), @cloudbase/node-sdk with the same key for the few
 * seed documents (manager-node has no plain document read or write). Nothing here is secret: the
 * key comes from the deployer's environment.
 */
import * as tcb from '@cloudbase/node-sdk';
import CloudBase from '@cloudbase/manager-node';
import type { IndexSpec } from '../../cloudfunctions/core/store';
import type { DesiredFunction } from './desired';
import type { CloudPort, ObservedFunction } from './port';

export interface Credentials {
  envId: string;
  secretId: string;
  secretKey: string;
  token?: string;
}

const DESCRIPTION = (hash: string | null) => `bangfu ${hash ?? ''}`.trim();
const hashOf = (description: string | undefined) => /^bangfu ([0-9a-f]{16})$/.exec(description ?? '')?.[1] ?? null;

const notFound = (error: unknown) =>
  /ResourceNotFound|not ?found|不存在/i.test(`${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`);

export function cloudbasePort(credentials: Credentials): CloudPort {
  const manager = new CloudBase({ envId: credentials.envId, secretId: credentials.secretId, secretKey: credentials.secretKey, token: credentials.token });
  const app = tcb.init({ env: credentials.envId, secretId: credentials.secretId, secretKey: credentials.secretKey, sessionToken: credentials.token });
  const db = app.database();
  const func = (fn: DesiredFunction) => ({
    name: fn.name,
    runtime: fn.runtime,
    handler: fn.handler,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    installDependency: fn.installDependency,
    envVariables: fn.envVariables,
    description: DESCRIPTION(fn.codeHash),
  });

  return {
    async listCollections() {
      const names: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await manager.database.listCollections({ MgoOffset: offset, MgoLimit: 100 });
        names.push(...page.Collections.map((c) => c.CollectionName));
        if (page.Collections.length < 100) return names;
      }
    },
    async indexesOf(collection) {
      const info = await manager.database.describeCollection(collection);
      return (info.Indexes ?? []).map((i) => ({ name: i.Name, fields: i.Keys.map((k) => k.Name ?? ''), unique: i.Unique }));
    },
    async ruleOf(collection) {
      const { Data } = await manager.permission.describeResourcePermission({ resourceType: 'collection', resources: [collection] });
      const found = Data.PermissionList.find((p) => p.Resource === collection);
      return found?.Permission === 'CUSTOM' ? (found.SecurityRule ?? null) : null;
    },
    async functionOf(name): Promise<ObservedFunction | null> {
      try {
        const f = await manager.functions.getFunctionDetail(name);
        return {
          runtime: f.Runtime,
          handler: f.Handler,
          timeout: f.Timeout,
          memorySize: f.MemorySize,
          installDependency: f.InstallDependency === 'TRUE',
          envVariables: Object.fromEntries((f.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
          // A timer's description is `{"cron":"…"}` (SCF GetFunction); anything else is compared as it is.
          triggers: (f.Triggers ?? []).map((t) => {
            let config = t.TriggerDesc;
            try {
              config = JSON.parse(t.TriggerDesc).cron ?? t.TriggerDesc;
            } catch {
              /* not JSON */
            }
            return { name: t.TriggerName, type: t.Type, config };
          }),
          codeHash: hashOf(f.Description),
        };
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    async existingIds(collection, ids) {
      const _ = db.command;
      const found: string[] = [];
      for (let i = 0; i < ids.length; i += 1000) {
        const { data } = await db
          .collection(collection)
          .where({ _id: _.in(ids.slice(i, i + 1000)) })
          .field({ _id: true })
          .limit(1000)
          .get();
        found.push(...(data as Array<{ _id: string }>).map((d) => d._id));
      }
      return found;
    },
    async userWithOpenid(openid) {
      const { total } = await db.collection('users').where({ openid }).count();
      return total > 0;
    },

    async createCollection(name) {
      await manager.database.createCollectionIfNotExists(name);
    },
    async updateIndexes(collection, create: IndexSpec[], drop: string[]) {
      await manager.database.updateCollection(collection, {
        ...(drop.length ? { DropIndexes: drop.map((IndexName) => ({ IndexName })) } : {}),
        CreateIndexes: create.map((i) => ({
          IndexName: i.name,
          MgoKeySchema: { MgoIndexKeys: i.fields.map((Name) => ({ Name, Direction: '1' })), MgoIsUnique: !!i.unique },
        })),
      });
    },
    async setRule(collection, rule) {
      await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: collection, permission: 'CUSTOM', securityRule: rule });
    },
    async createFunction(fn) {
      await manager.functions.createFunction({ func: { ...func(fn), triggers: fn.triggers }, functionPath: fn.dir, force: false });
    },
    async deleteFunction(name) {
      await manager.functions.deleteFunction(name);
    },
    async updateFunctionCode(fn) {
      await manager.functions.updateFunctionCode({ func: func(fn), functionPath: fn.dir });
      // The description carries the bundle's hash: the next plan sees this code as deployed.
      await manager.functions.updateFunctionConfig({ name: fn.name, description: DESCRIPTION(fn.codeHash) });
    },
    async updateFunctionConfig(fn) {
      await manager.functions.updateFunctionConfig(func(fn));
    },
    async createTriggers(name, triggers) {
      await manager.functions.createFunctionTriggers(name, triggers);
    },
    async insertDocument(collection, doc) {
      await db.collection(collection).add(doc);
    },
  };
}
