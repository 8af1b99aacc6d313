/** The embedded store answers the SDK with CloudBase's shapes and limits. */
import { getDb } from '../../../cloudfunctions/core/store';
import { useEmbeddedStore } from '../../../cloudfunctions/core/store/embedded';
import { openTempStore, type TempStore } from './support';

let store: TempStore;
beforeEach(() => {
  store = openTempStore({ collections: ['things'] });
});
afterEach(() => store.dispose());

const things = () => getDb().collection('things');

describe('documents', () => {
  it('add() answers the generated id, keeps a given _id and refuses a duplicate one', async () => {
    const added = await things().add({ name: 'a' });
    expect(added.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await things().add({ _id: 'mine', name: 'b' })).toMatchObject({ id: 'mine' });
    await expect(things().add({ _id: 'mine', name: 'c' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    const many = (await things().add([{ name: 'd' }, { name: 'e' }])) as unknown as { ids: string[] };
    expect(many.ids).toHaveLength(2);
    expect(store.engine.count('things')).toBe(4);
  });

  it('doc().get() answers data as an array, empty for a missing document', async () => {
    await things().add({ _id: 'x', name: 'x', at: new Date('2024-05-01T08:00:00Z') });
    const { data } = await things().doc('x').get();
    expect(data).toEqual([{ _id: 'x', name: 'x', at: new Date('2024-05-01T08:00:00Z') }]);
    expect((await things().doc('nope').get()).data).toEqual([]);
    expect((await things().doc('x').field({ name: true }).get()).data).toEqual([{ _id: 'x', name: 'x' }]);
  });

  it('where() refuses a filter whose every value is undefined, as the SDK does', () => {
    expect(() => things().where({ a: undefined })).toThrow();
  });

  it('doc().set() replaces an existing document and upserts a missing one', async () => {
    await things().add({ _id: 'x', a: 1, b: 2 });
    expect(await things().doc('x').set({ a: 5 })).toMatchObject({ updated: 1 });
    expect((await things().doc('x').get()).data[0]).toEqual({ _id: 'x', a: 5 });
    expect(await things().doc('y').set({ a: 6 })).toMatchObject({ updated: 0, upsertedId: 'y' });
    expect((await things().doc('y').get()).data[0]).toEqual({ _id: 'y', a: 6 });
  });

  it('update() reports 0 when nothing matched, as a version check needs', async () => {
    const _ = getDb().command;
    await things().add({ _id: 'x', version: 1, n: 0 });
    const first = await things()
      .where({ _id: 'x', version: 1 })
      .update({ version: _.inc(1), n: 1 });
    const stale = await things()
      .where({ _id: 'x', version: 1 })
      .update({ version: _.inc(1), n: 2 });
    expect([first.updated, stale.updated]).toEqual([1, 0]);
    expect((await things().doc('x').get()).data[0]).toMatchObject({ version: 2, n: 1 });
    expect((await things().doc('missing').update({ n: 1 })).updated).toBe(0);
  });

  it('removes one document by id or every match of a filter', async () => {
    const _ = getDb().command;
    await things().add([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
      { _id: 'c', n: 3 },
    ]);
    expect((await things().doc('a').remove()).deleted).toBe(1);
    expect(
      (
        await things()
          .where({ n: _.gte(2) })
          .remove()
      ).deleted,
    ).toBe(2);
    expect(store.engine.count('things')).toBe(0);
  });

  it('updateAndReturn() answers the updated document', async () => {
    const _ = getDb().command;
    await things().add({ _id: 'a', n: 1 });
    const res = await things()
      .where({ _id: 'a' })
      .updateAndReturn({ n: _.inc(1) });
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'a', n: 2 } });
  });

  it('pull() takes query conditions, regexes included', async () => {
    const db = getDb();
    await things().add({ _id: 'a', tags: ['alpha', 'beta', 'Apple'], scores: [1, 5, 9] });
    await things()
      .doc('a')
      .update({ tags: db.command.pull(db.RegExp({ regexp: '^a', options: 'i' })), scores: db.command.pull(db.command.gt(4)) });
    expect((await things().doc('a').get()).data[0]).toMatchObject({ tags: ['beta'], scores: [1] });
  });

  it('geo points and nested dates round-trip as the SDK types', async () => {
    const db = getDb();
    await things().add({ _id: 'a', loc: new db.Geo.Point(113.2, 23.1), log: [{ at: new Date(7) }] });
    const [doc] = (await things().doc('a').get()).data;
    expect(doc.loc).toBeInstanceOf(db.Geo.Point);
    expect(doc.loc).toMatchObject({ longitude: 113.2, latitude: 23.1 });
    expect(doc.log[0].at).toEqual(new Date(7));
  });

  it('db.serverDate() stores the time of the request', async () => {
    const db = getDb();
    const before = Date.now();
    await things().add({ _id: 'a', at: db.serverDate() });
    const at = (await things().doc('a').get()).data[0].at as Date;
    expect(at).toBeInstanceOf(Date);
    expect(at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('an unknown collection is refused as on CloudBase until it is created', async () => {
    await expect(getDb().collection('nope').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    await getDb().createCollection('nope');
    expect((await getDb().collection('nope').get()).data).toEqual([]);
    await expect(getDb().createCollection('nope')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
  });

  it('a unique index refuses a second document with the same value', async () => {
    await getDb().collection('users').add({ openid: 'o1' });
    await expect(getDb().collection('users').add({ openid: 'o1' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(store.engine.count('users')).toBe(1);
  });
});

describe('queries', () => {
  beforeEach(() => {
    store.engine.bulkInsert(
      'things',
      Array.from({ length: 1200 }, (_, i) => ({ _id: `t${String(i).padStart(4, '0')}`, i, odd: i % 2 === 1, group: `g${i % 3}` })),
    );
  });

  it('answers 100 documents without limit() and at most 1,000 with one', async () => {
    expect((await things().get()).data).toHaveLength(100);
    expect((await things().limit(5000).get()).data).toHaveLength(1000);
    expect((await things().limit(7).get()).data).toHaveLength(7);
  });

  it('reads top-level projections out of the stored JSON exactly as MongoDB answers them', async () => {
    const when = new Date('2024-05-01T08:00:00Z');
    await things().add({ _id: 'p1', a: null, b: { c: [1, { d: when }] }, when, s: '引号"与\\斜杠', n: 0, f: false, other: 1 });
    await things().add({ _id: 'p2', s: 'y', other: 2 });
    const _ = getDb().command;
    const { data } = await things()
      .where({ _id: _.in(['p1', 'p2']) })
      .field({ when: true, s: true, n: true, f: true, b: true, a: true, missing: true })
      .get();
    // A stored null stays null, an absent field is left out, dates and nested values come back whole.
    expect(data).toEqual([
      { _id: 'p1', a: null, b: { c: [1, { d: when }] }, f: false, n: 0, s: '引号"与\\斜杠', when },
      { _id: 'p2', s: 'y' },
    ]);
    expect(Object.keys(data[0])).toEqual(['_id', 'a', 'b', 'f', 'n', 's', 'when']);
    expect((await things().where({ _id: 'p2' }).field({ _id: false, other: true }).get()).data).toEqual([{ other: 2 }]);
    expect(
      (
        await things()
          .where({ _id: _.in(['p1', 'p2']) })
          .field({ _id: true })
          .get()
      ).data,
    ).toEqual([{ _id: 'p1' }, { _id: 'p2' }]);
  });

  it('sorts, skips, limits and projects like MongoDB', async () => {
    const _ = getDb().command;
    const { data } = await things()
      .where({ i: _.lt(20) })
      .orderBy('group', 'desc')
      .orderBy('i', 'asc')
      .skip(2)
      .limit(4)
      .field({ i: true, group: true })
      .get();
    expect(data).toEqual([
      { _id: 't0008', i: 8, group: 'g2' },
      { _id: 't0011', i: 11, group: 'g2' },
      { _id: 't0014', i: 14, group: 'g2' },
      { _id: 't0017', i: 17, group: 'g2' },
    ]);
    const excluded = await things().where({ i: 3 }).field({ odd: false }).get();
    expect(excluded.data).toEqual([{ _id: 't0003', i: 3, group: 'g0' }]);
  });

  it('counts every match, beyond the query limit', async () => {
    const _ = getDb().command;
    expect((await things().count()).total).toBe(1200);
    expect(
      (
        await things()
          .where({ odd: true, i: _.gte(1000) })
          .count()
      ).total,
    ).toBe(100);
  });

  it('sorts missing values first, as MongoDB does', async () => {
    await things().add({ _id: 'zz' });
    const { data } = await things().orderBy('i', 'asc').limit(2).get();
    expect(data.map((d) => d._id)).toEqual(['zz', 't0000']);
  });
});

it('reopening an existing file finds the documents, indexes and kinds again', async () => {
  await getDb().collection('households').add({ _id: 'h1', villageId: 'v1', status: 'active', members: [] });
  const dir = store.dir;
  store.close();
  const again = useEmbeddedStore(dir, { collections: ['things'] });
  try {
    const { data } = await getDb().collection('households').where({ villageId: 'v1' }).get();
    expect(data.map((d) => d._id)).toEqual(['h1']);
    expect(again.engine.explain('households', { villageId: 'v1' }).join('\n')).toMatch(/USING INDEX ix_households_villageId_/);
  } finally {
    again.close();
  }
});
