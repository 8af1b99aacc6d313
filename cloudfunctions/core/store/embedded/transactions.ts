/**
 * CloudBase transactions, run as CloudBase runs them (MongoDB snapshot transactions underneath;
 * the behaviour below is what node-sdk's own transaction tests assert against CloudBase:
 * TencentCloudBase/node-sdk test/database/unit/transaction.test.ts, 读快照 / 读偏 / 冲突检测):
 * - reads see the store as it was when the transaction started (a WAL read snapshot held on a
 *   connection of its own), overlaid with the transaction's own writes;
 * - a write takes the document: it conflicts at once when another open transaction has written
 *   it, or when it changed since the snapshot, so the first writer wins. The conflict aborts
 *   the transaction, as MongoDB aborts it on a write conflict; later calls on it answer
 *   TransactionNotExist, and `runTransaction` starts a new one;
 * - reads take nothing: a transaction that only read commits whatever changed meanwhile;
 * - commit applies the writes at once. A write outside any transaction to a document a
 *   transaction holds waits until that transaction ends (request.ts), as in MongoDB.
 * Locks live in the store file, so two processes on one store see each other's transactions.
 * Transactions left open expire after 30 s, as on CloudBase.
 */
import { decodeDoc, encodeDoc, idKey, newId, withId, type Doc } from './codec';
import type { EmbeddedEngine, Snapshot, TxWrite } from './engine';
import { DbError, ErrorCode, transactionNotExist } from './errors';
import { byDistance, nearOf } from './geo';
import { applyUpdate, compileFilter } from './mongo';
import { finish, type Window } from './projection';

const TTL_MS = 30_000;

interface Tx {
  id: string;
  expires: number;
  snap: Snapshot;
  /** coll + id key → the document it will commit (null: delete), and what was stored when it took it. */
  writes: Map<string, TxWrite>;
}

export interface TxUpdate {
  update?: Doc;
  replacement?: Doc;
  upsert: boolean;
}

export interface TxUpdateResult {
  /** 1 when a document matched (CloudBase's `updated` for updateAndReturn). */
  matched: number;
  /** 1 when the document changed, or was replaced by doc().set(). */
  updated: number;
  upsertedId?: unknown;
  doc?: Doc;
}

const keyOf = (coll: string, id: unknown): string => `${coll}\u0000${idKey(id)}`;
const clone = (doc: Doc): Doc => decodeDoc(encodeDoc(doc));

export class Transactions {
  private readonly open = new Map<string, Tx>();

  constructor(private readonly engine: EmbeddedEngine) {}

  start(): string {
    const now = Date.now();
    for (const tx of [...this.open.values()]) if (tx.expires < now) this.end(tx);
    const id = newId();
    this.open.set(id, { id, expires: now + TTL_MS, snap: this.engine.openSnapshot(), writes: new Map() });
    return id;
  }

  commit(id: string): void {
    const tx = this.get(id);
    this.open.delete(id);
    try {
      if (tx.writes.size) this.engine.commit(id, [...tx.writes.values()]);
    } catch (err) {
      this.engine.release(id);
      throw err;
    } finally {
      tx.snap.close();
    }
  }

  abort(id: string): void {
    this.end(this.get(id));
  }

  getDoc(id: string, coll: string, docId: unknown): Doc | null {
    const doc = this.visible(this.get(id), coll, docId);
    return doc && clone(doc);
  }

  /** A where() read inside the transaction: its snapshot's matches overlaid with what it wrote. */
  find(id: string, coll: string, filter: Doc | undefined, window: Window): Doc[] {
    const tx = this.get(id);
    const written = [...tx.writes.entries()].filter(([, w]) => w.coll === coll);
    if (!written.length) return tx.snap.find(coll, filter, window);
    const test = compileFilter(filter);
    const found = new Map<string, Doc>();
    for (const doc of tx.snap.find(coll, filter)) found.set(keyOf(coll, doc._id), doc);
    for (const [key, w] of written) {
      if (w.doc && test(w.doc)) found.set(key, clone(w.doc));
      else found.delete(key);
    }
    const near = window.sort && Object.keys(window.sort).length ? undefined : nearOf(filter);
    return finish(near ? byDistance([...found.values()], near, (d) => d) : [...found.values()], window);
  }

  insert(id: string, coll: string, docs: Doc[]): unknown[] {
    const tx = this.get(id);
    return docs.map((doc) => {
      const full = withId(doc._id ?? newId(), doc);
      if (this.visible(tx, coll, full._id)) {
        throw new DbError(ErrorCode.DUPLICATE_WRITE, `E11000 duplicate key error: _id ${idKey(full._id)}`);
      }
      this.take(tx, coll, full._id, full);
      return full._id;
    });
  }

  update(id: string, coll: string, docId: unknown, spec: TxUpdate): TxUpdateResult {
    const tx = this.get(id);
    const before = this.visible(tx, coll, docId);
    if (!before) {
      if (!spec.upsert) return { matched: 0, updated: 0 };
      const doc = withId(docId, spec.replacement ?? {});
      if (!spec.replacement) applyUpdate(doc, spec.update ?? {});
      this.take(tx, coll, docId, doc);
      return { matched: 0, updated: 0, upsertedId: docId, doc };
    }
    const next = spec.replacement ? withId(docId, spec.replacement) : clone(before);
    if (!spec.replacement) applyUpdate(next, spec.update ?? {});
    // An update that changes nothing writes nothing, so it takes no lock (MongoDB skips no-op
    // writes); doc().set() replaces, and counts as updated, as CloudBase documents it.
    if (!spec.replacement && encodeDoc(next) === encodeDoc(before)) return { matched: 1, updated: 0, doc: next };
    this.take(tx, coll, docId, next);
    return { matched: 1, updated: 1, doc: next };
  }

  remove(id: string, coll: string, docId: unknown): number {
    const tx = this.get(id);
    if (!this.visible(tx, coll, docId)) return 0;
    this.take(tx, coll, docId, null);
    return 1;
  }

  private get(id: string): Tx {
    const tx = this.open.get(id);
    if (tx && tx.expires >= Date.now()) return tx;
    if (tx) this.end(tx);
    throw transactionNotExist();
  }

  private end(tx: Tx): void {
    this.open.delete(tx.id);
    try {
      if (tx.writes.size) this.engine.release(tx.id);
    } finally {
      tx.snap.close();
    }
  }

  /** The document as this transaction sees it: its own write, else its snapshot's. */
  private visible(tx: Tx, coll: string, docId: unknown): Doc | null {
    const written = tx.writes.get(keyOf(coll, docId));
    if (written) return written.doc;
    const text = tx.snap.readText(coll, docId);
    return text === null ? null : decodeDoc(text);
  }

  /** Records a write; the first one to a document locks it, or aborts the transaction on a conflict. */
  private take(tx: Tx, coll: string, docId: unknown, doc: Doc | null): void {
    const key = keyOf(coll, docId);
    const existing = tx.writes.get(key);
    if (existing) {
      existing.doc = doc;
      return;
    }
    let base: string | null;
    try {
      base = this.engine.lockForTx(tx, coll, docId, tx.snap.readText(coll, docId));
    } catch (err) {
      if (err instanceof DbError && err.code === ErrorCode.TRANSACTION_CONFLICT) this.end(tx);
      throw err;
    }
    tx.writes.set(key, { coll, id: docId, doc, base });
  }
}
