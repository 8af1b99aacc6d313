/** Declared indexes are really used, and never change an answer. */
import path from 'node:path';
import { INDEXES, getDb } from '../../../cloudfunctions/core/store';
import { EmbeddedEngine } from '../../../cloudfunctions/core/store/embedded';
import { runPipeline } from '../../../cloudfunctions/core/store/embedded/mongo';
import { likeLiteral } from '../../../cloudfunctions/core/store/embedded/planner';
import { openTempStore, type TempStore } from './support';

const indexes = {
  ...INDEXES,
  mixed_ix: [
    { name: 'v', fields: ['v'] },
    { name: 'w', fields: ['w'] },
  ],
};
let store: TempStore;
beforeEach(() => {
  store = openTempStore({ indexes, collections: ['mixed'] });
});
afterEach(() => store.dispose());

const plan = (coll: string, filter: Record<string, unknown>, sort?: Record<string, number>) => store.engine.explain(coll, filter, sort).join(' | ');

describe('index use (EXPLAIN QUERY PLAN)', () => {
  it('an indexed equality query searches its index', () => {
    expect(plan('households', { villageId: 'v1', status: 'active' })).toMatch(
      /SEARCH c_households USING INDEX ix_households_villageId_status_\w+ \(<expr>=\? AND <expr>=\?\)/,
    );
    expect(plan('pairings', { helperId: 'u1', active: true })).toMatch(/USING INDEX ix_pairings_helperId_active/);
    expect(plan('users', { openid: 'o1' })).toMatch(/USING INDEX ix_users_openid_unique/);
    expect(plan('visits', { month: { $in: ['2024-01', '2024-02'] } })).toMatch(/USING INDEX ix_visits_month/);
    expect(plan('households', { _id: { $in: ['a', 'b'] } })).toMatch(/USING INDEX sqlite_autoindex_c_households_1 \(id=\?\)/);
  });

  it('a range on the second field of a compound index uses both fields', () => {
    const filter = { householdId: 'h1', visitedAt: { $gte: new Date('2024-01-01'), $lt: new Date('2024-02-01') } };
    expect(plan('visits', filter)).toMatch(/USING INDEX ix_visits_householdId_visitedAt_\w+ \(<expr>=\? AND <expr>>\? AND <expr><\?\)/);
  });

  it('a sort on an indexed field is answered in index order', () => {
    expect(plan('audit_logs', {}, { at: -1 })).toMatch(/SCAN c_audit_logs USING INDEX ix_audit_logs_at/);
    expect(plan('audit_logs', {}, { at: -1 })).not.toMatch(/TEMP B-TREE/);
  });
});

describe('arrays in indexed fields (multikey)', () => {
  it('stops trusting the index once a field holds an array, and still finds array elements', async () => {
    const households = getDb().collection('households');
    await households.add([
      { _id: 'a', townId: 't1' },
      { _id: 'b', townId: ['t1', 't2'] },
    ]);
    const { data } = await households.where({ townId: 't2' }).get();
    expect(data.map((d) => d._id)).toEqual(['b']);
    expect((await households.where({ townId: 't1' }).count()).total).toBe(2);
    expect(plan('households', { townId: 't2' })).not.toMatch(/ix_households_townId/);
  });

  it('sees an array written by another connection to the same file', async () => {
    await getDb().collection('households').add({ _id: 'a', townId: 't1' });
    expect(plan('households', { townId: 't2' })).toMatch(/ix_households_townId/);
    const other = new EmbeddedEngine(path.join(store.dir, 'bangfu.sqlite'), { indexes });
    other.insert('households', [{ _id: 'b', townId: ['t2'] }]);
    other.close();
    const { data } = await getDb().collection('households').where({ townId: 't2' }).get();
    expect(data.map((d) => d._id)).toEqual(['b']);
  });
});

describe('answers with and without indexes agree', () => {
  const values = [true, false, 1, 0, 2.5, -3, '1', 'b', 'B', '', null, undefined, new Date(1), new Date(2000), { o: 1 }];
  const docs = values.map((v, i) => ({ _id: `d${i}`, ...(v === undefined ? {} : { v }), w: i % 4 === 0 ? undefined : `s${i % 5}` }));
  const filters: Array<Record<string, unknown>> = [
    { v: 1 },
    { v: true },
    { v: false },
    { v: 0 },
    { v: '1' },
    { v: new Date(1) },
    { v: null },
    { v: { $gt: 0 } },
    { v: { $lte: 1 } },
    { v: { $gte: 'a' } },
    { v: { $lt: new Date(1500) } },
    { v: { $in: [1, 'b', true] } },
    { v: { $in: [] } },
    { v: { $ne: 1 } },
    { w: 's1' },
    { w: { $gt: 's2' } },
    { $and: [{ w: { $in: ['s1', 's2', 's3'] } }, { v: { $exists: true } }] },
  ];

  beforeEach(() => {
    store.engine.bulkInsert(
      'mixed',
      docs.map((d) => ({ ...d })),
    );
    store.engine.bulkInsert(
      'mixed_ix',
      docs.map((d) => ({ ...d })),
    );
  });

  it.each(filters.map((f) => [JSON.stringify(f), f]))('filter %s', (_name, filter) => {
    const ids = (coll: string) =>
      store.engine
        .find(coll, filter)
        .map((d) => d._id)
        .sort();
    expect(ids('mixed_ix')).toEqual(ids('mixed'));
    expect(store.engine.count('mixed_ix', filter)).toBe(store.engine.count('mixed', filter));
  });

  it.each([[{ v: 1 }], [{ v: -1 }], [{ w: 1 }], [{ w: -1, v: 1 }]])('sort %j', (sort) => {
    const order = (coll: string) => store.engine.find(coll, {}, { sort, skip: 1, limit: 9 }).map((d) => d._id);
    expect(order('mixed_ix')).toEqual(order('mixed'));
  });

  it('sorts homogeneous indexed fields in SQL with the same order as mingo', () => {
    const dated = Array.from({ length: 50 }, (_, i) => ({ _id: `x${i}`, w: i % 7 === 0 ? null : `k${(i * 37) % 50}` }));
    store.engine.bulkInsert(
      'mixed',
      dated.map((d) => ({ ...d })),
    );
    store.engine.bulkInsert(
      'mixed_ix',
      dated.map((d) => ({ ...d })),
    );
    for (const dir of [1, -1]) {
      const order = (coll: string) => store.engine.find(coll, { _id: { $regex: '^x' } }, { sort: { w: dir }, limit: 20 }).map((d) => d._id);
      expect(order('mixed_ix')).toEqual(order('mixed'));
    }
  });
});

it('sorts by _id in SQL in MongoDB order: numbers first, then strings bytewise, prefixes first', () => {
  const ids = ['a', 'a!', 'a b', 'a"', 'a\\', 'ab', 'B', '', '10', '9', 'é', '中', 10, 9, -1, 2.5];
  store.engine.bulkInsert(
    'mixed',
    ids.map((_id) => ({ _id })),
  );
  const expected = [-1, 2.5, 9, 10, '', '10', '9', 'B', 'a', 'a b', 'a!', 'a"', 'a\\', 'ab', 'é', '中'];
  expect(store.engine.find('mixed', {}, { sort: { _id: 1 } }).map((d) => d._id)).toEqual(expected);
  expect(store.engine.find('mixed', {}, { sort: { _id: -1 }, skip: 2, limit: 5 }).map((d) => d._id)).toEqual([...expected].reverse().slice(2, 7));
  // mingo agrees, and SQLite did the sorting.
  expect(runPipeline(store.engine.find('mixed'), [{ $sort: { _id: 1 } }], () => []).map((d) => d._id)).toEqual(expected);
  expect(plan('mixed', {}, { _id: 1 })).toMatch(/TEMP B-TREE FOR ORDER BY/);
});

describe('a search box regex narrows in SQL and answers as mingo does', () => {
  const docs = [
    { _id: 's1', headName: '王建国', code: 'V1-001', members: [{ name: '王建国' }, { name: '李秀英' }] },
    { _id: 's2', headName: 'Wang Li', code: 'v1-002', members: [{ name: 'wang xiao' }] },
    { _id: 's3', headName: '张三', code: 'V2-003', members: [{ name: '王小明' }], note: 'a.b 100%_x' },
    { _id: 's4', headName: 'Élodie', code: 'V2-004', members: [] },
    { _id: 's5', headName: 'quote "王"', code: 'V3-005', members: [{ name: 'back\\slash' }] },
    { _id: 's6', headName: 42, code: null },
  ];
  const filters: Array<[string, Record<string, unknown>]> = [
    ['CJK in any of three fields', { $or: [{ headName: /王/i }, { code: /王/i }, { 'members.name': /王/i }] }],
    ['ASCII, case-insensitive', { $or: [{ headName: /wang/i }, { 'members.name': /WANG/i }] }],
    ['case-sensitive', { headName: /Wang/ }],
    ['escaped specials, % and _', { note: /a\.b 100%_x/ }],
    ['$regex with $options', { code: { $regex: 'v1', $options: 'i' } }],
    ['non-ASCII cased letter with i (no narrowing)', { headName: /élodie/i }],
    ['quote and backslash (no narrowing)', { $or: [{ headName: /"王"/ }, { 'members.name': /back\\slash/ }] }],
    ['anchored (no narrowing)', { code: /^V2/ }],
    ['inside $and with an exact part', { $and: [{ _id: { $in: ['s1', 's2', 's3'] } }, { $or: [{ headName: /王/i }, { 'members.name': /王/i }] }] }],
  ];
  it.each(filters)('%s', (_name, filter) => {
    store.engine.bulkInsert(
      'mixed',
      docs.map((d) => ({ ...d })),
    );
    const expected = runPipeline(store.engine.find('mixed'), [{ $match: filter }], () => [])
      .map((d) => d._id)
      .sort();
    expect(
      store.engine
        .find('mixed', filter)
        .map((d) => d._id)
        .sort(),
    ).toEqual(expected);
    expect(store.engine.count('mixed', filter)).toBe(expected.length);
  });

  it('narrows only for plain literals that appear verbatim in the stored text', () => {
    expect(likeLiteral(/王/i)).toBe('王');
    expect(likeLiteral(/a\.b\(c\)/)).toBe('a.b(c)');
    expect(likeLiteral({ $regex: 'v1', $options: 'i' })).toBe('v1');
    for (const re of [/^王/, /a.b/, /\d+/, /é/i, /"/, /x/m, /x/u, /a\\b/, /\n/]) expect(likeLiteral(re)).toBeNull();
    expect(likeLiteral('王')).toBeNull();
  });
});
