/**
 * Geometry of the embedded store beyond the contract's one case per operator (sdk-contract.test.ts):
 * great-circle edges, distances, ordering and paging of `$nearSphere`, where MongoDB allows
 * `$nearSphere` and `$geoNear`, `$geoNear`'s options, writes and transactions with a near filter.
 */
import { getDb } from '../../../cloudfunctions/core/store';
import { EARTH_RADIUS_M } from '../../../cloudfunctions/core/store/embedded/geo';
import { openTempStore, type TempStore } from './support';

type Position = [number, number];
const point = ([lng, lat]: Position) => ({ type: 'Point', coordinates: [lng, lat] });
const polygon = (...rings: Position[][]) => ({ type: 'Polygon', coordinates: rings });
const square = (lo: number, hi: number): Position[] => [
  [lo, lo],
  [hi, lo],
  [hi, hi],
  [lo, hi],
  [lo, lo],
];
/** Metres along a great circle for an angle in degrees. */
const metres = (degrees: number) => (degrees * Math.PI * EARTH_RADIUS_M) / 180;

let store: TempStore;
beforeEach(() => {
  store = openTempStore({ collections: ['places', 'routes'] });
  store.engine.bulkInsert('places', [
    { _id: 'a', kind: 'x', loc: point([0, 0]) },
    { _id: 'b', kind: 'y', loc: point([0, 1]) },
    { _id: 'c', kind: 'x', loc: point([0, 2]) },
    { _id: 'd', kind: 'y', loc: point([0, 3]) },
    { _id: 'legacy', kind: 'z', loc: [0, 0.5] },
    { _id: 'bad', kind: 'z', loc: { type: 'Point', coordinates: [0, 100] } },
    { _id: 'none', kind: 'z' },
  ]);
});
afterEach(() => store.dispose());

const ids = (docs: Array<Record<string, unknown>>) => docs.map((d) => d._id);

describe('$nearSphere (db.command.geoNear)', () => {
  const near = () => getDb().command.geoNear({ geometry: new (getDb().Geo.Point)(0, 0) });

  it('answers nearest first; a legacy [lng, lat] pair is a point; invalid or missing values never match', async () => {
    const { data } = await getDb().collection('places').where({ loc: near() }).get();
    expect(ids(data)).toEqual(['a', 'legacy', 'b', 'c', 'd']);
  });

  it('pages in distance order, and an orderBy() re-orders the matches (MongoDB: sort() overrides the distance order)', async () => {
    const db = getDb();
    expect(ids((await db.collection('places').where({ loc: near() }).skip(1).limit(2).get()).data)).toEqual(['legacy', 'b']);
    expect(ids((await db.collection('places').where({ loc: near(), kind: 'y' }).get()).data)).toEqual(['b', 'd']);
    expect(ids((await db.collection('places').where({ loc: near() }).orderBy('_id', 'desc').get()).data)).toEqual(['legacy', 'd', 'c', 'b', 'a']);
    expect((await db.collection('places').where({ loc: near() }).count()).total).toBe(5);
  });

  it('measures in metres on a sphere of 6,378,100 m, both bounds inclusive', async () => {
    const db = getDb();
    const within = (minDistance: number, maxDistance: number) =>
      db
        .collection('places')
        .where({ loc: db.command.geoNear({ geometry: new db.Geo.Point(0, 0), minDistance, maxDistance }) })
        .get();
    // b is one degree of a meridian away: 111,318.8 m.
    expect(ids((await within(metres(1) - 0.001, metres(1) + 0.001)).data)).toEqual(['b']);
    expect(ids((await within(0, metres(1) - 0.001)).data)).toEqual(['a', 'legacy']);
  });

  it('stands only at the top level, once, as MongoDB requires', async () => {
    const db = getDb();
    const _ = db.command;
    const geoNear = _.geoNear({ geometry: new db.Geo.Point(0, 0) });
    await expect(
      db
        .collection('places')
        .where(_.or([{ loc: geoNear }, { kind: 'x' }]) as never)
        .get(),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: 'geoNear must be top-level expr',
    });
    expect(() => store.engine.find('places', { loc: { $nearSphere: { $geometry: point([0, 0]) } }, other: { $near: { $geometry: point([0, 0]) } } })).toThrow(
      'Too many geoNear expressions',
    );
    // Inside a top-level $and it is still top-level.
    expect(ids(store.engine.find('places', { $and: [{ loc: { $nearSphere: { $geometry: point([0, 3]) } } }, { kind: 'x' }] }))).toEqual(['c', 'a']);
    await expect(db.collection('places').aggregate().match({ loc: geoNear }).end()).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: '$geoNear, $near, and $nearSphere are not allowed in this context',
    });
  });

  it('a one-document write takes the nearest match; inside a transaction reads stay nearest first', async () => {
    const db = getDb();
    const geoNear = db.command.geoNear({ geometry: new db.Geo.Point(0, 2.9) });
    const res = await db.collection('places').where({ loc: geoNear }).updateAndReturn({ hit: true });
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'd', hit: true } });
    const tx = await db.startTransaction();
    await tx.collection('places').doc('a').update({ seen: true });
    expect(ids((await tx.collection('places').where({ loc: geoNear }).get()).data)).toEqual(['d', 'c', 'b', 'legacy', 'a']);
    await tx.commit();
  });
});

describe('$geoWithin and $geoIntersects', () => {
  it('edges are great-circle arcs, not straight lines on longitude and latitude', () => {
    // Between two points at 60°N 120° of longitude apart the great circle passes the meridian at
    // 73.9°N (and the 70°N edge at 79.7°N): on the sphere this "band" lies north of 70°.
    store.engine.bulkInsert('routes', [
      { _id: 'at65', loc: point([0, 65]) },
      { _id: 'at76', loc: point([0, 76]) },
    ]);
    const band = polygon([
      [-60, 60],
      [60, 60],
      [60, 70],
      [-60, 70],
      [-60, 60],
    ]);
    expect(ids(store.engine.find('routes', { loc: { $geoWithin: { $geometry: band } } }))).toEqual(['at76']);
  });

  it('a line is within only when all of it is: leaving through a concave notch is not', () => {
    // A U shape: the notch between its arms is outside.
    const u = polygon([
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ]);
    store.engine.bulkInsert('routes', [
      {
        _id: 'acrossNotch',
        loc: {
          type: 'LineString',
          coordinates: [
            [0.5, 2],
            [2.5, 2],
          ],
        },
      },
      {
        _id: 'inArm',
        loc: {
          type: 'LineString',
          coordinates: [
            [0.5, 0.5],
            [0.5, 2.5],
          ],
        },
      },
      {
        _id: 'alongBase',
        loc: {
          type: 'LineString',
          coordinates: [
            [0.5, 0.5],
            [2.5, 0.5],
          ],
        },
      },
    ]);
    expect(ids(store.engine.find('routes', { loc: { $geoWithin: { $geometry: u } } }))).toEqual(['inArm', 'alongBase']);
    expect(ids(store.engine.find('routes', { loc: { $geoIntersects: { $geometry: u } } }))).toEqual(['acrossNotch', 'inArm', 'alongBase']);
  });

  it('polygons: within when inside the outer ring and clear of its holes; intersecting when they share any point', () => {
    store.engine.bulkInsert('routes', [
      { _id: 'inHole', loc: polygon(square(-0.5, 0.5)) },
      { _id: 'coversHole', loc: polygon(square(-1.5, 1.5)) },
      { _id: 'overlaps', loc: polygon(square(1.5, 2.5)) },
      { _id: 'apart', loc: polygon(square(5, 6)) },
    ]);
    const donut = { $geometry: polygon(square(-2, 2), square(-1, 1)) };
    expect(ids(store.engine.find('routes', { loc: { $geoWithin: donut } }))).toEqual([]);
    expect(ids(store.engine.find('routes', { loc: { $geoWithin: { $geometry: polygon(square(-2, 2)) } } }))).toEqual(['inHole', 'coversHole']);
    expect(ids(store.engine.find('routes', { loc: { $geoIntersects: donut } }))).toEqual(['coversHole', 'overlaps']);
    expect(ids(store.engine.find('routes', { loc: { $not: { $geoIntersects: donut } } }))).toEqual(['inHole', 'apart']);
  });

  it('refuses what MongoDB refuses, and big polygons, which it answers only with a custom CRS', () => {
    expect(() => store.engine.find('places', { loc: { $geoWithin: { $geometry: point([0, 0]) } } })).toThrow('Polygon or MultiPolygon');
    expect(() =>
      store.engine.find('places', {
        loc: {
          $geoWithin: {
            $geometry: polygon([
              [0, 0],
              [1, 0],
              [0, 0],
            ]),
          },
        },
      }),
    ).toThrow(/at least 4 positions/);
    expect(() => store.engine.find('places', { loc: { $geoIntersects: { $geometry: point([200, 0]) } } })).toThrow(/out of bounds/);
    expect(() =>
      store.engine.find('places', {
        loc: {
          $geoWithin: {
            $box: [
              [0, 0],
              [1, 1],
            ],
          },
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'EMBEDDED_UNSUPPORTED' }));
    const aroundTheEquator = polygon([
      [0, 0],
      [120, 0],
      [-120, 0],
      [0, 0],
    ]);
    expect(() => store.engine.find('places', { loc: { $geoWithin: { $geometry: aroundTheEquator } } })).toThrow(
      expect.objectContaining({ code: 'EMBEDDED_UNSUPPORTED' }),
    );
  });
});

describe('the $geoNear stage (aggregate().geoNear)', () => {
  beforeEach(() => {
    store.engine.bulkInsert('routes', [
      {
        _id: 'equator',
        loc: {
          type: 'LineString',
          coordinates: [
            [-3, 0],
            [3, 0],
          ],
        },
      },
      { _id: 'tile', loc: polygon(square(1.2, 1.8)) },
      { _id: 'stops', loc: [point([10, 10]), point([1.6, 1.9])] },
    ]);
  });

  it('measures lines and polygons to their nearest point (0 inside), and names the location it measured', async () => {
    const db = getDb();
    const { data } = await db
      .collection('routes')
      .aggregate()
      .geoNear({ near: new db.Geo.Point(1.6, 1.5), distanceField: 'dist', includeLocs: 'at', spherical: true })
      .end();
    expect(data.map((d: { _id: string; dist: number }) => [d._id, d.dist])).toEqual([
      ['tile', 0],
      ['stops', expect.closeTo(metres(0.4), 3)],
      ['equator', expect.closeTo(metres(1.5), 3)],
    ]);
    // Of an array of points, the nearest one.
    expect(data[1].at).toEqual(point([1.6, 1.9]));
  });

  it('takes limit, query and further stages; without key it needs exactly one geo field', async () => {
    const db = getDb();
    const Point = db.Geo.Point;
    const first = await db
      .collection('places')
      .aggregate()
      .geoNear({ near: new Point(0, 3), distanceField: 'm', spherical: true, limit: 2, query: { kind: db.command.neq('z') } })
      .project({ m: 0 })
      .end();
    expect(first.data).toEqual([
      { _id: 'd', kind: 'y', loc: point([0, 3]) },
      { _id: 'c', kind: 'x', loc: point([0, 2]) },
    ]);
    const later = await db
      .collection('places')
      .aggregate()
      .geoNear({ near: new Point(0, 0), distanceField: 'm', spherical: true })
      .match({ kind: 'x' })
      .project({ _id: 1 })
      .end();
    expect(later.data).toEqual([{ _id: 'a' }, { _id: 'c' }]);
    await db.collection('places').add({ _id: 'two', home: new Point(5, 5), loc: new Point(5, 5) });
    await expect(
      db
        .collection('places')
        .aggregate()
        .geoNear({ near: new Point(0, 0), distanceField: 'm', spherical: true })
        .end(),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('unsure which to use'),
    });
    const keyed = await db
      .collection('places')
      .aggregate()
      .geoNear({ near: new Point(5, 5), distanceField: 'm', spherical: true, key: 'home' })
      .end();
    expect(ids(keyed.data)).toEqual(['two']);
    await expect(
      db
        .collection('notices')
        .aggregate()
        .geoNear({ near: new Point(0, 0), distanceField: 'm', spherical: true })
        .end(),
    ).rejects.toMatchObject({
      message: '$geoNear requires a 2d or 2dsphere index, but none were found',
    });
  });

  it('is only valid as the first stage, and refuses options MongoDB does not know', async () => {
    const db = getDb();
    const near = new db.Geo.Point(0, 0);
    await expect(db.collection('places').aggregate().match({ kind: 'x' }).geoNear({ near, distanceField: 'm', spherical: true }).end()).rejects.toMatchObject({
      message: '$geoNear is only valid as the first stage in a pipeline',
    });
    await expect(
      db
        .collection('places')
        .aggregate()
        .geoNear({ near, spherical: true } as never)
        .end(),
    ).rejects.toMatchObject({
      message: "$geoNear requires a 'distanceField' option as a String",
    });
    await expect(
      db
        .collection('places')
        .aggregate()
        .geoNear({ near, distanceField: 'm', radius: 5 } as never)
        .end(),
    ).rejects.toMatchObject({
      message: 'unknown argument to $geoNear: radius',
    });
  });
});
