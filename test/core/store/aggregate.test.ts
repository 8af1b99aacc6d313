/** Aggregation through the SDK: $match/$group/$sort, $lookup across collections, CloudBase's limits. */
import { getDb } from '../../../cloudfunctions/core/store';
import { aggregate } from '../../../cloudfunctions/core/store/embedded/aggregate';
import { runPipeline } from '../../../cloudfunctions/core/store/embedded/mongo';
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
      pipeline: $.pipeline()
        .match(db.command.expr($.eq(['$_id', '$$hid'])))
        .project({ villageId: 1 })
        .done(),
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
  store.engine.bulkInsert(
    'needs',
    Array.from({ length: 30 }, (_, i) => ({ _id: `n${i}`, status: `s${i}` })),
  );
  const agg = () => getDb().collection('needs').aggregate().group({ _id: '$status' });
  expect((await agg().end()).data).toHaveLength(20);
  expect((await agg().limit(1000).end()).data).toHaveLength(30);
});

it('counts groups in one answer (the dashboard pattern)', async () => {
  const res = await getDb().collection('visits').aggregate().match({ month: '2024-01' }).group({ _id: '$householdId' }).count('n').end();
  expect(res.data).toEqual([{ n: 2 }]);
});

it('refuses unknown collections, and geoNear where no field holds geometry, clearly', async () => {
  const db = getDb();
  await expect(db.collection('visits').aggregate().lookup({ from: 'nope', localField: 'a', foreignField: 'b', as: 'c' }).end()).rejects.toMatchObject({
    code: 'DATABASE_COLLECTION_NOT_EXIST',
  });
  // MongoDB's answer for a collection without a geo index (geo.test.ts has the rest of geoNear).
  await expect(
    db
      .collection('visits')
      .aggregate()
      .geoNear({ near: new db.Geo.Point(113, 23), distanceField: 'd' })
      .end(),
  ).rejects.toMatchObject({ code: 'INVALID_PARAM', message: '$geoNear requires a 2d or 2dsphere index, but none were found' });
});

describe('count-per-key pipelines answered by SQLite', () => {
  const mingo = (coll: string, pipeline: Record<string, unknown>[]) => runPipeline(store.engine.find(coll), pipeline, (name) => store.engine.find(name));
  const sorted = (rows: unknown[]) => [...rows].map((r) => JSON.stringify(r)).sort();

  beforeEach(() => {
    store.engine.bulkInsert('pairings', [
      { _id: 'p1', helperId: 'a', householdId: 'h1', role: 'primary', active: true },
      { _id: 'p2', helperId: 'a', householdId: 'h2', role: 'secondary', active: true },
      { _id: 'p3', helperId: 'b', householdId: 'h1', role: 'secondary', active: true },
      { _id: 'p4', helperId: 'b', householdId: 'h3', role: 'primary', active: false },
      { _id: 'p5', householdId: 'h4', role: 'primary', active: true },
    ]);
    store.engine.bulkInsert('visit_months', [
      { _id: 'm1', villageId: 'v1', month: '2024-01', helperIds: ['a', 'b'] },
      { _id: 'm2', villageId: 'v1', month: '2024-01', helperIds: ['a'] },
      { _id: 'm3', villageId: 'v2', month: '2024-01', helperIds: [] },
      { _id: 'm4', villageId: 'v2', month: '2024-01' },
      { _id: 'm5', villageId: 'v2', month: '2024-01', helperIds: 'c' },
      { _id: 'm6', villageId: 'v2', month: '2024-01', helperIds: null },
      { _id: 'm7', villageId: 'v2', month: '2024-02', helperIds: ['a', 1, 1.0, true] },
      { _id: 'm8', villageId: 'v3', month: '2024-03', helperIds: [null, 'b', { o: 1 }] },
    ]);
  });

  const cases: Array<[string, Record<string, unknown>[]]> = [
    ['pairings', [{ $match: { active: true } }, { $group: { _id: '$helperId', n: { $sum: 1 } } }]],
    ['pairings', [{ $match: { active: true, helperId: { $in: ['a', 'b'] } } }, { $group: { _id: { helperId: '$helperId', role: '$role' }, n: { $sum: 1 } } }]],
    ['pairings', [{ $group: { _id: '$role', n: { $sum: 1 }, also: { $sum: 1 } } }, { $sort: { _id: 1 } }]],
    ['pairings', [{ $group: { _id: '$active' } }]],
    ['visit_months', [{ $match: { month: '2024-01' } }, { $unwind: '$helperIds' }, { $group: { _id: '$helperIds', n: { $sum: 1 } } }]],
    ['visit_months', [{ $match: { month: { $lte: '2024-02' } } }, { $unwind: '$helperIds' }, { $group: { _id: '$helperIds', n: { $sum: 1 } } }]],
    ['visit_months', [{ $unwind: '$helperIds' }, { $group: { _id: '$helperIds', n: { $sum: 1 } } }]],
    ['visit_months', [{ $match: { villageId: 'v1' } }, { $group: { _id: '$villageId' } }, { $count: 'n' }]],
    ['visit_months', [{ $group: { _id: '$helperIds', n: { $sum: 1 } } }]],
  ];
  /** The pipeline through the SDK's builder, as the functions write it. */
  async function viaSdk(coll: string, pipeline: Record<string, unknown>[]): Promise<unknown[]> {
    let agg = getDb().collection(coll).aggregate() as unknown as Record<string, (arg: unknown) => unknown>;
    for (const stage of pipeline) {
      const [name, arg] = Object.entries(stage)[0];
      agg = agg[name.slice(1)](arg) as typeof agg;
    }
    return (await (agg as unknown as { end(): Promise<{ data: unknown[] }> }).end()).data;
  }

  it.each(cases)('%s %j answers as mingo does', async (coll, pipeline) => {
    expect(sorted(await viaSdk(coll, pipeline))).toEqual(sorted(mingo(coll, pipeline)));
  });

  it('takes the SQLite path for those pipelines', async () => {
    const spy = jest.spyOn(store.engine, 'countGroups');
    await viaSdk('pairings', cases[0][1]);
    await viaSdk('visit_months', cases[4][1]);
    expect(spy.mock.results.map((r) => r.value)).toEqual([expect.any(Array), expect.any(Array)]);
  });

  it('counts what SQLite can group exactly, and leaves the rest to mingo', () => {
    const keys = (path: string, unwind = false) => [{ name: '', path, unwind }];
    expect(store.engine.countGroups('pairings', { active: true }, keys('helperId'))).toEqual(
      expect.arrayContaining([
        { key: ['a'], n: 2 },
        { key: ['b'], n: 1 },
        { key: [null], n: 1 },
      ]),
    );
    // Arrays grouped whole (no $unwind) and filters the planner cannot express go to mingo.
    expect(store.engine.countGroups('visit_months', undefined, keys('helperIds'))).toBeUndefined();
    expect(store.engine.countGroups('pairings', { since: '2024-01-01' }, keys('helperId'))).toBeUndefined();
    // An object inside the unwound array: mingo groups it.
    expect(store.engine.countGroups('visit_months', { month: '2024-03' }, keys('helperIds', true))).toBeUndefined();
    // The unwound numbers 1 and 1.0 are one group; true is another.
    expect(store.engine.countGroups('visit_months', { month: '2024-02' }, keys('helperIds', true))).toEqual(
      expect.arrayContaining([
        { key: ['a'], n: 1 },
        { key: [1], n: 2 },
        { key: [true], n: 1 },
      ]),
    );
  });
});

it('unwinds an indexed array field from the index alone (only arrays stored there), as mingo does', async () => {
  store.engine.bulkInsert('visit_months', [
    { _id: 'a1', countyId: 'c1', month: '2024-01', villageId: 'v1', helperIds: ['a', 'b'] },
    { _id: 'a2', countyId: 'c1', month: '2024-01', villageId: 'v2', helperIds: ['a'] },
    { _id: 'a3', countyId: 'c1', month: '2024-01', villageId: 'v2', helperIds: [] },
    { _id: 'a4', countyId: 'c1', month: '2024-01', villageId: 'v2' },
    { _id: 'a5', countyId: 'c1', month: '2024-02', villageId: 'v2', helperIds: ['a', 'a', 2] },
  ]);
  const db = getDb();
  const res = await db
    .collection('visit_months')
    .aggregate()
    .match({ countyId: 'c1' })
    .unwind('$helperIds')
    .group({ _id: { helperId: '$helperIds', villageId: '$villageId' }, n: db.command.aggregate.sum(1) })
    .end();
  const sorted = (rows: unknown[]) => [...rows].map((r) => JSON.stringify(r)).sort();
  const pipeline = [
    { $match: { countyId: 'c1' } },
    { $unwind: '$helperIds' },
    { $group: { _id: { helperId: '$helperIds', villageId: '$villageId' }, n: { $sum: 1 } } },
  ];
  expect(sorted(res.data)).toEqual(sorted(runPipeline(store.engine.find('visit_months'), pipeline, () => [])));
  expect(sorted(res.data)).toEqual(
    sorted([
      { _id: { helperId: 'a', villageId: 'v1' }, n: 1 },
      { _id: { helperId: 'b', villageId: 'v1' }, n: 1 },
      { _id: { helperId: 'a', villageId: 'v2' }, n: 3 },
      { _id: { helperId: 2, villageId: 'v2' }, n: 1 },
    ]),
  );
  expect(store.engine.countGroups('visit_months', { countyId: 'c1' }, [{ name: '', path: 'helperIds', unwind: true }])).toBeDefined();
});

it('$match then $project of top-level fields, $skip and $limit answer like MongoDB (read from the stored fields, paged in SQLite)', async () => {
  const db = getDb();
  const page = (skip: number, limit: number) =>
    db
      .collection('households')
      .aggregate()
      .match({ villageId: db.command.in(['v1', 'v2']) })
      .project({ status: true, villageId: 1 })
      .skip(skip)
      .limit(limit)
      .end();
  const all = await page(0, 10);
  expect(all.data).toEqual([
    { _id: 'h1', villageId: 'v1', status: 'active' },
    { _id: 'h2', villageId: 'v1', status: 'active' },
    { _id: 'h3', villageId: 'v2', status: 'exited' },
  ]);
  expect((await page(1, 1)).data).toEqual([all.data[1]]);
  const pipeline = [{ $match: { villageId: { $in: ['v1', 'v2'] } } }, { $project: { status: true, villageId: 1 } }, { $skip: 1 }, { $limit: 1 }];
  const docs = store.engine.find('households');
  expect((await page(1, 1)).data).toEqual(runPipeline(docs, pipeline, () => []));
});

it('projectAll reads every matching row with only its fields', async () => {
  const { projectAll } = await import('../../../cloudfunctions/core/store');
  const rows = await projectAll(getDb().collection('households'), { status: 'active' }, { villageId: true }, (d) => d);
  expect(rows).toEqual([
    { _id: 'h1', villageId: 'v1' },
    { _id: 'h2', villageId: 'v1' },
  ]);
});

describe('gathering pipelines (gatherAll: a few fields per key) grouped outside mingo', () => {
  /** mingo on the `$match`ed documents in the order the engine finds them (the path these pipelines took before). */
  const mingo = (coll: string, [match, ...rest]: Record<string, unknown>[]) =>
    runPipeline(store.engine.find(coll, match.$match as Record<string, unknown>), rest, (name) => store.engine.find(name));
  async function viaSdk(coll: string, pipeline: Record<string, unknown>[]): Promise<unknown[]> {
    let agg = getDb().collection(coll).aggregate() as unknown as Record<string, (arg: unknown) => unknown>;
    for (const stage of pipeline) {
      const [name, arg] = Object.entries(stage)[0];
      agg = agg[name.slice(1)](arg) as typeof agg;
    }
    return (await (agg as unknown as { end(): Promise<{ data: unknown[] }> }).end()).data;
  }

  beforeEach(() => {
    store.engine.bulkInsert('visit_months', [
      { _id: 'm1', villageId: 'v2', month: '2024-01', householdId: 'h1', helpers: ['a'] },
      { _id: 'm2', villageId: 'v1', month: '2024-01', householdId: 'h2' },
      { _id: 'm3', villageId: 'v2', month: '2024-01', householdId: null },
      { _id: 'm4', villageId: 'v1', month: '2024-02', householdId: 'h3', at: new Date('2024-02-03T00:00:00Z') },
      { _id: 'm5', villageId: 'v1', month: 3, householdId: 'h4' },
      { _id: 'm6', villageId: 'v1', month: 3.0, householdId: 'h5' },
      { _id: 'm7', villageId: 'v3', month: true },
    ]);
  });

  const gather = (match: Record<string, unknown>, by: string[], fields: string[], rest: Record<string, unknown>[] = []) => [
    { $match: match },
    { $project: Object.fromEntries([...by, ...fields].map((f) => [f, true])) },
    { $group: { _id: Object.fromEntries(by.map((f) => [f, `$${f}`])), rows: { $push: Object.fromEntries(fields.map((f) => [f, `$${f}`])) } } },
    ...rest,
  ];
  const cases: Array<[string, Record<string, unknown>[]]> = [
    ['by village and month, missing and null fields in the rows', gather({}, ['villageId', 'month'], ['householdId', 'helpers'])],
    [
      'with a date in the rows, sorted and paged',
      gather({ villageId: 'v1' }, ['villageId'], ['_id', 'at', 'householdId'], [{ $sort: { _id: 1 } }, { $skip: 0 }, { $limit: 10 }]),
    ],
    [
      'a single key, not compound',
      [
        { $match: { month: '2024-01' } },
        { $project: { villageId: true, householdId: true } },
        { $group: { _id: '$villageId', ids: { $push: { h: '$householdId' } } } },
      ],
    ],
    ['a key missing in one document (mingo groups it)', gather({}, ['householdId'], ['villageId'])],
  ];

  it.each(cases)('%s: answers as mingo does, in its order', async (_name, pipeline) => {
    expect(await viaSdk('visit_months', pipeline)).toEqual(mingo('visit_months', pipeline).slice(0, 20));
  });

  it('groups outside mingo when every key is a plain value (its rows have no key for a missing field, where mingo writes undefined)', () => {
    const rowsOf = (pipeline: Record<string, unknown>[]) =>
      (aggregate(store.engine, 'visit_months', pipeline) as Array<{ rows: object[] }>).flatMap((g) => g.rows);
    expect(rowsOf(cases[1][1]).filter((r) => 'at' in r)).toHaveLength(1);
    // m7 has no householdId: mingo groups the whole pipeline.
    expect(rowsOf(gather({}, ['householdId'], ['at'])).filter((r) => 'at' in r)).toHaveLength(7);
  });

  it('groups the numbers 3 and 3.0 as one month, as MongoDB does', async () => {
    const rows = (await viaSdk('visit_months', gather({ villageId: 'v1', month: 3 }, ['month'], ['householdId']))) as Array<{ rows: unknown[] }>;
    expect(rows).toEqual([{ _id: { month: 3 }, rows: [{ householdId: 'h4' }, { householdId: 'h5' }] }]);
  });
});
