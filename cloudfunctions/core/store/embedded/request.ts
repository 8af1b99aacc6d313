/**
 * The local replacement for node-sdk's `TcbDBApiHttpRequester`: `@cloudbase/database` builds each
 * call as `send(action, params)` with EJSON strings and reads the response shapes below (see
 * node_modules/@cloudbase/database/dist/commonjs/{query,document,collection,aggregate}.js and
 * transaction/index.js). Answers carry exactly the fields the SDK reads, so its own response
 * handling (`doc().get()` answering an array, `add()` answering `id`…) runs unchanged.
 */
import { parseWire, pullConditions, toWire, wireId, type Doc } from './codec';
import type { EmbeddedEngine } from './engine';
import { aggregate } from './aggregate';
import { DbError, ErrorCode, LockedError, unsupported } from './errors';
import { project } from './projection';
import type { Transactions, TxUpdate } from './transactions';

export interface Backend {
  engine: EmbeddedEngine;
  transactions: Transactions;
}

type Params = Record<string, unknown>;
type Answer = Record<string, unknown>;

/** One request, decoded once: what every handler needs. */
interface Call {
  engine: EmbeddedEngine;
  txs: Transactions;
  p: Params;
  coll: string;
  /** Set when the SDK sent the call inside a transaction. */
  txId?: string;
  filter?: Doc;
  /** doc(id) calls carry `{ _id }` as their query; where() calls a filter. */
  isDoc: boolean;
}

/** Query limits of node-sdk in functions: 100 by default, 1,000 at most. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

let requestSeq = 0;

export async function handle(backend: Backend, action: string, p: Params = {}): Promise<Answer> {
  const requestId = `embedded-${process.pid}-${++requestSeq}`;
  for (let wait = 1; ; wait = Math.min(2 * wait, 25)) {
    try {
      return { requestId, ...run(backend, action, p) };
    } catch (err) {
      // A write outside transactions to a document an open transaction holds waits until that
      // transaction commits, aborts or expires, as MongoDB makes it wait.
      if (err instanceof LockedError && Date.now() <= err.until + 1000) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      if (err instanceof DbError) err.requestId = requestId;
      throw err;
    }
  }
}

function run({ engine, transactions }: Backend, action: string, p: Params): Answer {
  const handler = handlers[action];
  if (!handler) throw unsupported(`request ${action}`);
  return handler({
    engine,
    txs: transactions,
    p,
    coll: p.collectionName as string,
    txId: typeof p.transactionId === 'string' ? p.transactionId : undefined,
    filter: parseWire(p.query, 'query') as Doc | undefined,
    isDoc: p.queryType === 'DOC',
  });
}

const handlers: Record<string, (call: Call) => Answer> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': ({ engine, coll, filter }) => ({ data: { total: engine.count(coll, filter) } }),
  'database.insertDocument': ({ engine, txs, txId, coll, p }) => {
    const docs = (Array.isArray(p.data) ? p.data : [p.data]).map((d) => asDoc(parseWire(d, 'data')));
    const ids = txId ? txs.insert(txId, coll, docs) : engine.insert(coll, docs);
    return { data: { insertedIds: ids.map(wireId) } };
  },
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': (call) => {
    const { engine, txs, txId, coll, filter, p } = call;
    if (!txId) return { data: { deleted: engine.remove(coll, filter, p.multi === true) } };
    const deleted = txTargets(call, p.multi === true).reduce((n: number, id) => n + txs.remove(txId, coll, id), 0);
    return { data: { deleted } };
  },
  'database.aggregateDocuments': ({ engine, coll, p }) => {
    const stages = (p.stages ?? []) as Array<{ stageKey: string; stageValue: string }>;
    const pipeline = stages.map((s) => ({ [s.stageKey]: parseWire(s.stageValue, 'query') }));
    return { data: { list: aggregate(engine, coll, pipeline).map(toWire) } };
  },
  'database.startTransaction': ({ txs }) => ({ transactionId: txs.start() }),
  'database.commitTransaction': ({ txs, p }) => (txs.commit(p.transactionId as string), {}),
  'database.abortTransaction': ({ txs, p }) => (txs.abort(p.transactionId as string), {}),
  'database.addCollection': ({ engine, coll }) => {
    if (!engine.createCollection(coll)) {
      throw new DbError(ErrorCode.COLLECTION_ALREADY_EXIST, `collection ${coll} already exists`);
    }
    return {};
  },
};

function getDocument({ engine, txs, txId, coll, filter, isDoc, p }: Call): Answer {
  const limit = isDoc ? undefined : clampLimit(p.limit);
  const offset = typeof p.offset === 'number' ? p.offset : 0;
  const window = {
    sort: parseWire(p.order, 'query') as Record<string, number> | undefined,
    skip: offset,
    limit,
    projection: parseWire(p.projection, 'query') as Doc | undefined,
  };
  let list: string[];
  if (txId && isDoc) {
    const doc = txs.getDoc(txId, coll, docId(filter));
    list = project(doc ? [doc] : [], window.projection).map(toWire);
  } else {
    list = txId ? txs.find(txId, coll, filter, window).map(toWire) : engine.findWire(coll, filter, window);
  }
  return { data: { list, limit, offset } };
}

function modifyDocument(call: Call): Answer {
  const { engine, txs, txId, coll, filter, p } = call;
  const spec = updateSpec(p);
  if (!txId) {
    const r = engine.update(coll, filter, { ...spec, multi: p.multi === true });
    // doc().set() counts an existing document as updated (CloudBase docs); update() what changed.
    return { data: { updated: spec.replacement ? r.matched : r.modified, upsert_id: wireId(r.upsertedId) } };
  }
  let updated = 0;
  let upsertId: unknown;
  for (const id of txTargets(call, p.multi === true)) {
    const r = txs.update(txId, coll, id, spec);
    updated += r.updated;
    upsertId ??= r.upsertedId;
  }
  return { data: { updated, upsert_id: wireId(upsertId) } };
}

/**
 * where().updateAndReturn(): the SDK sends no `multi` (one document, the first match) and reads
 * `updated` and `doc`. `updated` counts the matched document whether or not its content changed
 * (a findAndModify answer; uniCloud's docs for the same CloudBase call: "此接口返回的updated不表示数据
 * 真的进行了更新"). The SDK has no doc().updateAndReturn().
 */
function modifyAndReturnDoc(call: Call): Answer {
  const { engine, txs, txId, coll, filter, p } = call;
  const spec = { ...updateSpec(p), upsert: false };
  if (!txId) {
    const r = engine.update(coll, filter, { ...spec, multi: false });
    return { data: { updated: r.matched, doc: r.doc ? toWire(r.doc) : null } };
  }
  const [id] = txTargets(call, false);
  const r = id === undefined ? { matched: 0, doc: undefined } : txs.update(txId, coll, id, spec);
  return { data: { updated: r.matched, doc: r.doc ? toWire(r.doc) : null } };
}

function clampLimit(limit: unknown): number {
  return typeof limit === 'number' && limit > 0 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
}

function asDoc(value: unknown): Doc {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DbError(ErrorCode.INVALID_PARAM, 'a document must be an object');
  }
  return value as Doc;
}

/** `merge: false` is doc().set(): a whole document. Otherwise update operators. */
function updateSpec(p: Params): TxUpdate {
  const data = asDoc(parseWire(p.data, 'data'));
  if (data.$pull) data.$pull = pullConditions(data.$pull);
  const keys = Object.keys(data);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (p.merge === false) {
    if (operators.length) throw new DbError(ErrorCode.INVALID_PARAM, 'update operator complicit');
    return { replacement: data, upsert: p.upsert === true };
  }
  if (operators.length && operators.length !== keys.length) {
    throw new DbError(ErrorCode.INVALID_PARAM, 'cannot mix update operators and plain fields');
  }
  // Only options({ raw: true }) sends plain fields here; the SDK wraps them in $set itself otherwise.
  return { update: operators.length ? data : { $set: data }, upsert: p.upsert === true };
}

function docId(filter: Doc | undefined): unknown {
  if (filter?._id === undefined) throw new DbError(ErrorCode.INVALID_PARAM, 'docId不能为空');
  return filter._id;
}

/** Documents a write inside a transaction touches: the doc() one, or the where() matches. */
function txTargets({ txs, txId, coll, filter, isDoc }: Call, multi: boolean): unknown[] {
  if (isDoc) return [docId(filter)];
  return txs.find(txId!, coll, filter, multi ? {} : { limit: 1 }).map((d) => d._id);
}
