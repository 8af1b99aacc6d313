/**
 * The SDK contract, the single list of what the embedded store supports: every operator the real
 * @cloudbase/node-sdk can emit — `db.command` query, logic and update operators, `db.RegExp`,
 * every `db.command.aggregate` expression and accumulator, every `aggregate()` stage and
 * `db.command.project` operator — is built by the SDK and either answered with an asserted
 * result (what MongoDB, and so CloudBase, answers) or refused with an asserted error. The case
 * list is checked against the SDK's own lists, so an SDK upgrade that adds an operator or moves
 * the request seam fails here loudly. Query cases run twice: on a collection without indexes
 * (mingo alone) and on one with indexes over the same fields (planner + SQLite, arrays
 * included), which must agree. Geo commands and `db.Geo` values are asserted on GEO, whose
 * first documents are CloudBase's own `geoNear` example (its documented answer included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDb, INDEXES, type Database } from '../../../cloudfunctions/core/store';
import { useEmbeddedStore, type EmbeddedStore } from '../../../cloudfunctions/core/store/embedded';
import type * as GeoClasses from '@cloudbase/database/dist/commonjs/geo';

type Cmd = Database['command'];
/** All of `db.Geo` (the SDK's typings declare only Point). */
const geoOf = (db: Database) => db.Geo as unknown as typeof GeoClasses;
type Query = Record<string, unknown>;

const PLAIN = 'contract';
const INDEXED = 'contract_ix';
const AGG = 'contract_agg';
const GEO = 'contract_geo';
const GEO_INDEXED = 'contract_geo_ix';
const indexes = {
  ...INDEXES,
  [INDEXED]: ['n', 's', 'tags', 'd', 'nested.k', 'flag', 'arr', 'items.q'].map((f) => ({ name: f.replace('.', '_'), fields: [f] })),
  [GEO_INDEXED]: ['docType', 'location'].map((f) => ({ name: f, fields: [f] })),
};

const seed = () => [
  { _id: 'a', n: 1, s: 'apple', tags: ['x', 'y'], arr: [1, 2, 3], nested: { k: 1 }, items: [{ q: 1 }, { q: 5 }], flag: true, d: new Date('2024-01-01') },
  { _id: 'b', n: 2, s: 'banana', tags: ['y'], arr: [4], nested: { k: 2 }, items: [{ q: 2 }], flag: false, d: new Date('2024-02-01') },
  { _id: 'c', n: 3, s: 'Cherry', tags: [], arr: [], items: [], d: new Date('2024-03-01') },
  { _id: 'd', n: 10, s: 'date', tags: ['x'], nested: { k: 1 }, extra: null },
];

/** The document expressions are evaluated on, and the documents accumulators group. */
const aggSeed = () => [
  {
    _id: 'x',
    n: -2.5,
    m: 7,
    s: 'Hello World',
    cn: '你好abc',
    arr: [1, 2, 3],
    arr2: [3, 4],
    o: { a: 1, b: 2 },
    d: new Date('2019-05-14T13:45:30.123Z'),
    sun: new Date('2023-01-01T00:00:00Z'),
    t: true,
    f: false,
    nul: null,
    kv: [
      ['a', 1],
      ['b', 2],
    ],
  },
  { _id: 'g1', g: 'a', v: 1 },
  { _id: 'g2', g: 'a', v: 3 },
  { _id: 'g3', g: 'b', v: 5 },
];

type Position = [number, number];
const point = ([lng, lat]: Position) => ({ type: 'Point', coordinates: [lng, lat] });
/** A closed square ring from (lo, lo) to (hi, hi), corners counter-clockwise. */
const square = (lo: number, hi: number): Position[] => [
  [lo, lo],
  [hi, lo],
  [hi, hi],
  [lo, hi],
  [lo, lo],
];

/**
 * Geo documents as the SDK stores `db.Geo` values: GeoJSON. First CloudBase's own
 * Aggregate.geoNear example (developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/
 * database/aggregate/Aggregate.geoNear.html), then shapes around the 回 of node-sdk's
 * geo-advanced.test.ts against CloudBase: an outer square of ±2° around (0, 0) with a ±1° hole.
 */
const geoSeed = () => [
  { _id: 'geoNear.0', city: 'Guangzhou', docType: 'geoNear', location: point([113.30593, 23.1361155]), name: 'Canton Tower' },
  { _id: 'geoNear.1', city: 'Guangzhou', docType: 'geoNear', location: point([113.306789, 23.1564721]), name: 'Baiyun Mountain' },
  { _id: 'geoNear.2', city: 'Beijing', docType: 'geoNear', location: point([116.3949659, 39.9163447]), name: 'The Palace Museum' },
  { _id: 'geoNear.3', city: 'Beijing', docType: 'geoNear', location: point([116.2328567, 40.242373]), name: 'Great Wall' },
  // In the hole; between the squares; on the outer square's east edge (a meridian); far away.
  { _id: 'origin', docType: 'shape', location: point([0, 0]) },
  { _id: 'ring', docType: 'shape', location: point([1.5, 1.5]) },
  { _id: 'edge', docType: 'shape', location: point([2, 0]) },
  { _id: 'far', docType: 'shape', location: point([10, 10]) },
  // Along the equator, across both squares; a small square between them; two points; an array of points.
  {
    _id: 'line',
    docType: 'shape',
    location: {
      type: 'LineString',
      coordinates: [
        [-3, 0],
        [3, 0],
      ],
    },
  },
  { _id: 'tile', docType: 'shape', location: { type: 'Polygon', coordinates: [square(1.2, 1.8)] } },
  {
    _id: 'pair',
    docType: 'shape',
    location: {
      type: 'MultiPoint',
      coordinates: [
        [0, 0],
        [10, 10],
      ],
    },
  },
  { _id: 'points', docType: 'shape', location: [point([50, 50]), point([1.5, -1.5])] },
  { _id: 'none', docType: 'shape' },
];

/** Where CloudBase's example measures from, and the distances (metres) it documents for geoNear.0…3. */
const NEAR: Position = [113.3089506, 23.0968251];
const DOCUMENTED = [4384.68131486958, 6643.521654040738, 1894750.4414538583, 1928300.3308822548];

/**
 * Geo query operator → filter built through the SDK on GEO, and the ids it must answer; for
 * geoNear in that order (nearest first, as MongoDB's $nearSphere answers), otherwise in any.
 * The SDK sends geoNear as `$nearSphere`, geoWithin and geoIntersects as themselves.
 */
const geoQueries: Record<string, (_: Cmd, db: Database) => Array<[Query, string[]]>> = {
  geoNear: (_, db) => {
    const P = (p: Position) => new (geoOf(db).Point)(...p);
    return [
      // Within the documented distances: 4.4 km, 6.6 km, 1,895 km, 1,928 km.
      [{ location: _.geoNear({ geometry: P(NEAR), maxDistance: 2_000_000 }) }, ['geoNear.0', 'geoNear.1', 'geoNear.2', 'geoNear.3']],
      [{ location: _.geoNear({ geometry: P(NEAR), minDistance: 5000, maxDistance: 1_900_000 }) }, ['geoNear.1', 'geoNear.2']],
      // Inside a polygon is distance 0; a line and a point are measured to their nearest point.
      [{ location: _.geoNear({ geometry: P([1.6, 1.5]), maxDistance: 200_000 }) }, ['tile', 'ring', 'line', 'edge']],
      [{ location: _.geoNear({ geometry: P([1.6, 1.5]), maxDistance: 200_000 }), _id: _.neq('tile') }, ['ring', 'line', 'edge']],
    ];
  },
  geoWithin: (_, db) => {
    const { Point, LineString, Polygon, MultiPolygon } = geoOf(db);
    const ring = (r: Position[]) => new LineString(r.map((p) => new Point(...p)));
    return [
      // The boundary counts (edge); a line leaving the polygon does not; one point of an array is enough.
      [{ location: _.geoWithin({ geometry: new Polygon([ring(square(-2, 2))]) }) }, ['edge', 'origin', 'points', 'ring', 'tile']],
      // The hole is not within.
      [{ location: _.geoWithin({ geometry: new Polygon([ring(square(-2, 2)), ring(square(-1, 1))]) }) }, ['edge', 'points', 'ring', 'tile']],
      // Each point of a MultiPoint may lie in a different polygon of a MultiPolygon.
      [
        { location: _.geoWithin({ geometry: new MultiPolygon([new Polygon([ring(square(9, 11))]), new Polygon([ring(square(-1, 1))])]) }) },
        ['far', 'origin', 'pair'],
      ],
      // Radius in radians: 5 km holds only the Canton Tower (4.4 km; Baiyun Mountain is 6.6 km).
      [{ location: _.geoWithin({ centerSphere: [new Point(...NEAR), 5000 / 6_378_100] }) }, ['geoNear.0']],
      [{ location: _.geoWithin({ centerSphere: [[0, 0], (2.2 * Math.PI) / 180] }), docType: 'shape' }, ['edge', 'origin', 'points', 'ring']],
    ];
  },
  geoIntersects: (_, db) => {
    const { Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon } = geoOf(db);
    const line = (r: Position[]) => new LineString(r.map((p) => new Point(...p)));
    return [
      [{ location: _.geoIntersects({ geometry: new Point(0, 0) }) }, ['line', 'origin', 'pair']],
      [
        {
          location: _.geoIntersects({
            geometry: line([
              [1.5, -3],
              [1.5, 3],
            ]),
          }),
        },
        ['line', 'points', 'ring', 'tile'],
      ],
      [{ location: _.geoIntersects({ geometry: new Polygon([line(square(-2, 2)), line(square(-1, 1))]) }) }, ['edge', 'line', 'points', 'ring', 'tile']],
      // (2, 0) is on the outer square's edge and on the equator line.
      [{ location: _.geoIntersects({ geometry: new MultiPoint([new Point(10, 10), new Point(2, 0)]) }) }, ['edge', 'far', 'line', 'pair']],
      [
        {
          location: _.geoIntersects({
            geometry: new MultiLineString([
              line([
                [-1, 5],
                [1, 5],
              ]),
              line([
                [1.3, 1.4],
                [1.7, 1.4],
              ]),
            ]),
          }),
        },
        ['tile'],
      ],
      [
        { location: _.geoIntersects({ geometry: new MultiPolygon([new Polygon([line(square(9, 11))]), new Polygon([line(square(-0.5, 0.5))])]) }) },
        ['far', 'line', 'origin', 'pair'],
      ],
    ];
  },
};

/** Query operator → filter built through the SDK, and the ids it must match. */
const queries: Record<string, (_: Cmd, db: Database) => Array<[Query, string[]]>> = {
  eq: (_) => [
    [{ n: _.eq(2) }, ['b']],
    [{ tags: 'y' }, ['a', 'b']],
  ],
  neq: (_) => [[{ n: _.neq(2) }, ['a', 'c', 'd']]],
  lt: (_) => [[{ n: _.lt(3) }, ['a', 'b']]],
  lte: (_) => [
    [{ n: _.lte(3) }, ['a', 'b', 'c']],
    [{ d: _.lte(new Date('2024-02-01')) }, ['a', 'b']],
  ],
  gt: (_) => [
    [{ n: _.gt(2) }, ['c', 'd']],
    [{ s: _.gt('b') }, ['b', 'd']],
  ],
  gte: (_) => [
    [{ n: _.gte(3) }, ['c', 'd']],
    [{ d: _.gte(new Date('2024-02-01')) }, ['b', 'c']],
  ],
  in: (_) => [
    [{ s: _.in(['apple', 'date']) }, ['a', 'd']],
    [{ tags: _.in(['x']) }, ['a', 'd']],
  ],
  nin: (_) => [[{ s: _.nin(['apple', 'date']) }, ['b', 'c']]],
  all: (_) => [[{ tags: _.all(['x', 'y']) }, ['a']]],
  elemMatch: (_) => [
    [{ items: _.elemMatch({ q: _.gt(3) }) }, ['a']],
    [{ arr: _.elemMatch(_.gt(3)) }, ['b']],
    // Field conditions look into documents only: an array of plain values never matches.
    [{ arr: _.elemMatch({ q: _.gt(0) }) }, []],
    [{ arr: _.elemMatch({ q: _.exists(false) }) }, []],
  ],
  exists: (_) => [
    [{ flag: _.exists(true) }, ['a', 'b']],
    [{ flag: _.exists(false) }, ['c', 'd']],
  ],
  size: (_) => [[{ arr: _.size(1) }, ['b']]],
  // The SDK's typings declare mod() without parameters; it takes (divisor, remainder).
  mod: (_) => [[{ n: (_.mod as unknown as (d: number, r: number) => unknown)(5, 0) }, ['d']]],
  and: (_) => [
    [{ n: _.gt(1).and(_.lt(10)) }, ['b', 'c']],
    [_.and([{ n: _.gt(1) }, { s: 'date' }]) as unknown as Query, ['d']],
  ],
  or: (_) => [
    [_.or([{ n: 1 }, { s: 'date' }]) as unknown as Query, ['a', 'd']],
    [{ n: _.eq(1).or(_.eq(3)) }, ['a', 'c']],
  ],
  nor: (_) => [[_.nor([{ n: 1 }, { s: 'date' }]) as unknown as Query, ['b', 'c']]],
  not: (_) => [[{ n: _.not(_.gt(2)) }, ['a', 'b']]],
  expr: (_) => [[_.expr(_.aggregate.gt(['$n', 2])) as Query, ['c', 'd']]],
  // Evaluated, as CloudBase does (node-sdk's advanced-operator.test.ts: required matches all, its nor none).
  jsonSchema: (_) => [
    [_.jsonSchema({ required: ['n'] }) as Query, ['a', 'b', 'c', 'd']],
    [_.nor([_.jsonSchema({ required: ['n'] })]) as unknown as Query, []],
    [_.jsonSchema({ required: ['flag'], properties: { flag: { bsonType: 'bool' } } }) as Query, ['a', 'b']],
    [_.jsonSchema({ properties: { n: { bsonType: 'int', minimum: 2, maximum: 3 } } }) as Query, ['b', 'c']],
    [_.jsonSchema({ properties: { tags: { bsonType: 'array', maxItems: 1, items: { type: 'string', enum: ['x', 'y'] } } } }) as Query, ['b', 'c', 'd']],
    [_.jsonSchema({ properties: { _id: {}, n: {}, s: {}, tags: {}, nested: {}, extra: { bsonType: 'null' } }, additionalProperties: false }) as Query, ['d']],
    [_.jsonSchema({ properties: { nested: { bsonType: 'object', properties: { k: { enum: [2] } } } } }) as Query, ['b', 'c']],
  ],
  RegExp: (_, db) => [
    [{ s: db.RegExp({ regexp: '^c', options: 'i' }) }, ['c']],
    [{ s: /an/ }, ['b']],
    [{ 'nested.k': 1 }, ['a', 'd']],
    [{ nested: { k: 2 } }, ['b']],
  ],
};

/**
 * What the embedded store refuses, each with EMBEDDED_UNSUPPORTED and why. `$text` (and
 * `$meta`, which reads its score) needs a text index, which CloudBase cannot create either
 * (node-sdk's own tests skip it: "目前还不支持设置文本索引"), so CloudBase refuses them too.
 */
const refused: Record<string, { cloudbase: 'answers' | 'refuses'; run: (db: Database) => Promise<unknown> }> = {
  text: {
    cloudbase: 'refuses',
    run: (db) =>
      db
        .collection(PLAIN)
        .where({ $text: db.command.text({ search: 'apple', diacriticSensitive: false }) })
        .get(),
  },
  'aggregate.meta': {
    cloudbase: 'refuses',
    run: (db) =>
      db
        .collection(PLAIN)
        .aggregate()
        .project({ score: db.command.aggregate.meta('textScore') })
        .end(),
  },
};

/** Update operator → update built through the SDK, and what document `a` must then contain. */
const updates: Record<string, (_: Cmd) => [Query, Query]> = {
  set: (_) => [
    { nested: _.set({ z: 1 }), 'deep.a.b': 2, extra2: { p: { q: 1 } } },
    { nested: { z: 1 }, deep: { a: { b: 2 } }, extra2: { p: { q: 1 } } },
  ],
  remove: (_) => [
    { flag: _.remove(), 'nested.k': _.remove() },
    { flag: undefined, nested: {} },
  ],
  inc: (_) => [
    { n: _.inc(5), 'nested.k': _.inc(-1) },
    { n: 6, nested: { k: 0 } },
  ],
  mul: (_) => [{ n: _.mul(3) }, { n: 3 }],
  push: (_) => [
    { arr: _.push([4, 5]), tags: _.push({ each: ['w', 'a'], position: 0, sort: 1, slice: 3 }) },
    { arr: [1, 2, 3, 4, 5], tags: ['a', 'w', 'x'] },
  ],
  pop: (_) => [{ arr: _.pop() }, { arr: [1, 2] }],
  shift: (_) => [{ arr: _.shift() }, { arr: [2, 3] }],
  unshift: (_) => [{ arr: _.unshift(-1, 0) }, { arr: [-1, 0, 1, 2, 3] }],
  pull: (_) => [
    { arr: _.pull(2), items: _.pull({ q: 5 }), tags: _.pull(_.in(['x'])) },
    { arr: [1, 3], items: [{ q: 1 }], tags: ['y'] },
  ],
  pullAll: (_) => [{ arr: _.pullAll([1, 3]) }, { arr: [2] }],
  addToSet: (_) => [
    { tags: _.addToSet('x'), arr: _.addToSet({ $each: [3, 9] }) },
    { tags: ['x', 'y'], arr: [1, 2, 3, 9] },
  ],
  rename: (_) => [{ s: _.rename('title') }, { s: undefined, title: 'apple' }],
  min: (_) => [
    { n: _.min(0), d: _.min(new Date('2023-01-01')) },
    { n: 0, d: new Date('2023-01-01') },
  ],
  max: (_) => [{ n: _.max(7) }, { n: 7 }],
  bit: (_) => [{ n: _.bit({ or: 2 }) }, { n: 3 }],
};

type Agg = Cmd['aggregate'];
/** Set operators answer in no defined order: compared sorted. */
const unordered = (values: unknown[]) => ({ unordered: values });
const D = (iso: string) => new Date(iso);

/**
 * Expression operator → expressions built through the SDK, evaluated on document `x` of AGG, and
 * what MongoDB answers (from the operator's MongoDB reference page; `undefined`: the field is
 * absent). Where mingo answered otherwise the engine replaces the operator (operators.ts,
 * dates.ts, expressions.ts) and the case says so.
 */
const expressions: Record<string, ($: Agg) => Array<[unknown, unknown]>> = {
  abs: ($) => [[$.abs('$n'), 2.5]],
  add: ($) => [
    [$.add(['$n', '$m', 1]), 5.5],
    [$.add(['$d', 1000]), D('2019-05-14T13:45:31.123Z')],
  ],
  ceil: ($) => [[$.ceil('$n'), -2]],
  divide: ($) => [[$.divide(['$m', 2]), 3.5]],
  exp: ($) => [[$.exp(0), 1]],
  floor: ($) => [[$.floor('$n'), -3]],
  ln: ($) => [[$.ln(1), 0]],
  log: ($) => [[$.log([100, 10]), 2]],
  log10: ($) => [[$.log10(1000), 3]],
  mod: ($) => [
    [$.mod(['$m', 3]), 1],
    [$.mod([-7, 3]), -1],
  ],
  multiply: ($) => [[$.multiply(['$m', 2, 0.5]), 7]],
  pow: ($) => [[$.pow([2, 10]), 1024]],
  sqrt: ($) => [[$.sqrt(16), 4]],
  subtract: ($) => [
    [$.subtract(['$m', '$n']), 9.5],
    [$.subtract(['$d', D('2019-05-14T00:00:00Z')]), 49_530_123],
  ],
  // `$trunc: <number>` as well as `[number, place]`: mingo took only the array.
  trunc: ($) => [
    [$.trunc('$n'), -2],
    [$.trunc([7.456, 1]), 7.4],
  ],
  arrayElemAt: ($) => [
    [$.arrayElemAt(['$arr', -1]), 3],
    [$.arrayElemAt(['$arr', 5]), undefined],
  ],
  arrayToObject: ($) => [
    [$.arrayToObject('$kv'), { a: 1, b: 2 }],
    [$.arrayToObject([[{ k: 'x', v: 1 }]]), { x: 1 }],
  ],
  concatArrays: ($) => [
    [$.concatArrays(['$arr', '$arr2']), [1, 2, 3, 3, 4]],
    [$.concatArrays(['$arr', '$nul']), null],
  ],
  filter: ($) => [[$.filter({ input: '$arr', as: 'e', cond: $.gte(['$$e', 2]) }), [2, 3]]],
  in: ($) => [
    [$.in([2, '$arr']), true],
    [$.in([9, '$arr']), false],
  ],
  indexOfArray: ($) => [
    [$.indexOfArray(['$arr', 3]), 2],
    [$.indexOfArray([[1, 2, 1], 1, 1]), 2],
  ],
  isArray: ($) => [
    [$.isArray(['$arr']), true],
    [$.isArray(['$s']), false],
  ],
  map: ($) => [[$.map({ input: '$arr', as: 'e', in: $.multiply(['$$e', 10]) }), [10, 20, 30]]],
  range: ($) => [
    [$.range([0, 10, 3]), [0, 3, 6, 9]],
    [$.range([5, 0, -2]), [5, 3, 1]],
  ],
  reduce: ($) => [[$.reduce({ input: '$arr', initialValue: 0, in: $.add(['$$value', '$$this']) }), 6]],
  reverseArray: ($) => [[$.reverseArray('$arr'), [3, 2, 1]]],
  size: ($) => [[$.size('$arr'), 3]],
  slice: ($) => [
    [$.slice(['$arr', -2]), [2, 3]],
    [$.slice(['$arr', 1, 1]), [2]],
  ],
  zip: ($) => [
    [
      $.zip({ inputs: ['$arr', '$arr2'] }),
      [
        [1, 3],
        [2, 4],
      ],
    ],
    [
      $.zip({ inputs: ['$arr', '$arr2'], useLongestLength: true, defaults: [0, 9] }),
      [
        [1, 3],
        [2, 4],
        [3, 9],
      ],
    ],
  ],
  and: ($) => [
    [$.and([1, '$t']), true],
    [$.and(['$t', '$nul']), false],
  ],
  not: ($) => [[$.not(['$f']), true]],
  or: ($) => [
    [$.or(['$f', 0]), false],
    [$.or(['$f', 'a']), true],
  ],
  // Values of different types compare in MongoDB's type order (mingo: false whatever the order).
  cmp: ($) => [
    [$.cmp(['$m', 7]), 0],
    [$.cmp(['a', 1]), 1],
    [$.cmp(['$missing', null]), -1],
  ],
  eq: ($) => [
    [$.eq(['$m', 7]), true],
    [$.eq(['$missing', null]), false],
    [$.eq(['$nul', null]), true],
  ],
  gt: ($) => [
    [$.gt(['$m', 7]), false],
    [$.gt(['$s', 1]), true],
    [$.gt(['$d', '$t']), true],
    [$.gt(['$arr', '$o']), true],
  ],
  gte: ($) => [[$.gte(['$m', 7]), true]],
  lt: ($) => [
    [$.lt(['$m', 7]), false],
    [$.lt(['$nul', 0]), true],
    [$.lt(['$missing', 0]), true],
  ],
  lte: ($) => [[$.lte(['$m', 6]), false]],
  neq: ($) => [
    [$.neq(['$m', 7]), false],
    [$.neq(['$s', 1]), true],
  ],
  cond: ($) => [
    [$.cond({ if: '$t', then: 'y', else: 'n' }), 'y'],
    [$.cond([false, 1, 2]), 2],
  ],
  ifNull: ($) => [
    [$.ifNull(['$nul', 'dflt']), 'dflt'],
    [$.ifNull(['$m', 0]), 7],
  ],
  switch: ($) => [[$.switch({ branches: [{ case: $.gt(['$m', 5]), then: 'big' }], default: 'small' }), 'big']],
  // mingo built 9999-11-30 from ISO parts.
  dateFromParts: ($) => [
    [$.dateFromParts({ year: 2020, month: 2, day: 29, hour: 1 }), D('2020-02-29T01:00:00Z')],
    [$.dateFromParts({ year: 2019, month: 14, day: 1 }), D('2020-02-01T00:00:00Z')],
    [$.dateFromParts({ isoWeekYear: 2019, isoWeek: 20, isoDayOfWeek: 2, timezone: '+08:00' }), D('2019-05-13T16:00:00Z')],
  ],
  // mingo answered nothing for a string with an offset.
  dateFromString: ($) => [
    [$.dateFromString({ dateString: '2019-05-14T08:00:00+08:00' }), D('2019-05-14T00:00:00Z')],
    [$.dateFromString({ dateString: '2019-05-14 08:00', timezone: 'Asia/Shanghai' }), D('2019-05-14T00:00:00Z')],
    [$.dateFromString({ dateString: '14/05/2019', format: '%d/%m/%Y' }), D('2019-05-14T00:00:00Z')],
    [$.dateFromString({ dateString: 'soon', onError: 'bad' }), 'bad'],
    [$.dateFromString({ dateString: '$nul', onNull: 'none' }), 'none'],
  ],
  dayOfMonth: ($) => [[$.dayOfMonth('$d'), 14]],
  dayOfWeek: ($) => [[$.dayOfWeek('$d'), 3]],
  dayOfYear: ($) => [[$.dayOfYear('$d'), 134]],
  isoDayOfWeek: ($) => [
    [$.isoDayOfWeek('$d'), 2],
    [$.isoDayOfWeek('$sun'), 7],
  ],
  isoWeek: ($) => [
    [$.isoWeek('$d'), 20],
    [$.isoWeek('$sun'), 52],
  ],
  isoWeekYear: ($) => [
    [$.isoWeekYear('$d'), 2019],
    [$.isoWeekYear(D('2019-12-30T00:00:00Z')), 2020],
  ],
  millisecond: ($) => [[$.millisecond('$d'), 123]],
  minute: ($) => [[$.minute('$d'), 45]],
  month: ($) => [[$.month('$d'), 5]],
  second: ($) => [[$.second('$d'), 30]],
  hour: ($) => [
    [$.hour('$d'), 13],
    [$.hour({ date: '$d', timezone: 'Asia/Shanghai' }), 21],
    [$.hour({ date: '$d', timezone: '-0530' }), 8],
  ],
  // Weeks start on Sunday; the days before the year's first Sunday are week 0 (mingo: 20 and 53).
  week: ($) => [
    [$.week('$d'), 19],
    [$.week('$sun'), 1],
    [$.week(D('2022-01-01T00:00:00Z')), 0],
    [$.week(D('2019-12-31T00:00:00Z')), 52],
  ],
  // A null or missing date answers null (mingo: an error).
  year: ($) => [
    [$.year('$d'), 2019],
    [$.year('$missing'), null],
    [$.year({ date: D('2019-12-31T20:00:00Z'), timezone: 'Asia/Shanghai' }), 2020],
  ],
  literal: ($) => [[$.literal('$n'), '$n']],
  mergeObjects: ($) => [
    [$.mergeObjects(['$o', { b: 3, c: 4 }]), { a: 1, b: 3, c: 4 }],
    [$.mergeObjects(['$o', '$nul']), { a: 1, b: 2 }],
  ],
  objectToArray: ($) => [
    [
      $.objectToArray('$o'),
      [
        { k: 'a', v: 1 },
        { k: 'b', v: 2 },
      ],
    ],
  ],
  allElementsTrue: ($) => [
    [$.allElementsTrue([[1, true, 'a']]), true],
    [$.allElementsTrue([[]]), true],
  ],
  anyElementTrue: ($) => [[$.anyElementTrue([[0, false, null]]), false]],
  setDifference: ($) => [[$.setDifference([[1, 2, 3], [2]]), unordered([1, 3])]],
  setEquals: ($) => [
    [
      $.setEquals([
        [1, 2],
        [2, 1, 1],
      ]),
      true,
    ],
  ],
  setIntersection: ($) => [
    [
      $.setIntersection([
        [1, 2, 3],
        [3, 2, 5],
      ]),
      unordered([2, 3]),
    ],
  ],
  setIsSubset: ($) => [[$.setIsSubset([[1], [1, 2]]), true]],
  setUnion: ($) => [
    [
      $.setUnion([
        [1, 2],
        [2, 3],
      ]),
      unordered([1, 2, 3]),
    ],
  ],
  concat: ($) => [
    [$.concat(['$s', '!', '$cn']), 'Hello World!你好abc'],
    [$.concat(['$s', '$nul']), null],
  ],
  // `%w` is 1 (Sunday) to 7, `%U` counts Sunday weeks, `%G` is the ISO week's year (mingo: 2, 20, the calendar year).
  dateToString: ($) => [
    [$.dateToString({ date: '$d', format: '%Y-%m-%d %H:%M:%S.%L %j %w %U %u %V %G %%' }), '2019-05-14 13:45:30.123 134 3 19 2 20 2019 %'],
    [$.dateToString({ date: D('2019-12-30T00:00:00Z'), format: '%G-W%V-%u' }), '2020-W01-1'],
    [$.dateToString({ date: '$d', format: '%Y-%m-%dT%H:%M%z', timezone: '+08:00' }), '2019-05-14T21:45+0800'],
    [$.dateToString({ date: '$d' }), '2019-05-14T13:45:30.123Z'],
    [$.dateToString({ date: '$missing', format: '%Y' }), null],
  ],
  // Byte offsets: 你 and 好 are three bytes each (mingo counted UTF-16 units).
  indexOfBytes: ($) => [
    [$.indexOfBytes(['$cn', 'a']), 6],
    [$.indexOfBytes(['$cn', 'z']), -1],
  ],
  // mingo had no $indexOfCP.
  indexOfCP: ($) => [
    [$.indexOfCP(['$cn', 'a']), 2],
    [$.indexOfCP(['$cn', 'b', 0, 3]), -1],
    [$.indexOfCP(['$s', 'o', 5]), 7],
    [$.indexOfCP(['$nul', 'a']), null],
  ],
  split: ($) => [[$.split(['$s', ' ']), ['Hello', 'World']]],
  strLenBytes: ($) => [[$.strLenBytes('$cn'), 9]],
  strLenCP: ($) => [[$.strLenCP('$cn'), 5]],
  strcasecmp: ($) => [
    [$.strcasecmp(['abc', 'ABD']), -1],
    [$.strcasecmp(['$s', 'hello world']), 0],
    [$.strcasecmp(['$nul', '']), 0],
  ],
  // A negative length takes the rest of the string, a negative start answers "" (mingo refused both).
  substr: ($) => [
    [$.substr(['$s', 6, -1]), 'World'],
    [$.substr(['$s', 0, 5]), 'Hello'],
    [$.substr(['$s', -1, 2]), ''],
  ],
  substrBytes: ($) => [
    [$.substrBytes(['$cn', 3, -1]), '好abc'],
    [$.substrBytes(['$cn', 0, 3]), '你'],
    [$.substrBytes(['$nul', 0, 1]), ''],
  ],
  substrCP: ($) => [[$.substrCP(['$cn', 1, 2]), '好a']],
  // null is "" for the case operators (mingo: null).
  toLower: ($) => [
    [$.toLower('$s'), 'hello world'],
    [$.toLower('$nul'), ''],
  ],
  toUpper: ($) => [[$.toUpper('$s'), 'HELLO WORLD']],
  let: ($) => [[$.let({ vars: { k: 2 }, in: $.multiply(['$m', '$$k']) }), 14]],
};

/** Accumulator → `$group` by `g` over g1…g3 (values 1, 3 | 5), in `_id` order: the two groups' results. */
const accumulators: Record<string, ($: Agg) => [unknown, [unknown, unknown]]> = {
  addToSet: ($) => [$.addToSet('$v'), [unordered([1, 3]), [5]]],
  avg: ($) => [$.avg('$v'), [2, 5]],
  first: ($) => [$.first('$v'), [1, 5]],
  last: ($) => [$.last('$v'), [3, 5]],
  max: ($) => [$.max('$v'), [3, 5]],
  min: ($) => [$.min('$v'), [1, 5]],
  push: ($) => [$.push('$v'), [[1, 3], [5]]],
  stdDevPop: ($) => [$.stdDevPop('$v'), [1, 0]],
  stdDevSamp: ($) => [$.stdDevSamp('$v'), [Math.SQRT2, null]],
  sum: ($) => [$.sum('$v'), [4, 5]],
};

type Pipeline = ReturnType<ReturnType<Database['collection']>['aggregate']>;
/** Stage → a pipeline on PLAIN (n: a 1, b 2, c 3, d 10) built with the SDK, and its answer. */
const stages: Record<string, (agg: Pipeline, _: Cmd, db: Database) => [Pipeline, unknown[]]> = {
  addFields: (agg, _) => [
    agg
      .match({ _id: 'a' })
      .addFields({ m: _.aggregate.add(['$n', 1]) })
      .project({ _id: 0, m: 1 }),
    [{ m: 2 }],
  ],
  // A value equal to a boundary opens its bucket; empty buckets are not answered (mingo: both otherwise).
  bucket: (agg, _) => [
    agg.bucket({ groupBy: '$n', boundaries: [0, 2, 5, 8], default: 'other', output: { count: _.aggregate.sum(1) } }),
    [
      { _id: 0, count: 1 },
      { _id: 2, count: 2 },
      { _id: 'other', count: 1 },
    ],
  ],
  bucketAuto: (agg) => [
    agg.bucketAuto({ groupBy: '$n', buckets: 2 }),
    [
      { _id: { min: 1, max: 3 }, count: 2 },
      { _id: { min: 3, max: 10 }, count: 2 },
    ],
  ],
  count: (agg, _) => [agg.match({ n: _.gt(1) }).count('k'), [{ k: 3 }]],
  group: (agg, _) => [agg.group({ _id: null, total: _.aggregate.sum('$n') }), [{ _id: null, total: 16 }]],
  limit: (agg) => [
    agg.sort({ n: 1 }).limit(2).project({ n: 1 }),
    [
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ],
  ],
  match: (agg) => [agg.match({ s: /an/ }).project({ _id: 1 }), [{ _id: 'b' }]],
  project: (agg, _) => [agg.match({ _id: 'b' }).project({ _id: 0, s: 1, twice: _.aggregate.multiply(['$n', 2]) }), [{ s: 'banana', twice: 4 }]],
  lookup: (agg, _) => [
    agg
      .match({ _id: _.in(['a', 'd']) })
      .lookup({ from: INDEXED, localField: 'n', foreignField: 'n', as: 'same' })
      .lookup({
        from: INDEXED,
        let: { k: '$nested.k' },
        pipeline: _.aggregate
          .pipeline()
          .match(_.expr(_.aggregate.eq(['$nested.k', '$$k'])))
          .project({ _id: 1 })
          .done(),
        as: 'twins',
      })
      .project({ same: '$same._id', twins: '$twins._id' })
      .sort({ _id: 1 }),
    [
      { _id: 'a', same: ['a'], twins: ['a', 'd'] },
      { _id: 'd', same: ['d'], twins: ['a', 'd'] },
    ],
  ],
  replaceRoot: (agg) => [agg.match({ _id: 'a' }).replaceRoot({ newRoot: '$nested' }), [{ k: 1 }]],
  skip: (agg) => [agg.sort({ n: 1 }).skip(3).project({ _id: 1 }), [{ _id: 'd' }]],
  sort: (agg) => [agg.sort({ n: -1 }).project({ _id: 1 }), [{ _id: 'd' }, { _id: 'c' }, { _id: 'b' }, { _id: 'a' }]],
  sortByCount: (agg) => [
    agg.unwind('$tags').sortByCount('$tags').sort({ count: -1, _id: 1 }),
    [
      { _id: 'x', count: 2 },
      { _id: 'y', count: 2 },
    ],
  ],
  unwind: (agg, _) => [
    agg
      .match({ _id: _.in(['a', 'c']) })
      .unwind({ path: '$tags', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true })
      .project({ tags: 1, i: 1 }),
    [
      { _id: 'a', tags: 'x', i: 0 },
      { _id: 'a', tags: 'y', i: 1 },
      { _id: 'c', i: null },
    ],
  ],
};

const without = (doc: Query, key: string): Query => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== key));

/** `db.command.project` operator → where(), field() and the documents answered. */
const projections: Record<string, (_: Cmd) => Array<[Query, Query, unknown[]]>> = {
  // Beside no inclusion, $slice keeps every other field (MongoDB "$slice (projection)"); mingo kept only the array.
  slice: (_) => [
    [{ _id: 'a' }, { arr: _.project.slice(2) }, [{ ...seed()[0], arr: [1, 2] }]],
    [{ _id: 'a' }, { arr: _.project.slice([1, 1]), s: false }, [without({ ...seed()[0], arr: [2] }, 's')]],
    [{ _id: 'a' }, { arr: _.project.slice(-1), n: true }, [{ _id: 'a', n: 1, arr: [3] }]],
  ],
  elemMatch: (_) => [[{ _id: _.in(['a', 'b']) }, { items: _.project.elemMatch({ q: 5 }) }, [{ _id: 'a', items: [{ q: 5 }] }, { _id: 'b' }]]],
};

const passed = new Set<string>();
let store: EmbeddedStore;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bangfu-contract-'));
  store = useEmbeddedStore(dir, { indexes, collections: [PLAIN, AGG, GEO] });
  store.engine.bulkInsert(PLAIN, seed());
  store.engine.bulkInsert(INDEXED, seed());
  store.engine.bulkInsert(AGG, aggSeed());
  store.engine.bulkInsert(GEO, geoSeed());
  store.engine.bulkInsert(GEO_INDEXED, geoSeed());
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (docs: Array<Record<string, unknown>>) => docs.map((d) => d._id as string).sort();

/** Everything the SDK can emit, by the names its own lists use. */
function offered(db: Database): string[] {
  const stagesOf = Object.getOwnPropertyNames(Object.getPrototypeOf(db.collection(PLAIN).aggregate()));
  return [
    ...Object.keys(db.command).filter((k) => !['aggregate', 'project'].includes(k)),
    // The special values db offers.
    'RegExp',
    'ObjectId',
    'serverDate',
    ...Object.keys(db.Geo).map((k) => `Geo.${k}`),
    ...Object.keys(db.command.aggregate).map((k) => `aggregate.${k}`),
    ...Object.keys(db.command.project).map((k) => `project.${k}`),
    ...stagesOf.filter((k) => !['constructor', 'end', 'unwrap', 'done', '_pipe'].includes(k)).map((k) => `stage.${k}`),
  ].sort();
}

/** The `db.Geo` types, each asserted by the round trip. */
const GEO_TYPES = ['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'].map((k) => `Geo.${k}`);

/** Cases asserted outside the tables: `pipeline` builds the lookup stage's sub-pipeline; `sample` is random. */
const ELSEWHERE = ['aggregate.pipeline', 'stage.sample', 'stage.geoNear', 'ObjectId', 'serverDate', ...GEO_TYPES];

function covered(): string[] {
  return [
    ...Object.keys(queries),
    ...Object.keys(geoQueries),
    ...Object.keys(updates),
    ...Object.keys(refused),
    ...Object.keys(expressions).map((k) => `aggregate.${k}`),
    ...Object.keys(accumulators).map((k) => `aggregate.${k}`),
    ...Object.keys(stages).map((k) => `stage.${k}`),
    ...Object.keys(projections).map((k) => `project.${k}`),
    ...ELSEWHERE,
  ].sort();
}

/** An answer with the `unordered` parts of `expected` sorted like them, for toEqual. */
function comparable(actual: unknown, expected: unknown): [unknown, unknown] {
  if (expected && typeof expected === 'object' && 'unordered' in expected) {
    const sort = (v: unknown) => (Array.isArray(v) ? [...v].sort() : v);
    return [sort(actual), sort((expected as { unordered: unknown[] }).unordered)];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const pairs = expected.map((e, i) => comparable(actual[i], e));
    return [actual.length === expected.length ? pairs.map(([a]) => a) : actual, pairs.map(([, e]) => e)];
  }
  return [actual, expected];
}

describe('every operator the SDK can emit, through the real SDK', () => {
  it('the case list covers exactly what the SDK offers', () => {
    expect(covered()).toEqual(offered(getDb()));
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

  it.each(Object.keys(geoQueries))('geo query %s matches as CloudBase does, with and without indexes', async (op) => {
    const db = getDb();
    for (const [where, expected] of geoQueries[op](db.command, db)) {
      for (const coll of [GEO, GEO_INDEXED]) {
        const { data } = await db.collection(coll).where(where).get();
        const answered = data.map((d: { _id: string }) => d._id);
        expect({ coll, where: JSON.stringify(where), ids: op === 'geoNear' ? answered : answered.sort() }).toEqual({
          coll,
          where: JSON.stringify(where),
          ids: expected,
        });
        expect((await db.collection(coll).where(where).count()).total).toBe(expected.length);
      }
    }
    passed.add(op);
  });

  it("stage geoNear answers CloudBase's documented example: nearest first, distances in metres", async () => {
    const db = getDb();
    const { data } = await db
      .collection(GEO)
      .aggregate()
      .geoNear({
        distanceField: 'distance',
        spherical: true,
        near: new db.Geo.Point(...NEAR),
        query: { docType: 'geoNear' },
        key: 'location',
        includeLocs: 'location',
      })
      .end();
    // The answer on that page, to the micrometre (MongoDB's S2 and this engine agree to ~1e-9 m).
    expect(data).toEqual(
      geoSeed()
        .slice(0, 4)
        .map((doc, i) => ({ ...doc, distance: expect.closeTo(DOCUMENTED[i], 6) })),
    );
    // Without `key` the one geo field is used; distanceMultiplier, maxDistance and a nested distanceField.
    const km = await db
      .collection(GEO)
      .aggregate()
      .geoNear({ distanceField: 'd.km', spherical: true, near: new db.Geo.Point(...NEAR), maxDistance: 1_900_000, distanceMultiplier: 0.001 })
      .project({ d: 1 })
      .end();
    expect(km.data).toEqual(DOCUMENTED.slice(0, 3).map((m, i) => ({ _id: `geoNear.${i}`, d: { km: expect.closeTo(m / 1000, 9) } })));
    passed.add('stage.geoNear');
  });

  it('db.Geo values are stored as GeoJSON and read back as CloudBase answers them', async () => {
    // As node-sdk's own tests against CloudBase (geo.test.ts, geo-advanced.test.ts): get() answers
    // each value as an instance of its db.Geo class equal to the one written (a Point deep-equals
    // { longitude, latitude }), inside arrays and nested documents too; aggregate() answers the
    // stored GeoJSON (CloudBase's aggregate examples show `location: { type: 'Point', coordinates }`).
    const db = getDb();
    const { Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon } = geoOf(db);
    const pt = new Point(-180, 20);
    const lineOf = (r: Position[]) => new LineString(r.map((p) => new Point(...p)));
    const written = {
      point: pt,
      pointArr: [pt, pt],
      nested: { geo: new Point(90, 23) },
      line: lineOf([
        [1, 2],
        [3, 4],
      ]),
      polygon: new Polygon([lineOf(square(-2, 2)), lineOf(square(-1, 1))]),
      multiPoint: new MultiPoint([new Point(1, 1), new Point(2, 2)]),
      multiLineString: new MultiLineString([
        lineOf([
          [0, 0],
          [1, 1],
        ]),
        lineOf([
          [2, 2],
          [3, 3],
        ]),
      ]),
      multiPolygon: new MultiPolygon([new Polygon([lineOf(square(-2, 2))]), new Polygon([lineOf(square(5, 6))])]),
    };
    const id = (await db.collection(GEO).add(written)).id as string;
    const [doc] = (await db.collection(GEO).doc(id).get()).data;
    expect(doc.point).toBeInstanceOf(Point);
    expect(doc.line).toBeInstanceOf(LineString);
    expect(doc.polygon).toBeInstanceOf(Polygon);
    expect(doc.multiPoint).toBeInstanceOf(MultiPoint);
    expect(doc.multiLineString).toBeInstanceOf(MultiLineString);
    expect(doc.multiPolygon).toBeInstanceOf(MultiPolygon);
    expect(doc).toStrictEqual({ _id: id, ...written });
    expect({ ...doc.point }).toEqual({ longitude: -180, latitude: 20 });
    expect((await db.collection(GEO).where({ _id: id }).get()).data).toStrictEqual([{ _id: id, ...written }]);
    const stored = JSON.parse(store.engine.readText(GEO, id)!);
    expect(stored.point).toEqual({ type: 'Point', coordinates: [-180, 20] });
    expect(stored.polygon).toEqual({ type: 'Polygon', coordinates: [square(-2, 2), square(-1, 1)] });
    const [aggregated] = (await db.collection(GEO).aggregate().match({ _id: id }).end()).data;
    expect(aggregated).toEqual({ _id: id, ...JSON.parse(JSON.stringify(written)) });
    // Stored values are what the geo operators match.
    const near = await db
      .collection(GEO)
      .where({ 'nested.geo': db.command.geoNear({ geometry: new Point(90, 23), maxDistance: 1 }) })
      .get();
    expect(near.data.map((d: { _id: string }) => d._id)).toEqual([id]);
    for (const type of GEO_TYPES) passed.add(type);
  });

  it.each(Object.keys(refused))('%s is refused with a clear unsupported error', async (op) => {
    await expect(refused[op].run(getDb())).rejects.toMatchObject({ code: 'EMBEDDED_UNSUPPORTED' });
    passed.add(op);
  });

  it.each(Object.keys(expressions))('expression %s answers as MongoDB does', async (op) => {
    const db = getDb();
    for (const [expr, expected] of expressions[op](db.command.aggregate)) {
      const { data } = await db.collection(AGG).aggregate().match({ _id: 'x' }).project({ _id: 0, v: expr }).end();
      const [actual, want] = comparable(data[0].v, expected);
      expect({ expr: JSON.stringify(expr), v: actual, present: 'v' in data[0] }).toEqual({
        expr: JSON.stringify(expr),
        v: want,
        present: expected !== undefined,
      });
    }
    passed.add(`aggregate.${op}`);
  });

  it.each(Object.keys(accumulators))('accumulator %s groups as MongoDB does', async (op) => {
    const db = getDb();
    const [acc, expected] = accumulators[op](db.command.aggregate);
    const { data } = await db
      .collection(AGG)
      .aggregate()
      .match({ g: db.command.exists(true) })
      .sort({ _id: 1 })
      .group({ _id: '$g', r: acc })
      .sort({ _id: 1 })
      .end();
    const [actual, want] = comparable(
      data.map((d: { r: unknown }) => d.r),
      expected,
    );
    expect(actual).toEqual(want);
    passed.add(`aggregate.${op}`);
  });

  it.each(Object.keys(stages))('stage %s answers as MongoDB does', async (op) => {
    const db = getDb();
    const [pipeline, expected] = stages[op](db.collection(PLAIN).aggregate(), db.command, db);
    expect((await pipeline.end()).data).toEqual(expected);
    passed.add(`stage.${op}`);
    if (op === 'lookup') passed.add('aggregate.pipeline');
  });

  it('stage sample answers that many distinct documents (a random sort, for collections this small)', async () => {
    for (let round = 0; round < 20; round++) {
      const { data } = await getDb().collection(PLAIN).aggregate().sample({ size: 3 }).project({ _id: 1 }).end();
      expect(new Set(data.map((d: { _id: string }) => d._id)).size).toBe(3);
      expect(data.every((d: { _id: string }) => ['a', 'b', 'c', 'd'].includes(d._id))).toBe(true);
    }
    passed.add('stage.sample');
  });

  it('db.ObjectId values are stored, queried, joined and read back as CloudBase answers them', async () => {
    // As node-sdk's own test against CloudBase (oid.test.ts): add() answers the hex string, a read
    // answers ObjectId fields as hex strings, $lookup joins ObjectId to ObjectId.
    const db = getDb();
    const [oid1, oid2] = ['5f1234567890abcdef123456', '5f1234567890abcdef654321'];
    const added = await db.collection(PLAIN).add({ _id: db.ObjectId({ id: oid1 }), inviter: db.ObjectId({ id: oid2 }), name: 'test' });
    expect(added.id).toBe(oid1);
    await db.collection(INDEXED).add({ _id: db.ObjectId({ id: oid2 }), inviter: db.ObjectId({ id: oid1 }), name: 'test1' });
    expect(
      (
        await db
          .collection(PLAIN)
          .where({ inviter: db.ObjectId({ id: oid2 }) })
          .get()
      ).data,
    ).toEqual([{ _id: oid1, inviter: oid2, name: 'test' }]);
    expect(
      (
        await db
          .collection(PLAIN)
          .where({ _id: db.ObjectId({ id: oid1 }) })
          .count()
      ).total,
    ).toBe(1);
    expect(
      (
        await db
          .collection(PLAIN)
          .where({ _id: db.command.in([db.ObjectId({ id: oid1 }), 'a']) })
          .count()
      ).total,
    ).toBe(2);
    // A hex string is not an ObjectId: MongoDB compares types.
    expect((await db.collection(PLAIN).where({ inviter: oid2 }).get()).data).toEqual([]);
    const joined = await db
      .collection(INDEXED)
      .aggregate()
      .match({ name: 'test1' })
      .lookup({ from: PLAIN, localField: 'inviter', foreignField: '_id', as: 'inviters' })
      .end();
    expect(joined.data).toEqual([{ _id: oid2, inviter: oid1, name: 'test1', inviters: [{ _id: oid1, inviter: oid2, name: 'test' }] }]);
    const renamed = await db
      .collection(PLAIN)
      .where({ _id: db.ObjectId({ id: oid1 }) })
      .updateAndReturn({ name: 'renamed' });
    expect(renamed).toMatchObject({ updated: 1, doc: { _id: oid1, inviter: oid2, name: 'renamed' } });
    // MongoDB sorts ObjectIds after strings.
    const { data } = await db.collection(PLAIN).orderBy('_id', 'desc').field({ _id: true }).get();
    expect(data.map((d: { _id: string }) => d._id)).toEqual([oid1, 'd', 'c', 'b', 'a']);
    passed.add('ObjectId');
  });

  it('db.serverDate() is the time of the write, with its offset', async () => {
    const db = getDb();
    const before = Date.now();
    await db.collection(PLAIN).add({ _id: 't', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) });
    const [doc] = (await db.collection(PLAIN).doc('t').get()).data;
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000);
    passed.add('serverDate');
  });

  it('a $jsonSchema keyword MongoDB does not support is refused', async () => {
    const db = getDb();
    await expect(
      db
        .collection(PLAIN)
        .where(db.command.jsonSchema({ properties: { s: { format: 'email' } } }) as Query)
        .get(),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining("unknown keyword 'format'"),
    });
  });

  it.each(Object.keys(projections))('projection %s answers as MongoDB does', async (op) => {
    const db = getDb();
    for (const [query, projection, expected] of projections[op](db.command)) {
      const { data } = await db.collection(PLAIN).where(query).field(projection).get();
      expect(data.sort((x: { _id: string }, y: { _id: string }) => x._id.localeCompare(y._id))).toEqual(expected);
    }
    passed.add(`project.${op}`);
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

  it('where().updateAndReturn() counts the matched document as updated even when it already had the value', async () => {
    const db = getDb();
    const _ = db.command;
    const same = await db.collection(PLAIN).where({ _id: 'a' }).updateAndReturn({ s: 'apple' });
    expect(same).toMatchObject({ updated: 1, doc: { _id: 'a', s: 'apple', n: 1 } });
    const changed = await db
      .collection(PLAIN)
      .where({ n: _.gte(2) })
      .updateAndReturn({ n: _.inc(1) });
    expect(changed).toMatchObject({ updated: 1, doc: { _id: 'b', n: 3 } });
    expect(await db.collection(PLAIN).where({ _id: 'none' }).updateAndReturn({ s: 'x' })).toMatchObject({ updated: 0, doc: null });
    // Inside a transaction too; and the SDK offers no doc().updateAndReturn().
    const tx = await db.startTransaction();
    expect(await tx.collection(PLAIN).where({ _id: 'c' }).updateAndReturn({ s: 'Cherry' })).toMatchObject({ updated: 1, doc: { _id: 'c' } });
    await tx.commit();
    expect((db.collection(PLAIN).doc('a') as unknown as Record<string, unknown>).updateAndReturn).toBeUndefined();
  });

  it('where().update() applies operators to every match and reports the count', async () => {
    const _ = getDb().command;
    const res = await getDb()
      .collection(INDEXED)
      .where({ tags: 'y' })
      .update({ n: _.inc(100), 'nested.k': 0 });
    expect(res.updated).toBe(2);
    const { data } = await getDb()
      .collection(INDEXED)
      .where({ n: _.gte(100) })
      .orderBy('n', 'asc')
      .get();
    expect(data.map((d) => [d._id, d.n, d.nested])).toEqual([
      ['a', 101, { k: 0 }],
      ['b', 102, { k: 0 }],
    ]);
  });
});

afterAll(() => {
  const all = covered();
  const refusedHere = Object.keys(refused);
  const cloudbaseAnswers = refusedHere.filter((op) => refused[op].cloudbase === 'answers');
  console.log(
    `SDK contract: ${passed.size}/${all.length} operators covered — ${all.length - refusedHere.length} answered as CloudBase answers (asserted results), ` +
      `${refusedHere.length} refused (${refusedHere.length - cloudbaseAnswers.length} as CloudBase refuses them; ` +
      `${cloudbaseAnswers.length} CloudBase answers${cloudbaseAnswers.length ? `: ${cloudbaseAnswers.join(', ')}` : ''})`,
  );
  expect(passed.size).toBe(all.length);
});
