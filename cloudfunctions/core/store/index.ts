/**
 * The DocumentStore port. Domain code reaches the database only through `getDb()`, which is the
 * real `@cloudbase/node-sdk` database: in the cloud it talks to CloudBase; locally (demo, tests,
 * benchmarks) `store/embedded` swaps the SDK's request seam and calls `setDatabaseFactory`.
 * This file must not import better-sqlite3 or mingo, so the cloud bundle stays free of them.
 */
import * as tcb from '@cloudbase/node-sdk';
import type { CloudBase } from '@cloudbase/node-sdk';

export { INDEXES } from './indexes';
export type { IndexSpec } from './indexes';
export { MAX_AGGREGATE, MAX_IN, MAX_PAGE, inChunks, pageAcross, projectAll, projectPages, readAll, readPages } from './paging';
export type { Doc, PageOptions, Query, Segment } from './paging';
export { insertOnce } from './insert-once';
export type { OnceWrite } from './insert-once';

/** The node-sdk database (`@cloudbase/database`'s `Db`), exactly what `app.database()` returns. */
export type Database = ReturnType<CloudBase['database']>;

/** Every collection Bangfu stores. CloudBase requires collections to exist before use. */
export const COLLECTIONS = [
  'regions',
  'users',
  'households',
  'pairings',
  'visits',
  'visit_months',
  'visit_refusals',
  'helper_ratings',
  'plans',
  'needs',
  'benefits',
  'household_gaps',
  'policies',
  'notices',
  'notice_reads',
  'notice_opens',
  'notice_groups',
  'notice_subscriptions',
  'findings',
  'bulletins',
  'review_rounds',
  'review_items',
  'medical_expenses',
  'warnings',
  'audit_logs',
  'outbox',
  'bind_attempts',
  'bind_codes',
  'door_codes',
  'web_logins',
  'web_identities',
  'files',
  'settings',
  'feedback',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

type DatabaseFactory = () => Database;

let factory: DatabaseFactory | null = null;
let current: Database | null = null;

/**
 * Replaces where `getDb()` gets its database (local mode); `null` restores the cloud default.
 * The cached instance is dropped so the next `getDb()` uses the new factory.
 */
export function setDatabaseFactory(fn: DatabaseFactory | null): void {
  factory = fn;
  current = null;
}

/**
 * The database for this process. Created lazily: `tcb.init` reads the function's environment,
 * which only exists once the function runs, and importing this module must stay side-effect free.
 */
export function getDb(): Database {
  if (!current) {
    current = factory ? factory() : tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
  }
  return current;
}
