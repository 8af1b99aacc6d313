/**
 * Writes, each run by the engine inside one `BEGIN IMMEDIATE` transaction: the rows are read,
 * tested, changed and written while this connection holds the file's writer lock, so a
 * `where({ _id, version })` update cannot interleave with another process's.
 */
import { decodeDoc, encodeDoc, idKey, newId, withId, type Doc } from './codec';
import { DbError, ErrorCode } from './errors';
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

export interface TxRead {
  coll: string;
  id: unknown;
  /** Stored text when the transaction read it; null when the document did not exist. */
  text: string | null;
}

export interface TxWrite {
  coll: string;
  id: unknown;
  /** null deletes. */
  doc: Doc | null;
}

type Row = { rid: number; doc: string };

export function insertDocs(ctx: Ctx, info: CollectionInfo, docs: Doc[]): unknown[] {
  const insert = ctx.stmt(`INSERT INTO ${info.table} (id, doc) VALUES (?, ?)`);
  const stored = docs.map((doc) => {
    const full = withId(doc._id ?? newId(), doc);
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
  const rows = ctx.stmt(`${select(info, 'rid, doc', p)} ORDER BY rid`).all(...p.params) as Row[];
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
  if (p.exact && multi) return ctx.stmt(`DELETE FROM ${info.table}${where(p)}`).run(...p.params).changes;
  const test = compileFilter(filter);
  const del = ctx.stmt(`DELETE FROM ${info.table} WHERE rid = ?`);
  let deleted = 0;
  for (const row of ctx.stmt(`${select(info, 'rid, doc', p)} ORDER BY rid`).all(...p.params) as Row[]) {
    if (!test(decodeDoc(row.doc))) continue;
    deleted += del.run(row.rid).changes;
    if (!multi) break;
  }
  return deleted;
}

export function readText(ctx: Ctx, coll: string, id: unknown): string | null {
  const info = ctx.schema.get(coll);
  return (ctx.stmt(`SELECT doc FROM ${info.table} WHERE id = ?`, true).get(idKey(id)) as string | undefined) ?? null;
}

/** Applies a transaction's buffered writes if nothing it read has changed since. */
export function commitTx(ctx: Ctx, reads: TxRead[], writes: TxWrite[]): void {
  for (const r of reads) {
    if (readText(ctx, r.coll, r.id) !== r.text) {
      throw new DbError(ErrorCode.TRANSACTION_CONFLICT, 'Transaction is conflict, maybe resource operated by others');
    }
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
}

/** The `_id` an upsert creates: the one the filter names, as MongoDB does. */
function upsertId(filter: Doc | undefined): unknown {
  const id = filter?._id;
  const value = id !== null && typeof id === 'object' && '$eq' in id ? (id as Doc).$eq : id;
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}
