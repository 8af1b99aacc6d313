/**
 * CloudBase transactions, optimistically, as CloudBase runs them: reads inside a transaction see
 * its own writes and repeat what they read first; writes are buffered; commit re-checks, inside
 * one `BEGIN IMMEDIATE`, that nothing the transaction read or wrote has changed since, then
 * applies the writes. A changed document answers DATABASE_TRANSACTION_CONFLICT, which
 * `runTransaction` retries. No SQLite lock is held between the SDK's awaits, so a function that
 * also writes outside its transaction (or two open transactions in one process) cannot deadlock
 * the single-threaded host. Transactions left open expire after 30 s, as on CloudBase.
 */
import { decodeDoc, encodeDoc, idKey, newId, withId, type Doc } from './codec';
import type { EmbeddedEngine, TxRead, TxWrite } from './engine';
import { DbError, ErrorCode } from './errors';
import { applyUpdate, compileFilter, finish, type Window } from './mongo';

const TTL_MS = 30_000;

interface Tx {
  expires: number;
  /** coll + id key → what the transaction first saw in the store. */
  reads: Map<string, TxRead>;
  /** coll + id key → the document it will commit (null: delete). */
  writes: Map<string, TxWrite>;
}

export interface TxUpdate {
  update?: Doc;
  replacement?: Doc;
  upsert: boolean;
}

const keyOf = (coll: string, id: unknown): string => `${coll}\u0000${idKey(id)}`;
const clone = (doc: Doc): Doc => decodeDoc(encodeDoc(doc));

export class Transactions {
  private readonly open = new Map<string, Tx>();

  constructor(private readonly engine: EmbeddedEngine) {}

  start(): string {
    const now = Date.now();
    for (const [id, tx] of this.open) if (tx.expires < now) this.open.delete(id);
    const id = newId();
    this.open.set(id, { expires: now + TTL_MS, reads: new Map(), writes: new Map() });
    return id;
  }

  commit(id: string): void {
    const tx = this.get(id);
    this.open.delete(id);
    this.engine.commit([...tx.reads.values()], [...tx.writes.values()]);
  }

  abort(id: string): void {
    this.get(id);
    this.open.delete(id);
  }

  getDoc(id: string, coll: string, docId: unknown): Doc | null {
    const doc = this.current(this.get(id), coll, docId);
    return doc && clone(doc);
  }

  /** A where() read inside the transaction: the store's matches overlaid with what it saw and wrote. */
  find(id: string, coll: string, filter: Doc | undefined, window: Window): Doc[] {
    const tx = this.get(id);
    const test = compileFilter(filter);
    const found = new Map<string, Doc>();
    for (const doc of this.engine.find(coll, filter)) found.set(keyOf(coll, doc._id), doc);
    const overlay = (key: string, doc: Doc | null): void => {
      if (doc && test(doc)) found.set(key, clone(doc));
      else found.delete(key);
    };
    for (const [key, r] of tx.reads) if (r.coll === coll && !tx.writes.has(key)) overlay(key, r.text === null ? null : decodeDoc(r.text));
    for (const [key, w] of tx.writes) if (w.coll === coll) overlay(key, w.doc);
    // What the caller saw must still hold at commit: remember every match like a doc() read.
    for (const [key, doc] of found) {
      if (!tx.reads.has(key) && !tx.writes.has(key)) tx.reads.set(key, { coll, id: doc._id, text: encodeDoc(doc) });
    }
    return finish([...found.values()], window);
  }

  insert(id: string, coll: string, docs: Doc[]): unknown[] {
    const tx = this.get(id);
    return docs.map((doc) => {
      const full = withId(doc._id ?? newId(), doc);
      if (this.current(tx, coll, full._id)) {
        throw new DbError(ErrorCode.DUPLICATE_WRITE, `E11000 duplicate key error: _id ${idKey(full._id)}`);
      }
      tx.writes.set(keyOf(coll, full._id), { coll, id: full._id, doc: full });
      return full._id;
    });
  }

  update(id: string, coll: string, docId: unknown, spec: TxUpdate): { updated: number; upsertedId?: unknown; doc?: Doc } {
    const tx = this.get(id);
    const key = keyOf(coll, docId);
    const before = this.current(tx, coll, docId);
    this.assertFresh(tx, key);
    if (!before) {
      if (!spec.upsert) return { updated: 0 };
      const doc = withId(docId, spec.replacement ?? {});
      if (!spec.replacement) applyUpdate(doc, spec.update ?? {});
      tx.writes.set(key, { coll, id: docId, doc });
      return { updated: 0, upsertedId: docId, doc };
    }
    const next = spec.replacement ? withId(docId, spec.replacement) : clone(before);
    if (!spec.replacement) applyUpdate(next, spec.update ?? {});
    tx.writes.set(key, { coll, id: docId, doc: next });
    // doc().set() counts an existing document as updated, as CloudBase documents it.
    const updated = spec.replacement || encodeDoc(next) !== encodeDoc(before) ? 1 : 0;
    return { updated, doc: next };
  }

  remove(id: string, coll: string, docId: unknown): number {
    const tx = this.get(id);
    const key = keyOf(coll, docId);
    if (!this.current(tx, coll, docId)) return 0;
    this.assertFresh(tx, key);
    tx.writes.set(key, { coll, id: docId, doc: null });
    return 1;
  }

  private get(id: string): Tx {
    const tx = this.open.get(id);
    if (!tx || tx.expires < Date.now()) {
      this.open.delete(id);
      throw new DbError(
        ErrorCode.TRANSACTION_FAIL,
        '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds.',
      );
    }
    return tx;
  }

  /** The document as this transaction sees it; the first sight of it is remembered for commit. */
  private current(tx: Tx, coll: string, docId: unknown): Doc | null {
    const key = keyOf(coll, docId);
    const written = tx.writes.get(key);
    if (written) return written.doc;
    let read = tx.reads.get(key);
    if (!read) {
      read = { coll, id: docId, text: this.engine.readText(coll, docId) };
      tx.reads.set(key, read);
    }
    return read.text === null ? null : decodeDoc(read.text);
  }

  /** Fail a write early, as CloudBase does, when someone else changed what we read. */
  private assertFresh(tx: Tx, key: string): void {
    const read = tx.reads.get(key);
    if (read && this.engine.readText(read.coll, read.id) !== read.text) {
      throw new DbError(ErrorCode.TRANSACTION_CONFLICT, 'Transaction is conflict, maybe resource operated by others');
    }
  }
}
