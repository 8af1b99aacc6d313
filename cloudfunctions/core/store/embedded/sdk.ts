/**
 * The SDK internals the embedded store hooks into, resolved from @cloudbase/node-sdk itself so we
 * get the very module instances node-sdk uses (its `Db` class, whose static `reqClass` is the
 * request seam, and the `bson` EJSON it serialises queries with) however npm lays out node_modules.
 * These are internal paths of the pinned SDK (3.18.3 → @cloudbase/database 1.4.3); the contract
 * test fails loudly if an upgrade moves them.
 */
import { createRequire } from 'node:module';
import type * as CloudbaseDatabase from '@cloudbase/database';
import type * as Bson from 'bson';
import type { Database } from '../index';

const sdkRequire = createRequire(require.resolve('@cloudbase/node-sdk'));
const databaseRequire = createRequire(sdkRequire.resolve('@cloudbase/database'));

export const { Db } = sdkRequire('@cloudbase/database') as typeof CloudbaseDatabase;
export const { EJSON, Long } = databaseRequire('bson') as typeof Bson;

/**
 * node-sdk's answer to a response carrying `code` (utils/tcbapirequester.ts): it throws its
 * TcbError `{ code, message, requestId }`, or returns the response as is once
 * `setThrowOnCode(false)` was called.
 */
export const { processReturn } = sdkRequire('./utils/utils') as {
  processReturn(result: { code: string; message: string; requestId: string }): unknown;
};

/** node-sdk's own `app.database()` body: merges the app config and sets `Db.reqClass`. */
const { newDb } = sdkRequire('./database') as {
  newDb(app: { config: Record<string | symbol, unknown> }, dbConfig?: Record<string | symbol, unknown>): Database;
};

/**
 * A node-sdk database built the way `tcb.init(config).database()` builds it, minus `tcb.init`,
 * which starts a metadata lookup over the network. `config` may carry extra (symbol) keys: the
 * SDK hands the same config object to every request it makes.
 */
export function createSdkDatabase(config: Record<string | symbol, unknown>): Database {
  return newDb({ config: { ...config } }, {});
}
