/**
 * The small seam between the deploy and the cloud: what the planner reads and what the executor
 * writes. Real runs implement it with @cloudbase/manager-node (collections, indexes, rules,
 * functions) and @cloudbase/node-sdk (documents: manager-node has no plain document write, and the
 * server SDK with the deployer's key is the same API the functions use); tests with a recording fake.
 */
import type { IndexSpec } from '../../cloudfunctions/core/store';
import type { DesiredFunction } from './desired';

/** A deployed function as the planner compares it. `codeHash` is read back from the function's description. */
export interface ObservedFunction {
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  envVariables: Record<string, string>;
  triggers: Array<{ name: string; type: string; config: string }>;
  codeHash: string | null;
}

export interface CloudPort {
  /** Names of the existing collections. */
  listCollections(): Promise<string[]>;
  /** The indexes a collection has (CloudBase's own `_id_` included or not: undeclared names are left alone). */
  indexesOf(collection: string): Promise<IndexSpec[]>;
  /** A collection's custom security rule as JSON text, or null when its permission is not CUSTOM. */
  ruleOf(collection: string): Promise<string | null>;
  /** A function as deployed, or null when none has that name. */
  functionOf(name: string): Promise<ObservedFunction | null>;
  /** Which of these `_id`s exist in the collection. */
  existingIds(collection: string, ids: string[]): Promise<string[]>;
  /** Whether any user has this openid. */
  userWithOpenid(openid: string): Promise<boolean>;

  createCollection(name: string): Promise<void>;
  /** Creates these indexes and first drops those named in `drop` (a declared index whose fields changed). */
  updateIndexes(collection: string, create: IndexSpec[], drop: string[]): Promise<void>;
  setRule(collection: string, rule: string): Promise<void>;
  createFunction(fn: DesiredFunction): Promise<void>;
  /** Runtime and handler are fixed at creation (SCF UpdateFunctionConfiguration cannot change them). */
  deleteFunction(name: string): Promise<void>;
  updateFunctionCode(fn: DesiredFunction): Promise<void>;
  updateFunctionConfig(fn: DesiredFunction): Promise<void>;
  createTriggers(name: string, triggers: DesiredFunction['triggers']): Promise<void>;
  insertDocument(collection: string, doc: Record<string, unknown> & { _id: string }): Promise<void>;
}
