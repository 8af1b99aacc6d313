/** Aggregation through the SDK: $match/$group/$sort, $lookup across collections, CloudBase's limits. */
import { getDb } from '../../../cloudfunctions/core/store';
import { openTempStore, type TempStore } from './support';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
  store.engine.bulkInsert('households', [
    { _id: 'h1', villageId: 'v1', status: 'active', members: [{ n: 'a' }, { n: 'b' }], tags: ['old'] },
    { _id: 'h2', villageId: 'v1', status: 'active', members: [{ n: 'c' }], tags: [] },
    { _id: 'h3', villageId: 'v2', status: 'exited', members: [], tags: ['old', 'sick'] },
  ]);
  store.engine.bulkInsert('visits', [
    { _id: 'x1', householdId: 'h1', month: '2024-01', minutes: 30 },
    { _id: 'x2', householdId: 'h1', month: '2024-02', minutes: 20 },
    { _id: 'x3', householdId: 'h3', month: '2024-01', minutes: 45 },
  ]);
});
afterEach(() => store.dispose());

it('$match, $group and $sort answer like MongoDB', async () => {
  const db = getDb();
  const $ = db.command.aggregate;
  const res = await db
    .collection('households')
    .aggregate()
    .match({ villageId: db.command.in(['v1', 'v2']) })
    .group({ _id: '$status', households: $.sum(1), people: $.sum($.size('$members')) })
    .sort({ households: -1 })
    .end();
  expect(res.data).toEqual([
    { _id: 'active', households: 2, people: 3 },
    { _id: 'exited', households: 1, people: 0 },
  ]);
});

it('$lookup joins another collection, through its index', async () => {
  const db = getDb();
  const $ = db.command.aggregate;
  const res = await db
    .collection('households')
    .aggregate()
    .match({ villageId: 'v1' })
    .lookup({ from: 'visits', localField: '_id', foreignField: 'householdId', as: 'visits' })
    .project({ visited: $.size('$visits'), minutes: $.sum('$visits.minutes') })
    .sort({ _id: 1 })
    .end();
  expect(res.data).toEqual([
    { _id: 'h1', visited: 2, minutes: 50 },
    { _id: 'h2', visited: 0, minutes: 0 },
  ]);
  expect(store.engine.explain('visits', { householdId: { $in: ['h1', 'h2'] } }).join()).toMatch(/ix_visits_householdId_visitedAt/);
});

it('$lookup with let/pipeline works on the whole foreign collection', async () => {
  const db = getDb();
  const $ = db.command.aggregate;
  const res = await db
    .collection('visits')
    .aggregate()
    .match({ month: '2024-01' })
    .lookup({
      from: 'households',
      let: { hid: '$householdId' },
      pipeline: $.pipeline().match(db.command.expr($.eq(['$_id', '$$hid']))).project({ villageId: 1 }).done(),
      as: 'household',
    })
    .unwind('$household')
    .project({ _id: 0, village: '$household.villageId', minutes: 1 })
    .sort({ minutes: 1 })
    .end();
  expect(res.data).toEqual([
    { minutes: 30, village: 'v1' },
    { minutes: 45, village: 'v2' },
  ]);
});

it('answers 20 documents without a $limit stage and up to 10,000 with one, as CloudBase does', async () => {
  store.engine.bulkInsert('needs', Array.from({ length: 30 }, (_, i) => ({ _id: `n${i}`, status: `s${i}` })));
  const agg = () => getDb().collection('needs').aggregate().group({ _id: '$status' });
  expect((await agg().end()).data).toHaveLength(20);
  expect((await agg().limit(1000).end()).data).toHaveLength(30);
});

it('counts groups in one answer (the dashboard pattern)', async () => {
  const res = await getDb().collection('visits').aggregate().match({ month: '2024-01' }).group({ _id: '$householdId' }).count('n').end();
  expect(res.data).toEqual([{ n: 2 }]);
});

it('refuses geo and unknown collections clearly', async () => {
  const db = getDb();
  await expect(
    db.collection('visits').aggregate().lookup({ from: 'nope', localField: 'a', foreignField: 'b', as: 'c' }).end(),
  ).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  await expect(
    db.collection('visits').aggregate().geoNear({ near: new db.Geo.Point(113, 23), distanceField: 'd' }).end(),
  ).rejects.toMatchObject({ code: 'EMBEDDED_UNSUPPORTED' });
});
