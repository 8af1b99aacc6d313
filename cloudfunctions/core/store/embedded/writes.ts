/**
 * Writes, each run by the engine inside one `BEGIN IMMEDIATE` transaction: the rows are read,
 * tested, changed and written while this connection holds the file's writer lock, so a
 * `where({ _id, version })` update cannot interleave with another process's.
 */
import { decodeDoc, encodeDoc, idKey, isObjectId, newId, withId, type Doc } from './codec';
import { transactionConflict } from './errors';
import { byDistance, nearOf } from './geo';
import { applyUpdate, compileFilter } from './mongo';
import { plan } from './planner';
import { select, where, type Ctx } from './reads';
import type { CollectionInfo } from './schema';

export interface UpdateSpec {
  /** Update operators (`$set`, `$inc`…), or… */
  update?: Doc;
  /** …a whole new document (doc().set()): `_id` is kept. */
  replacement?: Doc;
  multi: boolean;
  upsert: boolean;
}

export interface UpdateResult {
  matched: number;
  /** Documents whose stored content changed (MongoDB's nModified). */
  modified: number;
  upsertedId?: unknown;
  /** The last matched (or upserted) document after the update. */
  doc?: Doc;
}

export interface TxWrite {
  coll: string;
  id: unknown;
  /** null deletes. */
  doc: Doc | null;
  /** The stored text when the transaction took the document's lock (null: it did not exist). */
  base: string | null;
}

/** An open transaction, as the lock table knows it. */
export interface TxLockOwner {
  id: string;
  expires: number;
}

/**
 * Per document written by an open transaction, which transaction holds it and until when. In
 * the store file, so two processes on one store see each other's transactions.
 */
const LOCKS = '_bangfu_tx_locks';

export function createLockTable(ctx: Ctx): void {
  ctx
    .stmt(
      `CREATE TABLE IF NOT EXISTS ${LOCKS} (coll TEXT NOT NULL, id TEXT NOT NULL, tx TEXT NOT NULL, expires INTEGER NOT NULL, PRIMARY KEY (coll, id)) WITHOUT ROWID`,
    )
    .run();
  ctx.stmt(`CREATE INDEX IF NOT EXISTS ${LOCKS}_tx ON ${LOCKS} (tx)`).run();
}

/** Whether any open transaction holds a lock now: most writes then skip the per-document check. */
export function anyLocks(ctx: Ctx, now: number): boolean {
  return ctx.stmt(`SELECT 1 FROM ${LOCKS} WHERE expires >= ? LIMIT 1`, true).get(now) !== undefined;
}

/** When the open transaction holding (coll, id) expires, or undefined when none holds it. */
export function lockedUntil(ctx: Ctx, coll: string, id: unknown, now: number): number | undefined {
  return ctx.stmt(`SELECT expires FROM ${LOCKS} WHERE coll = ? AND id = ? AND expires >= ?`, true).get(coll, idKey(id), now) as number | undefined;
}

/**
 * A transaction's first write to a document, as MongoDB checks it: it conflicts when another
 * open transaction has written the document (the first writer wins), or when the document
 * changed since the transaction's snapshot (`seen`). Otherwise the transaction holds the
 * document until it ends. Answers the stored text, which commit checks again.
 */
export function lockForTx(ctx: Ctx, owner: TxLockOwner, coll: string, id: unknown, seen: string | null, now: number): string | null {
  ctx.schema.get(coll);
  const key = idKey(id);
  const holder = ctx.stmt(`SELECT tx, expires FROM ${LOCKS} WHERE coll = ? AND id = ?`).get(coll, key) as { tx: string; expires: number } | undefined;
  if (holder && holder.tx !== owner.id && holder.expires >= now) throw transactionConflict();
  const current = readText(ctx, coll, id);
  if (current !== seen) throw transactionConflict();
  ctx.stmt(`INSERT OR REPLACE INTO ${LOCKS} (coll, id, tx, expires) VALUES (?, ?, ?, ?)`).run(coll, key, owner.id, owner.expires);
  return current;
}

/** Ends a transaction without writing: its locks go (and long-expired ones of crashed processes). */
export function releaseTx(ctx: Ctx, txId: string, now: number): void {
  ctx.stmt(`DELETE FROM ${LOCKS} WHERE tx = ? OR expires < ?`).run(txId, now - 60_000);
}

type Row = { rid: number; doc: string };

export function insertDocs(ctx: Ctx, info: CollectionInfo, docs: Doc[]): unknown[] {
  const insert = ctx.stmt(`INSERT INTO ${info.table} (id, doc) VALUES (?, ?)`);
  const stored = docs.map((doc) => {
    const full = withId(doc._id ?? newId(), doc);
    ctx.guard?.(info.name, full._id);
    insert.run(idKey(full._id), encodeDoc(full));
    return full;
  });
  ctx.schema.note(info, stored);
  return stored.map((d) => d._id);
}

export function updateDocs(ctx: Ctx, coll: string, filter: Doc | undefined, spec: UpdateSpec): UpdateResult {
  const info = ctx.schema.get(coll);
  const p = plan(filter, info);
  const test = compileFilter(filter);
  const rows = nearestFirst(ctx.stmt(`${select(info, 'rid, doc', p)} ORDER BY rid`).all(...p.params) as Row[], filter, spec.multi);
  const write = ctx.stmt(`UPDATE ${info.table} SET doc = ? WHERE rid = ?`);
  const result: UpdateResult = { matched: 0, modified: 0 };
  const changed: Doc[] = [];
  for (const row of rows) {
    const doc = decodeDoc(row.doc);
    if (!test(doc)) continue;
    result.matched++;
    const next = spec.replacement ? withId(doc._id, spec.replacement) : doc;
    if (!spec.replacement) applyUpdate(next, spec.update ?? {});
    const text = encodeDoc(next);
    if (text !== row.doc) {
      ctx.guard?.(coll, doc._id);
      write.run(text, row.rid);
      result.modified++;
      changed.push(next);
    }
    result.doc = next;
    if (!spec.multi) break;
  }
  ctx.schema.note(info, changed);
  if (result.matched || !spec.upsert) return result;
  // Only the filter's `_id` seeds the new document: the SDK upserts by doc(id) alone.
  const id = upsertId(filter) ?? newId();
  const doc = withId(id, spec.replacement ?? {});
  if (!spec.replacement) applyUpdate(doc, spec.update ?? {});
  insertDocs(ctx, info, [doc]);
  return { matched: 0, modified: 0, upsertedId: id, doc };
}

export function removeDocs(ctx: Ctx, coll: string, filter: Doc | undefined, multi: boolean): number {
  const info = ctx.schema.get(coll);
  const p = plan(filter, info);
  if (p.exact && multi && !ctx.guard) return ctx.stmt(`DELETE FROM ${info.table}${where(p)}`).run(...p.params).changes;
  const test = compileFilter(filter);
  const del = ctx.stmt(`DELETE FROM ${info.table} WHERE rid = ?`);
  let deleted = 0;
  for (const row of nearestFirst(ctx.stmt(`${select(info, 'rid, doc', p)} ORDER BY rid`).all(...p.params) as Row[], filter, multi)) {
    const doc = decodeDoc(row.doc);
    if (!test(doc)) continue;
    ctx.guard?.(coll, doc._id);
    deleted += del.run(row.rid).changes;
    if (!multi) break;
  }
  return deleted;
}

/** A one-document write with a `$nearSphere` filter takes the nearest match, as MongoDB's find does. */
function nearestFirst(rows: Row[], filter: Doc | undefined, multi: boolean | undefined): Row[] {
  const near = multi ? undefined : nearOf(filter);
  return near ? byDistance(rows, near, (row) => decodeDoc(row.doc)) : rows;
}

export function readText(ctx: Ctx, coll: string, id: unknown): string | null {
  const info = ctx.schema.get(coll);
  return (ctx.stmt(`SELECT doc FROM ${info.table} WHERE id = ?`, true).get(idKey(id)) as string | undefined) ?? null;
}

/**
 * Applies a transaction's writes. Each document is still locked by it and unchanged since it
 * took the lock (a lock lost by expiry, or a process that wrote past the lock, is a conflict).
 */
export function commitTx(ctx: Ctx, txId: string, writes: TxWrite[], now: number): void {
  for (const w of writes) {
    const holder = ctx.stmt(`SELECT tx FROM ${LOCKS} WHERE coll = ? AND id = ?`, true).get(w.coll, idKey(w.id));
    if (holder !== txId || readText(ctx, w.coll, w.id) !== w.base) throw transactionConflict();
  }
  for (const w of writes) {
    const info = ctx.schema.get(w.coll);
    if (!w.doc) {
      ctx.stmt(`DELETE FROM ${info.table} WHERE id = ?`).run(idKey(w.id));
    } else if (ctx.stmt(`UPDATE ${info.table} SET doc = ? WHERE id = ?`).run(encodeDoc(w.doc), idKey(w.id)).changes) {
      ctx.schema.note(info, [w.doc]);
    } else {
      insertDocs(ctx, info, [w.doc]);
    }
  }
  releaseTx(ctx, txId, now);
}

/** The `_id` an upsert creates: the one the filter names, as MongoDB does. */
function upsertId(filter: Doc | undefined): unknown {
  const id = filter?._id;
  const value = id !== null && typeof id === 'object' && '$eq' in id ? (id as Doc).$eq : id;
  return typeof value === 'string' || typeof value === 'number' || isObjectId(value) ? value : undefined;
}
