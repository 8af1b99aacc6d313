/**
 * The SDK contract: every operator `db.command` offers (plus `db.RegExp`) is built by the real
 * @cloudbase/node-sdk and answered by the embedded engine. The case list is checked against the
 * SDK's own operator list, so an SDK upgrade that adds an operator or moves the request seam
 * fails here loudly. Query cases run twice: on a collection without indexes (mingo alone) and on
 * one with indexes over the same fields (planner + SQLite, arrays included), which must agree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDb, INDEXES, type Database } from '../../../cloudfunctions/core/store';
import { useEmbeddedStore, type EmbeddedStore } from '../../../cloudfunctions/core/store/embedded';

type Cmd = Database['command'];
type Query = Record<string, unknown>;

const PLAIN = 'contract';
const INDEXED = 'contract_ix';
const indexes = {
  ...INDEXES,
  [INDEXED]: ['n', 's', 'tags', 'd', 'nested.k', 'flag', 'arr', 'items.q'].map((f) => ({ name: f.replace('.', '_'), fields: [f] })),
};

const seed = () => [
  { _id: 'a', n: 1, s: 'apple', tags: ['x', 'y'], arr: [1, 2, 3], nested: { k: 1 }, items: [{ q: 1 }, { q: 5 }], flag: true, d: new Date('2024-01-01') },
  { _id: 'b', n: 2, s: 'banana', tags: ['y'], arr: [4], nested: { k: 2 }, items: [{ q: 2 }], flag: false, d: new Date('2024-02-01') },
  { _id: 'c', n: 3, s: 'Cherry', tags: [], arr: [], items: [], d: new Date('2024-03-01') },
  { _id: 'd', n: 10, s: 'date', tags: ['x'], nested: { k: 1 }, extra: null },
];

/** Query operator → filter built through the SDK, and the ids it must match. */
const queries: Record<string, (_: Cmd, db: Database) => Array<[Query, string[]]>> = {
  eq: (_) => [[{ n: _.eq(2) }, ['b']], [{ tags: 'y' }, ['a', 'b']]],
  neq: (_) => [[{ n: _.neq(2) }, ['a', 'c', 'd']]],
  lt: (_) => [[{ n: _.lt(3) }, ['a', 'b']]],
  lte: (_) => [[{ n: _.lte(3) }, ['a', 'b', 'c']], [{ d: _.lte(new Date('2024-02-01')) }, ['a', 'b']]],
  gt: (_) => [[{ n: _.gt(2) }, ['c', 'd']], [{ s: _.gt('b') }, ['b', 'd']]],
  gte: (_) => [[{ n: _.gte(3) }, ['c', 'd']], [{ d: _.gte(new Date('2024-02-01')) }, ['b', 'c']]],
  in: (_) => [[{ s: _.in(['apple', 'date']) }, ['a', 'd']], [{ tags: _.in(['x']) }, ['a', 'd']]],
  nin: (_) => [[{ s: _.nin(['apple', 'date']) }, ['b', 'c']]],
  all: (_) => [[{ tags: _.all(['x', 'y']) }, ['a']]],
  elemMatch: (_) => [
    [{ items: _.elemMatch({ q: _.gt(3) }) }, ['a']],
    [{ arr: _.elemMatch(_.gt(3)) }, ['b']],
    // Field conditions look into documents only: an array of plain values never matches.
    [{ arr: _.elemMatch({ q: _.gt(0) }) }, []],
    [{ arr: _.elemMatch({ q: _.exists(false) }) }, []],
  ],
  exists: (_) => [[{ flag: _.exists(true) }, ['a', 'b']], [{ flag: _.exists(false) }, ['c', 'd']]],
  size: (_) => [[{ arr: _.size(1) }, ['b']]],
  // The SDK's typings declare mod() without parameters; it takes (divisor, remainder).
  mod: (_) => [[{ n: (_.mod as unknown as (d: number, r: number) => unknown)(5, 0) }, ['d']]],
  and: (_) => [[{ n: _.gt(1).and(_.lt(10)) }, ['b', 'c']], [_.and([{ n: _.gt(1) }, { s: 'date' }]) as unknown as Query, ['d']]],
  or: (_) => [[_.or([{ n: 1 }, { s: 'date' }]) as unknown as Query, ['a', 'd']], [{ n: _.eq(1).or(_.eq(3)) }, ['a', 'c']]],
  nor: (_) => [[_.nor([{ n: 1 }, { s: 'date' }]) as unknown as Query, ['b', 'c']]],
  not: (_) => [[{ n: _.not(_.gt(2)) }, ['a', 'b']]],
  expr: (_) => [[_.expr(_.aggregate.gt(['$n', 2])) as Query, ['c', 'd']]],
  RegExp: (_, db) => [[{ s: db.RegExp({ regexp: '^c', options: 'i' }) }, ['c']], [{ s: /an/ }, ['b']], [{ 'nested.k': 1 }, ['a', 'd']], [{ nested: { k: 2 } }, ['b']]],
};

/** Operators the embedded store refuses with EMBEDDED_UNSUPPORTED (mingo has no geo or text). */
const unsupportedQueries: Record<string, (_: Cmd, db: Database) => Query> = {
  geoNear: (_, db) => ({ loc: _.geoNear({ geometry: new db.Geo.Point(113, 23), maxDistance: 1000 }) }),
  geoWithin: (_, db) => ({ loc: _.geoWithin({ centerSphere: [new db.Geo.Point(113, 23), 0.1] }) }),
  geoIntersects: (_, db) => ({ loc: _.geoIntersects({ geometry: new db.Geo.Point(113, 23) }) }),
  jsonSchema: (_) => _.jsonSchema({ required: ['n'] }) as Query,
  text: (_) => ({ $text: _.text({ search: 'apple', diacriticSensitive: false }) }),
};

/** Update operator → update built through the SDK, and what document `a` must then contain. */
const updates: Record<string, (_: Cmd) => [Query, Query]> = {
  set: (_) => [{ nested: _.set({ z: 1 }), 'deep.a.b': 2, extra2: { p: { q: 1 } } }, { nested: { z: 1 }, deep: { a: { b: 2 } }, extra2: { p: { q: 1 } } }],
  remove: (_) => [{ flag: _.remove(), 'nested.k': _.remove() }, { flag: undefined, nested: {} }],
  inc: (_) => [{ n: _.inc(5), 'nested.k': _.inc(-1) }, { n: 6, nested: { k: 0 } }],
  mul: (_) => [{ n: _.mul(3) }, { n: 3 }],
  push: (_) => [{ arr: _.push([4, 5]), tags: _.push({ each: ['w', 'a'], position: 0, sort: 1, slice: 3 }) }, { arr: [1, 2, 3, 4, 5], tags: ['a', 'w', 'x'] }],
  pop: (_) => [{ arr: _.pop() }, { arr: [1, 2] }],
  shift: (_) => [{ arr: _.shift() }, { arr: [2, 3] }],
  unshift: (_) => [{ arr: _.unshift(-1, 0) }, { arr: [-1, 0, 1, 2, 3] }],
  pull: (_) => [{ arr: _.pull(2), items: _.pull({ q: 5 }), tags: _.pull(_.in(['x'])) }, { arr: [1, 3], items: [{ q: 1 }], tags: ['y'] }],
  pullAll: (_) => [{ arr: _.pullAll([1, 3]) }, { arr: [2] }],
  addToSet: (_) => [{ tags: _.addToSet('x'), arr: _.addToSet({ $each: [3, 9] }) }, { tags: ['x', 'y'], arr: [1, 2, 3, 9] }],
  rename: (_) => [{ s: _.rename('title') }, { s: undefined, title: 'apple' }],
  min: (_) => [{ n: _.min(0), d: _.min(new Date('2023-01-01')) }, { n: 0, d: new Date('2023-01-01') }],
  max: (_) => [{ n: _.max(7) }, { n: 7 }],
  bit: (_) => [{ n: _.bit({ or: 2 }) }, { n: 3 }],
};

const passed = new Set<string>();
let store: EmbeddedStore;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bangfu-contract-'));
  store = useEmbeddedStore(dir, { indexes, collections: [PLAIN] });
  store.engine.bulkInsert(PLAIN, seed());
  store.engine.bulkInsert(INDEXED, seed());
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (docs: Array<Record<string, unknown>>) => docs.map((d) => d._id as string).sort();

describe('every db.command operator through the real SDK', () => {
  it('the case list covers exactly what the SDK offers', () => {
    const db = getDb();
    const offered = [...Object.keys(db.command).filter((k) => !['aggregate', 'project'].includes(k)), 'RegExp'].sort();
    const covered = [...Object.keys(queries), ...Object.keys(unsupportedQueries), ...Object.keys(updates)].sort();
    expect(covered).toEqual(offered);
  });

  it.each(Object.keys(queries))('query %s matches as MongoDB does, with and without indexes', async (op) => {
    const db = getDb();
    for (const [where, expected] of queries[op](db.command, db)) {
      for (const coll of [PLAIN, INDEXED]) {
        const { data } = await db.collection(coll).where(where).get();
        expect({ coll, where: JSON.stringify(where), ids: ids(data) }).toEqual({ coll, where: JSON.stringify(where), ids: expected });
        expect((await db.collection(coll).where(where).count()).total).toBe(expected.length);
      }
    }
    passed.add(op);
  });

  it.each(Object.keys(unsupportedQueries))('query %s answers a clear unsupported error', async (op) => {
    const db = getDb();
    await expect(db.collection(PLAIN).where(unsupportedQueries[op](db.command, db)).get()).rejects.toMatchObject({
      code: 'EMBEDDED_UNSUPPORTED',
    });
    passed.add(op);
  });

  it.each(Object.keys(updates))('update %s changes the document as MongoDB does', async (op) => {
    const db = getDb();
    const [update, expected] = updates[op](db.command);
    for (const coll of [PLAIN, INDEXED]) {
      const res = await db.collection(coll).doc('a').update(update);
      expect(res.updated).toBe(1);
      const { data } = await db.collection(coll).doc('a').get();
      expect(data[0]).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)));
      for (const [key, value] of Object.entries(expected)) if (value === undefined) expect(data[0]).not.toHaveProperty(key);
    }
    passed.add(op);
  });

  it('elemMatch with field conditions skips plain values and reads an array element by its indexes, as MongoDB does', async () => {
    const db = getDb();
    const _ = db.command;
    await db.collection(PLAIN).add([
      { _id: 'e1', v: [1, 2, 3] },
      { _id: 'e2', v: [{ value: 1 }, { value: 7 }] },
      { _id: 'e3', v: [['x'], 5] },
      { _id: 'e4', v: [new Date(0), 'value', null] },
      { _id: 'e5', v: [{}] },
    ]);
    const match = async (where: Query) => ids((await db.collection(PLAIN).where(where).get()).data);
    expect(await match({ v: _.elemMatch({ value: _.gt(0) }) })).toEqual(['e2']);
    expect(await match({ v: _.elemMatch({ value: _.exists(true) }) })).toEqual(['e2']);
    expect(await match({ v: _.elemMatch({ 0: 'x' }) })).toEqual(['e3']);
    expect(await match({ v: _.elemMatch({ value: _.exists(false) }) })).toEqual(['e3', 'e5']);
    expect(await match({ v: _.elemMatch(_.gt(2)) })).toEqual(['e1', 'e3']);
  });

  it('where().update() applies operators to every match and reports the count', async () => {
    const _ = getDb().command;
    const res = await getDb().collection(INDEXED).where({ tags: 'y' }).update({ n: _.inc(100), 'nested.k': 0 });
    expect(res.updated).toBe(2);
    const { data } = await getDb().collection(INDEXED).where({ n: _.gte(100) }).orderBy('n', 'asc').get();
    expect(data.map((d) => [d._id, d.n, d.nested])).toEqual([['a', 101, { k: 0 }], ['b', 102, { k: 0 }]]);
  });
});

afterAll(() => {
  const total = Object.keys(queries).length + Object.keys(unsupportedQueries).length + Object.keys(updates).length;
  const supported = total - Object.keys(unsupportedQueries).length;
  console.log(`SDK contract: ${passed.size}/${total} operators (${supported} answered like MongoDB, ${total - supported} refused as unsupported)`);
  expect(passed.size).toBe(total);
});
