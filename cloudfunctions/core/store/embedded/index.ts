/**
 * Local mode: a real node-sdk database whose requests run on the embedded engine.
 *
 * `@cloudbase/database` creates `new Db.reqClass(db.config)` for every query, document,
 * aggregation and transaction, and node-sdk's `app.database()` assigns `Db.reqClass` each time it
 * is called. So the seam is a property on `Db` that always answers our class; whatever node-sdk
 * assigns is kept as the fallback for databases without an engine attached (a cloud database
 * created in the same process still goes over HTTP).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, INDEXES, setDatabaseFactory, type Database } from '../index';
import type { IndexSpec } from '../indexes';
import { EmbeddedEngine } from './engine';
import { DbError, unsupported } from './errors';
import { meterRequest } from './meter';
import { handle, type Backend } from './request';
import { Db, createSdkDatabase, processReturn } from './sdk';
import { Transactions } from './transactions';

export { EmbeddedEngine } from './engine';
export { DbError, ErrorCode } from './errors';
export { AGGREGATE_DEFAULT_LIMIT, AGGREGATE_MAX_LIMIT } from './aggregate';
export { countRequests, setRequestMeter } from './meter';

const BACKEND = Symbol.for('bangfu.store.embedded');

type Requester = { send(action: string, params?: Record<string, unknown>, opts?: unknown): Promise<unknown> };
type RequesterClass = new (config: Record<string | symbol, unknown>) => Requester;

let fallback: RequesterClass | undefined;

class EmbeddedRequester implements Requester {
  private readonly backend?: Backend;
  private readonly delegate?: Requester;

  constructor(config: Record<string | symbol, unknown> = {}) {
    this.backend = config[BACKEND] as Backend | undefined;
    if (!this.backend && fallback) this.delegate = new fallback(config);
  }

  send(action: string, params?: Record<string, unknown>, opts?: unknown): Promise<unknown> {
    if (this.backend) {
      const backend = this.backend;
      const waited = meterRequest(action, params);
      const answer = () => handle(backend, action, params).catch(asCloudBaseAnswer);
      return waited ? waited.then(answer) : answer();
    }
    if (this.delegate) return this.delegate.send(action, params, opts);
    return Promise.reject(unsupported('a database without an engine'));
  }
}

/**
 * An engine error becomes what CloudBase's answer becomes in node-sdk: the response
 * `{ code, message, requestId }` handed to node-sdk's own processReturn, which throws its TcbError.
 */
function asCloudBaseAnswer(err: unknown): unknown {
  if (!(err instanceof DbError)) throw err;
  return processReturn({ code: err.code, message: err.message, requestId: err.requestId });
}

function installSeam(): void {
  const current = Object.getOwnPropertyDescriptor(Db, 'reqClass');
  if (current?.get?.() === EmbeddedRequester) return;
  fallback = Db.reqClass as RequesterClass | undefined;
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => EmbeddedRequester,
    set: (cls: RequesterClass) => {
      if (cls !== EmbeddedRequester) fallback = cls;
    },
  });
}

/** One backend per engine, so every database on it sees the same open transactions. */
const backends = new WeakMap<EmbeddedEngine, Backend>();

/** A node-sdk database whose every request runs on `engine`; nothing touches the network. */
export function createEmbeddedDatabase(engine: EmbeddedEngine): Database {
  installSeam();
  let backend = backends.get(engine);
  if (!backend) {
    backend = { engine, transactions: new Transactions(engine) };
    backends.set(engine, backend);
  }
  return createSdkDatabase({ env: 'bangfu-local', [BACKEND]: backend });
}

export interface EmbeddedStore {
  engine: EmbeddedEngine;
  db: Database;
  close(): void;
}

export interface EmbeddedStoreOptions {
  /** Defaults to the declared INDEXES. */
  indexes?: Record<string, IndexSpec[]>;
  /** Collections beyond COLLECTIONS (tests). */
  collections?: readonly string[];
}

let active: EmbeddedStore | null = null;

/**
 * Opens (or creates) `<dir>/bangfu.sqlite` with every collection and declared index, and makes
 * `getDb()` answer a database backed by it.
 */
export function useEmbeddedStore(dir: string, options: EmbeddedStoreOptions = {}): EmbeddedStore {
  mkdirSync(dir, { recursive: true });
  const engine = new EmbeddedEngine(path.join(dir, 'bangfu.sqlite'), {
    indexes: options.indexes ?? INDEXES,
    collections: [...COLLECTIONS, ...(options.collections ?? [])],
  });
  const db = createEmbeddedDatabase(engine);
  const store: EmbeddedStore = {
    engine,
    db,
    close() {
      if (active === store) {
        setDatabaseFactory(null);
        active = null;
      }
      engine.close();
    },
  };
  active = store;
  setDatabaseFactory(() => db);
  return store;
}
