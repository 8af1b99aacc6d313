/**
 * What a deployed Bangfu environment holds, read from the repository alone: the collections of
 * core/store (each with the indexes of core/store/indexes.ts and a security rule that denies the
 * client every direct read and write: all access goes through the functions, which rules do not
 * bind, DESIGN §3), the functions of cloudbaserc.json with their built bundles, and the documents
 * a county needs before its first sign-in (the policy catalogue, the derived-data marker, the
 * county region and its first admin). Pure but for reading the bundles' files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICIES } from '../../cloudfunctions/core/benefits/catalogue';
import { derivedMarker } from '../../cloudfunctions/core/maintenance/derived';
import { MONITORING_SETTINGS_ID } from '../../cloudfunctions/core/monitoring/params.service';
import { DEFAULT_MONITORING_VALUES } from '../../types/monitoring';
import { COLLECTIONS, INDEXES, type IndexSpec } from '../../cloudfunctions/core/store';
import { bundleConfig, readDeployConfig, ROOT, type DeployedFunction } from '../function-config';

/** `{"read": false, "write": false}`: no client reads or writes a collection directly (DESIGN §5). */
export const DENY_ALL_RULE = JSON.stringify({ read: false, write: false });

export interface DesiredFunction {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  envVariables: Record<string, string>;
  triggers: Array<{ name: string; type: string; config: string }>;
  /** The bundle folder (dist/functions/<name>) and a hash of its files; null when it is not built. */
  dir: string;
  codeHash: string | null;
}

/** A document written only when no document with its `_id` exists (a later run never overwrites an admin's edit). */
export interface SeedDocument {
  collection: string;
  doc: Record<string, unknown> & { _id: string };
  why: string;
}

export interface DesiredState {
  collections: Array<{ name: string; indexes: IndexSpec[]; rule: string }>;
  functions: DesiredFunction[];
  documents: SeedDocument[];
  /** The first admin is looked up by openid too: an admin added by hand under another `_id` counts. */
  firstAdmin: { openid: string; _id: string } | null;
}

/** Towns and their villages (from `--regions <file.json>`), each with the id the county uses (e.g. its 行政区划代码). */
export interface RegionsFile {
  towns: Array<{ id: string; name: string; villages: Array<{ id: string; name: string }> }>;
}

export interface CountyInput {
  adminOpenid?: string;
  adminName?: string;
  countyId?: string;
  countyName?: string;
  regions?: RegionsFile;
}

/** A short stable hash of a bundle's files: the function's description carries it, so an unchanged bundle is not uploaded again. */
export function bundleHash(dir: string): string | null {
  const files = ['index.js', 'package.json', 'config.json'].map((f) => path.join(dir, f));
  if (!files.every(existsSync)) return null;
  const hash = createHash('sha256');
  for (const f of files) hash.update(readFileSync(f));
  return hash.digest('hex').slice(0, 16);
}

export function desiredFunction(fn: DeployedFunction, root = ROOT, env: Record<string, string | undefined> = process.env): DesiredFunction {
  const dir = path.join(root, readDeployConfig(root).functionRoot, fn.name);
  const config = bundleConfig(fn, env);
  return {
    name: fn.name,
    runtime: fn.runtime,
    handler: fn.handler,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    installDependency: fn.installDependency,
    envVariables: config.envVariables,
    triggers: fn.triggers ?? [],
    dir,
    codeHash: bundleHash(dir),
  };
}

/** A first admin's `_id` from their openid: the same on every run, short of CloudBase's 64 characters. */
export const adminIdOf = (openid: string) => `admin-${createHash('sha256').update(openid).digest('hex').slice(0, 16)}`;

function countyDocuments(input: CountyInput, now: Date): SeedDocument[] {
  if (!input.countyId || !input.countyName) return [];
  const county = input.countyId;
  const docs: SeedDocument[] = [
    { collection: 'regions', doc: { _id: county, name: input.countyName, level: 'county', parentId: null, path: [county] }, why: '县' },
  ];
  for (const town of input.regions?.towns ?? []) {
    docs.push({ collection: 'regions', doc: { _id: town.id, name: town.name, level: 'town', parentId: county, path: [county, town.id] }, why: '乡镇' });
    for (const village of town.villages) {
      docs.push({
        collection: 'regions',
        doc: { _id: village.id, name: village.name, level: 'village', parentId: town.id, path: [county, town.id, village.id] },
        why: '村',
      });
    }
  }
  if (input.adminOpenid) {
    docs.push({
      collection: 'users',
      doc: {
        _id: adminIdOf(input.adminOpenid),
        openid: input.adminOpenid,
        role: 'admin',
        name: input.adminName ?? '县管理员',
        scope: { level: 'county', regionId: county },
        regionPath: [county],
        unit: '县扶贫办',
        active: true,
        createdAt: now.toISOString(),
      },
      why: '首任县管理员',
    });
  }
  return docs;
}

/**
 * The documents every environment starts with: the policy catalogue and the monitoring parameters
 * (stored copies are merged over the defaults, by code and by date, so writing the defaults makes
 * them visible in the console and editable as data), the derived-data marker (an empty store has nothing to rebuild), then the
 * county's regions and first admin when given.
 */
export function seedDocuments(input: CountyInput, now: Date): SeedDocument[] {
  const { _id, ...marker } = derivedMarker(now);
  return [
    ...DEFAULT_POLICIES.map((p) => ({ collection: 'policies', doc: { ...p }, why: `政策目录：${p.label}` })),
    { collection: 'settings', doc: { _id: MONITORING_SETTINGS_ID, values: DEFAULT_MONITORING_VALUES }, why: '防返贫监测参数（监测范围等，按日期）' },
    { collection: 'settings', doc: { _id, ...marker }, why: '汇总数据版本（空库无需重建）' },
    ...countyDocuments(input, now),
  ];
}

export function desiredState(input: CountyInput, now: Date, root = ROOT, env: Record<string, string | undefined> = process.env): DesiredState {
  return {
    collections: COLLECTIONS.map((name) => ({ name, indexes: INDEXES[name] ?? [], rule: DENY_ALL_RULE })),
    functions: readDeployConfig(root).functions.map((fn) => desiredFunction(fn, root, env)),
    documents: seedDocuments(input, now),
    firstAdmin: input.adminOpenid && input.countyId ? { openid: input.adminOpenid, _id: adminIdOf(input.adminOpenid) } : null,
  };
}
