/**
 * Read snapshots for CloudBase transactions. Each open transaction holds a WAL read transaction
 * on a connection of its own, begun when the transaction starts: its reads answer what the store
 * held then, whatever is committed since (by this process or another). A WAL reader never blocks
 * writers, so holding one across the SDK's awaits cannot stall the single-threaded host.
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import type { Doc } from './codec';
import type { Window } from './projection';
import { findDocs, type Ctx } from './reads';
import type { Schema } from './schema';
import { readText } from './writes';

export interface Snapshot {
  find(coll: string, filter?: Doc, window?: Window): Doc[];
  readText(coll: string, id: unknown): string | null;
  /** Ends the read transaction; the connection goes back to the pool. */
  close(): void;
}

/** Idle connections kept for the next transaction. */
const IDLE = 4;

export class SnapshotPool {
  private readonly idle: BetterSqlite3.Database[] = [];
  private readonly inUse = new Set<BetterSqlite3.Database>();
  private readonly stmts = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
  private closed = false;

  /** `begun` runs right after each snapshot begins (the engine refreshes its kind masks). */
  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
    private readonly schema: Schema,
    private readonly begun: () => void,
  ) {}

  open(): Snapshot {
    const conn = this.idle.pop() ?? this.connect();
    this.inUse.add(conn);
    const stmts = this.stmts.get(conn)!;
    const ctx: Ctx = { schema: this.schema, stmt: (sql, pluck = false) => cached(conn, stmts, sql, pluck) };
    conn.exec('BEGIN');
    ctx.stmt('SELECT 1 FROM _bangfu_kinds LIMIT 1').get(); // a WAL snapshot starts at the first read
    this.begun();
    let open = true;
    return {
      find: (coll, filter, window = {}) => ifTable(() => findDocs(ctx, coll, filter, window), []),
      readText: (coll, id) => ifTable(() => readText(ctx, coll, id), null),
      close: () => {
        if (!open) return;
        open = false;
        this.inUse.delete(conn);
        if (!conn.open) return;
        conn.exec('COMMIT');
        if (!this.closed && this.idle.length < IDLE) this.idle.push(conn);
        else conn.close();
      },
    };
  }

  close(): void {
    this.closed = true;
    for (const conn of [...this.idle, ...this.inUse]) if (conn.open) conn.close();
    this.idle.length = 0;
    this.inUse.clear();
  }

  private connect(): BetterSqlite3.Database {
    const conn = new Database(this.file);
    conn.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    conn.pragma('cache_size = -16384');
    this.stmts.set(conn, new Map());
    return conn;
  }
}

/** A prepared statement from a connection's cache. */
export function cached(db: BetterSqlite3.Database, stmts: Map<string, BetterSqlite3.Statement>, sql: string, pluck: boolean): BetterSqlite3.Statement {
  const key = `${pluck ? 'p' : 'r'}${sql}`;
  let stmt = stmts.get(key);
  if (!stmt) {
    if (stmts.size > 500) stmts.clear();
    stmt = db.prepare(sql);
    if (pluck) stmt.pluck();
    stmts.set(key, stmt);
  }
  return stmt;
}

/** A collection created after the snapshot began holds nothing in it. */
function ifTable<T>(read: () => T, empty: T): T {
  try {
    return read();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_ERROR' && /no such table/.test((err as Error).message)) return empty;
    throw err;
  }
}
