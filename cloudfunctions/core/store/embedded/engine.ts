/**
 * The embedded document engine: better-sqlite3 for storage, mingo for MongoDB semantics.
 *
 * Every call is synchronous and runs in one SQLite transaction: reads in a deferred one (a
 * consistent WAL snapshot), writes in `BEGIN IMMEDIATE` (the file's single writer lock, so a
 * read-check-write such as a version-checked update is atomic across processes; `busy_timeout`
 * makes a second process wait instead of failing). No writer lock is ever held across an
 * `await`; a CloudBase transaction holds only a WAL read snapshot on a connection of its own
 * (`openSnapshot`), which never blocks writers, and row locks in a table (writes.lockForTx).
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import type { IndexSpec } from '../indexes';
import type { Doc } from './codec';
import { DbError, ErrorCode, LockedError, mapSqliteError } from './errors';
import type { Window } from './projection';
import { candidateDocs, countDocs, countGroups, findDocs, findSql, findWire, type Ctx, type GroupKey } from './reads';
import { Schema } from './schema';
import { SnapshotPool, cached, type Snapshot } from './snapshots';
import {
  anyLocks,
  commitTx,
  createLockTable,
  insertDocs,
  lockForTx,
  lockedUntil,
  readText,
  releaseTx,
  removeDocs,
  updateDocs,
  type TxLockOwner,
  type TxWrite,
  type UpdateResult,
  type UpdateSpec,
} from './writes';

export type { TxLockOwner, TxWrite, UpdateResult, UpdateSpec } from './writes';
export type { Window } from './projection';
export type { Snapshot } from './snapshots';

export interface EngineOptions {
  /** Declared indexes per collection; every key is also created as a collection. */
  indexes?: Record<string, IndexSpec[]>;
  /** Further collections to create (CloudBase needs collections to exist before use). */
  collections?: readonly string[];
  busyTimeoutMs?: number;
}

export class EmbeddedEngine {
  readonly sqlite: BetterSqlite3.Database;
  private readonly schema: Schema;
  private readonly ctx: Ctx;
  private readonly stmts = new Map<string, BetterSqlite3.Statement>();
  private readonly runTx: BetterSqlite3.Transaction<(fn: () => unknown) => unknown>;
  private readonly snapshots: SnapshotPool;

  constructor(
    readonly file: string,
    options: EngineOptions = {},
  ) {
    const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    this.sqlite = new Database(file);
    this.sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
    this.sqlite.pragma('journal_mode = WAL');
    // WAL + NORMAL survives a killed process (the WAL is already with the OS); no fsync per commit.
    this.sqlite.pragma('synchronous = NORMAL');
    // Up to 64 MB of pages in memory (SQLite's default is 2 MB): a county store is about 1 GB and
    // lists read documents scattered across it. Only pages actually read take memory.
    this.sqlite.pragma('cache_size = -65536');
    const indexes = options.indexes ?? {};
    this.schema = this.sqlite.transaction(() => new Schema(this.sqlite, indexes)).immediate();
    this.ctx = { schema: this.schema, stmt: (sql, pluck) => this.stmt(sql, pluck) };
    this.runTx = this.sqlite.transaction((fn: () => unknown): unknown => {
      this.stmt('SELECT 1 FROM _bangfu_kinds LIMIT 1').get(); // starts the snapshot before refresh()
      this.schema.refresh();
      return fn();
    });
    const names = new Set([...Object.keys(indexes), ...(options.collections ?? [])]);
    this.write(() => {
      createLockTable(this.ctx);
      names.forEach((name) => this.schema.ensure(name));
    });
    // After a snapshot begins, a read here refreshes the kind masks: the planner then never
    // trusts an index more than the snapshot's rows allow (masks only grow).
    this.snapshots = new SnapshotPool(file, busyTimeoutMs, this.schema, () => this.snapshot(() => undefined));
  }

  /** Creates a collection; false when it already existed. */
  createCollection(name: string): boolean {
    return this.write(() => this.schema.ensure(name));
  }

  collections(): string[] {
    return this.schema.names();
  }

  /** Runs several reads against one consistent snapshot. */
  snapshot<T>(fn: () => T): T {
    return this.runTx(fn) as T;
  }

  find(coll: string, filter?: Doc, window: Window = {}): Doc[] {
    return this.snapshot(() => findDocs(this.ctx, coll, filter, window));
  }

  /** find() as the EJSON texts CloudBase answers (request.ts): whole documents are sent as stored. */
  findWire(coll: string, filter?: Doc, window: Window = {}): string[] {
    return this.snapshot(() => findWire(this.ctx, coll, filter, window));
  }

  count(coll: string, filter?: Doc): number {
    return this.snapshot(() => countDocs(this.ctx, coll, filter));
  }

  /** Groups and their sizes counted by SQLite, or undefined when it cannot answer exactly (see reads.countGroups). */
  countGroups(coll: string, filter: Doc | undefined, keys: GroupKey[]): Array<{ key: unknown[]; n: number }> | undefined {
    return this.snapshot(() => countGroups(this.ctx, coll, filter, keys));
  }

  /** Documents that may match (a superset): for joins, where mingo does the exact matching. */
  candidates(coll: string, filter?: Doc): Doc[] {
    return this.snapshot(() => candidateDocs(this.ctx, coll, filter));
  }

  insert(coll: string, docs: Doc[]): unknown[] {
    return this.guarded((ctx) => insertDocs(ctx, this.schema.get(coll), docs));
  }

  /** Seeding: many documents in one transaction (1M visits in well under a minute). */
  bulkInsert(coll: string, docs: Doc[]): number {
    return this.insert(coll, docs).length;
  }

  update(coll: string, filter: Doc | undefined, spec: UpdateSpec): UpdateResult {
    return this.guarded((ctx) => updateDocs(ctx, coll, filter, spec));
  }

  remove(coll: string, filter: Doc | undefined, multi: boolean): number {
    return this.guarded((ctx) => removeDocs(ctx, coll, filter, multi));
  }

  /** The stored text of one document. */
  readText(coll: string, id: unknown): string | null {
    return this.snapshot(() => readText(this.ctx, coll, id));
  }

  /** A read snapshot for a transaction, taken now (see snapshots.ts). */
  openSnapshot(): Snapshot {
    return this.snapshots.open();
  }

  /** A transaction's first write to a document (see writes.lockForTx); answers the stored text. */
  lockForTx(owner: TxLockOwner, coll: string, id: unknown, seen: string | null): string | null {
    return this.write(() => lockForTx(this.ctx, owner, coll, id, seen, Date.now()));
  }

  /** Applies a transaction's writes and releases its locks. */
  commit(txId: string, writes: TxWrite[]): void {
    try {
      this.write(() => commitTx(this.ctx, txId, writes, Date.now()));
    } catch (err) {
      // Another process held the writer lock past busy_timeout: let runTransaction retry.
      const busy = err instanceof DbError && err.code === ErrorCode.REQUEST_FAILED && /locked/.test(err.message);
      throw busy ? new DbError(ErrorCode.TRANSACTION_CONFLICT, err.message) : err;
    }
  }

  /** Ends a transaction without writing. */
  release(txId: string): void {
    if (this.sqlite.open) this.write(() => releaseTx(this.ctx, txId, Date.now()));
  }

  /** EXPLAIN QUERY PLAN of the read a find() would run: shows which index SQLite uses. */
  explain(coll: string, filter?: Doc, sort?: Record<string, number>): string[] {
    return this.snapshot(() => {
      const { sql, params } = findSql(this.ctx, coll, filter, sort);
      return (this.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
    });
  }

  /**
   * No ANALYZE/`PRAGMA optimize` here on purpose: statistics taken while a collection is small
   * would later steer SQLite to scans; without them it prefers an index for equality.
   */
  close(): void {
    this.snapshots.close();
    if (this.sqlite.open) this.sqlite.close();
  }

  /**
   * A write outside transactions: while some transaction holds locks, every document it would
   * change is checked against them (LockedError, which the request layer waits out).
   */
  private guarded<T>(fn: (ctx: Ctx) => T): T {
    return this.write(() => {
      const now = Date.now();
      if (!anyLocks(this.ctx, now)) return fn(this.ctx);
      const guard = (coll: string, id: unknown): void => {
        const until = lockedUntil(this.ctx, coll, id, now);
        if (until !== undefined) throw new LockedError(until);
      };
      return fn({ ...this.ctx, guard });
    });
  }

  private write<T>(fn: () => T): T {
    try {
      return this.runTx.immediate(fn) as T;
    } catch (err) {
      throw mapSqliteError(err);
    }
  }

  private stmt(sql: string, pluck = false): BetterSqlite3.Statement {
    return cached(this.sqlite, this.stmts, sql, pluck);
  }
}
