/**
 * Geospatial queries as MongoDB answers them over a 2dsphere index, and so as CloudBase answers
 * the SDK's geo commands (`db.command.geoNear` → `$nearSphere`, `geoWithin` → `$geoWithin`,
 * `geoIntersects` → `$geoIntersects`, the aggregation stage `geoNear` → `$geoNear`). mingo has
 * no geometry, so this module brings it: GeoJSON parsed into unit vectors on the sphere, edges as
 * great-circle arcs (what S2, MongoDB's geometry library, uses; not straight lines on lng/lat),
 * distances as the angle between points times 6,378,100 m (MongoDB's kRadiusOfEarthInMeters,
 * src/mongo/db/geo/geoconstants.h). CloudBase's documented `geoNear` example answers exactly
 * these distances (test/core/store/sdk-contract.test.ts).
 *
 * The relations follow GeometryContainer (src/mongo/db/geo/geometry_container.cpp):
 * - within a polygon, the boundary counts (`containsPoint`: `Contains(point) || MayIntersect(cell)`,
 *   the cell being an S2 leaf cell of about 1 cm; here an angle of EPS);
 * - within a MultiPolygon means within one of its polygons, member by member (a MultiPoint's
 *   points may lie in different polygons, one line may not span two);
 * - within `$centerSphere` means every vertex in the cap;
 * - a polygon is the smaller of the two regions its outer ring bounds (MongoDB normalises loops
 *   without the strict-winding CRS), with its holes cut out;
 * - the distance to a line or polygon is to its nearest point (0 inside a polygon).
 *
 * Point-in-polygon runs in a gnomonic projection centred on the polygon, which maps great
 * circles to straight lines, so it is exact on the sphere for any polygon whose vertices lie in
 * one open hemisphere around their mean direction: every real-world shape. A polygon reaching
 * beyond that (MongoDB's "big polygons") is refused as unsupported rather than answered wrongly.
 */
import type { Doc } from './codec';
import { DbError, ErrorCode, unsupported } from './errors';
import { EARTH_RADIUS_M, angle, toVec, makePoly, intersects, withinPolygons, withinCap, distanceTo, type V, type Poly, type Shape } from './geo-sphere';

export { EARTH_RADIUS_M } from './geo-sphere';

// ---- GeoJSON ----

class Invalid extends Error {}

function position(value: unknown): V {
  if (!Array.isArray(value) || value.length < 2 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw new Invalid(`a position must be an array of numbers [longitude, latitude]: ${JSON.stringify(value)}`);
  }
  const [lng, lat] = value as number[];
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) throw new Invalid(`longitude/latitude is out of bounds, lng: ${lng} lat: ${lat}`);
  return toVec(lng, lat);
}

/** Positions without consecutive repeats. */
function vertices(value: unknown, what: string): V[] {
  if (!Array.isArray(value)) throw new Invalid(`${what} coordinates must be an array`);
  const out: V[] = [];
  for (const c of value) {
    const v = position(c);
    if (!out.length || angle(out[out.length - 1], v) > 0) out.push(v);
  }
  return out;
}

function lineString(value: unknown): V[] {
  const line = vertices(value, 'LineString');
  if (line.length < 2) throw new Invalid('GeoJSON LineString must have at least 2 vertices');
  return line;
}

function polygon(value: unknown): Poly {
  if (!Array.isArray(value) || !value.length) throw new Invalid('Polygon coordinates must be an array of rings');
  const rings = value.map((ring) => {
    if (!Array.isArray(ring) || ring.length < 4) throw new Invalid('Loop must have at least 4 positions, the last equal to the first');
    const first = ring[0] as unknown[];
    const last = ring[ring.length - 1] as unknown[];
    if (!Array.isArray(first) || !Array.isArray(last) || first[0] !== last[0] || first[1] !== last[1]) throw new Invalid('Loop is not closed');
    const loop = vertices(ring, 'Polygon');
    loop.pop();
    if (loop.length < 3) throw new Invalid('Loop must have at least 3 different vertices');
    return loop;
  });
  return makePoly(rings);
}

const list = (value: unknown, what: string): unknown[] => {
  if (!Array.isArray(value) || !value.length) throw new Invalid(`${what} coordinates must be a non-empty array`);
  return value;
};

function geoJson(value: Doc, depth = 0): Shape {
  const { type, coordinates } = value;
  const shape: Shape = { points: [], lines: [], polys: [] };
  switch (type) {
    case 'Point':
      shape.points.push(position(coordinates));
      break;
    case 'MultiPoint':
      shape.points.push(...list(coordinates, type).map(position));
      break;
    case 'LineString':
      shape.lines.push(lineString(coordinates));
      break;
    case 'MultiLineString':
      shape.lines.push(...list(coordinates, type).map(lineString));
      break;
    case 'Polygon':
      shape.polys.push(polygon(coordinates));
      break;
    case 'MultiPolygon':
      shape.polys.push(...list(coordinates, type).map(polygon));
      break;
    case 'GeometryCollection': {
      const geometries = value.geometries;
      if (!Array.isArray(geometries) || depth > 0) throw new Invalid('GeometryCollection must hold an array of geometries');
      for (const g of geometries) {
        if (!isObject(g)) throw new Invalid('GeometryCollection must hold geometries');
        const part = geoJson(g, depth + 1);
        shape.points.push(...part.points);
        shape.lines.push(...part.lines);
        shape.polys.push(...part.polys);
      }
      break;
    }
    default:
      throw new Invalid(`unknown GeoJSON type: ${JSON.stringify(type)}`);
  }
  return shape;
}

const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
const isLegacyPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number');

/**
 * A stored value as a geometry: a GeoJSON object (what the SDK writes for every `db.Geo` value)
 * or a legacy `[lng, lat]` pair (which a 2dsphere index also reads as a point); undefined for
 * anything else, which no geo query matches.
 */
export function storedShape(value: unknown): Shape | undefined {
  if (isLegacyPair(value)) return attempt(() => ({ points: [position(value)], lines: [], polys: [] }));
  return isObject(value) && typeof value.type === 'string' ? attempt(() => geoJson(value)) : undefined;
}

function attempt(parse: () => Shape): Shape | undefined {
  try {
    return parse();
  } catch (err) {
    if (err instanceof Invalid) return undefined;
    throw err;
  }
}

/** A query's geometry: invalid GeoJSON is refused, as MongoDB refuses it. */
function queryShape(value: unknown, operator: string): Shape {
  if (!isObject(value)) throw new DbError(ErrorCode.INVALID_PARAM, `${operator} $geometry must be a GeoJSON object`);
  if (value.crs !== undefined) throw unsupported(`${operator} with a custom crs (MongoDB big polygons)`);
  try {
    return geoJson(value);
  } catch (err) {
    if (err instanceof Invalid) throw new DbError(ErrorCode.INVALID_PARAM, `${operator}: ${err.message}`);
    throw err;
  }
}

// ---- query operators (mingo's query-operator signature: selector, value → predicate) ----

/**
 * The values a geo predicate looks at, by MongoDB's path rules: through arrays of documents, a
 * numeric segment as an array index, and at the end the value itself and, when it is an array,
 * each element (an array of `db.Geo.Point`s matches through any of them).
 */
export function valuesAt(value: unknown, path: readonly string[], out: unknown[] = []): unknown[] {
  if (!path.length) {
    out.push(value);
    if (Array.isArray(value)) out.push(...value);
    return out;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(head) && Number(head) < value.length) valuesAt(value[Number(head)], rest, out);
    for (const el of value) if (isObject(el)) valuesAt(el, path, out);
  } else if (isObject(value) && head in value) {
    valuesAt(value[head], rest, out);
  }
  return out;
}

/** The stored geometries at a path, each with the value it came from. */
function shapesAt(doc: Doc, path: readonly string[]): Array<{ shape: Shape; value: unknown }> {
  const out: Array<{ shape: Shape; value: unknown }> = [];
  for (const value of valuesAt(doc, path)) {
    const shape = storedShape(value);
    if (shape) out.push({ shape, value });
  }
  return out;
}

type Predicate = (doc: Doc) => boolean;

export function $geoWithin(selector: string, value: unknown, _options?: unknown): Predicate {
  if (!isObject(value)) throw new DbError(ErrorCode.INVALID_PARAM, '$geoWithin needs an object');
  const path = selector.split('.');
  if ('$geometry' in value) {
    const shape = queryShape(value.$geometry, '$geoWithin');
    if (shape.points.length || shape.lines.length || !shape.polys.length) {
      throw new DbError(ErrorCode.INVALID_PARAM, '$geoWithin $geometry must be a Polygon or MultiPolygon');
    }
    return (doc) => shapesAt(doc, path).some(({ shape: g }) => withinPolygons(g, shape.polys));
  }
  if ('$centerSphere' in value) {
    const spec = value.$centerSphere;
    if (!Array.isArray(spec) || spec.length !== 2 || typeof spec[1] !== 'number' || !(spec[1] >= 0)) {
      throw new DbError(ErrorCode.INVALID_PARAM, '$centerSphere must be [[longitude, latitude], radius in radians ≥ 0]');
    }
    let center: V;
    try {
      center = position(spec[0]);
    } catch (err) {
      throw new DbError(ErrorCode.INVALID_PARAM, `$centerSphere: ${(err as Error).message}`);
    }
    const radius = spec[1];
    return (doc) => shapesAt(doc, path).some(({ shape: g }) => withinCap(g, center, radius));
  }
  const shape = Object.keys(value).find((k) => ['$box', '$polygon', '$center'].includes(k));
  if (shape) throw unsupported(`$geoWithin ${shape} (flat legacy shapes of 2d indexes)`);
  throw new DbError(ErrorCode.INVALID_PARAM, `$geoWithin needs $geometry or $centerSphere: ${JSON.stringify(value)}`);
}

export function $geoIntersects(selector: string, value: unknown, _options?: unknown): Predicate {
  if (!isObject(value) || !('$geometry' in value)) throw new DbError(ErrorCode.INVALID_PARAM, '$geoIntersects needs $geometry');
  const shape = queryShape(value.$geometry, '$geoIntersects');
  const path = selector.split('.');
  return (doc) => shapesAt(doc, path).some(({ shape: g }) => intersects(g, shape));
}

// ---- nearness: $nearSphere / $near, and the $geoNear stage ----

export interface Near {
  path: string[];
  point: V;
  /** Metres. */
  min: number;
  max: number;
}

function nearSpec(operator: string, selector: string, value: unknown): Near {
  if (!isObject(value) || !('$geometry' in value)) {
    throw unsupported(`${operator} with legacy coordinates (it needs a 2d index; the SDK sends GeoJSON)`);
  }
  const geometry = value.$geometry;
  if (!isObject(geometry) || geometry.type !== 'Point')
    throw new DbError(ErrorCode.INVALID_PARAM, `invalid point in geo near query $geometry argument: ${JSON.stringify(geometry)}`);
  let point: V;
  try {
    point = position(geometry.coordinates);
  } catch (err) {
    throw new DbError(ErrorCode.INVALID_PARAM, `invalid point in geo near query $geometry argument: ${(err as Error).message}`);
  }
  const distance = (name: string, dflt: number): number => {
    const d = value[name];
    if (d === undefined || d === null) return dflt;
    if (typeof d !== 'number' || !(d >= 0)) throw new DbError(ErrorCode.INVALID_PARAM, `${name} must be non-negative`);
    return d;
  };
  const known = new Set(['$geometry', '$maxDistance', '$minDistance']);
  const extra = Object.keys(value).find((k) => !known.has(k));
  if (extra) throw new DbError(ErrorCode.INVALID_PARAM, `invalid argument in geo near query: ${extra}`);
  return { path: selector.split('.'), point, min: distance('$minDistance', 0), max: distance('$maxDistance', Infinity) };
}

/** The nearest of the stored geometries at `near.path`: its distance in metres and the value it is. */
export function nearest(doc: Doc, near: Pick<Near, 'path' | 'point'>): { distance: number; value: unknown } | undefined {
  let best: { distance: number; value: unknown } | undefined;
  for (const { shape, value } of shapesAt(doc, near.path)) {
    const distance = distanceTo(near.point, shape) * EARTH_RADIUS_M;
    if (!best || distance < best.distance) best = { distance, value };
  }
  return best;
}

/** As a filter: within the distances (the caller orders the matches, nearest first). */
function nearPredicate(operator: string): (selector: string, value: unknown, _options?: unknown) => Predicate {
  return (selector, value) => {
    const near = nearSpec(operator, selector, value);
    return (doc) => {
      const found = nearest(doc, near);
      return !!found && found.distance >= near.min && found.distance <= near.max;
    };
  };
}

export const $nearSphere = nearPredicate('$nearSphere');
/** Over a 2dsphere index with a GeoJSON point, `$near` measures on the sphere too. */
export const $near = nearPredicate('$near');

const NEAR = new Set(['$near', '$nearSphere']);
const isNearCondition = (cond: unknown): cond is Doc => isObject(cond) && Object.keys(cond).some((k) => NEAR.has(k));

/**
 * The filter's `$nearSphere`/`$near`, whose matches MongoDB answers nearest first. It may stand
 * only at the top level (or in a top-level `$and`), once: MongoDB's CanonicalQuery answers
 * "geoNear must be top-level expr" and "Too many geoNear expressions" otherwise.
 */
export function nearOf(filter: Doc | undefined): Near | undefined {
  if (!filter) return undefined;
  const found: Near[] = [];
  const top = (query: Doc): void => {
    for (const [key, cond] of Object.entries(query)) {
      if (key === '$and' && Array.isArray(cond)) cond.forEach((q) => isObject(q) && top(q));
      else if (key.startsWith('$')) nested(cond);
      else if (isNearCondition(cond)) {
        const op = Object.keys(cond).find((k) => NEAR.has(k))!;
        found.push(nearSpec(op, key, cond[op]));
        nested(Object.fromEntries(Object.entries(cond).filter(([k]) => k !== op)));
      } else nested(cond);
    }
  };
  const nested = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(nested);
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (NEAR.has(key)) throw new DbError(ErrorCode.INVALID_PARAM, 'geoNear must be top-level expr');
      nested(inner);
    }
  };
  top(filter);
  if (found.length > 1) throw new DbError(ErrorCode.INVALID_PARAM, 'Too many geoNear expressions');
  return found[0];
}

/** Matches of a `$nearSphere` filter, nearest first (a stable sort: equal distances keep their order). */
export function byDistance<T>(items: T[], near: Near, docOf: (item: T) => Doc): T[] {
  return items
    .map((item, i) => ({ item, i, d: nearest(docOf(item), near)?.distance ?? Infinity }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .map(({ item }) => item);
}

/** `$near`/`$nearSphere` inside an aggregation (MongoDB: "not allowed in this context"). */
export function assertNoNear(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(assertNoNear);
  if (!isObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (NEAR.has(key)) throw new DbError(ErrorCode.INVALID_PARAM, '$geoNear, $near, and $nearSphere are not allowed in this context');
    assertNoNear(inner);
  }
}

const GEO_NEAR_OPTIONS = new Set([
  'near',
  'distanceField',
  'spherical',
  'limit',
  'num',
  'maxDistance',
  'minDistance',
  'query',
  'distanceMultiplier',
  'includeLocs',
  'key',
  'uniqueDocs',
]);

export interface GeoNearStage {
  near: V;
  distanceField: string;
  key?: string;
  includeLocs?: string;
  query?: Doc;
  min: number;
  max: number;
  multiplier: number;
  limit?: number;
}

/** The `$geoNear` stage's options, checked as MongoDB checks them. */
export function geoNearStage(spec: unknown): GeoNearStage {
  const bad = (message: string) => new DbError(ErrorCode.INVALID_PARAM, message);
  if (!isObject(spec)) throw bad('$geoNear argument must be an object');
  const unknown = Object.keys(spec).find((k) => !GEO_NEAR_OPTIONS.has(k));
  if (unknown) throw bad(`unknown argument to $geoNear: ${unknown}`);
  if (spec.near === undefined) throw bad("$geoNear requires a 'near' option");
  if (!isObject(spec.near)) throw unsupported('$geoNear with a legacy coordinate pair (it needs a 2d index; the SDK sends a GeoJSON Point)');
  if (spec.near.type !== 'Point') throw bad(`$geoNear 'near' must be a GeoJSON Point: ${JSON.stringify(spec.near)}`);
  let near: V;
  try {
    near = position(spec.near.coordinates);
  } catch (err) {
    throw bad(`invalid argument in geo near query: ${(err as Error).message}`);
  }
  if (typeof spec.distanceField !== 'string' || !spec.distanceField) throw bad("$geoNear requires a 'distanceField' option as a String");
  for (const name of ['key', 'includeLocs'] as const) {
    if (spec[name] !== undefined && (typeof spec[name] !== 'string' || !spec[name])) throw bad(`$geoNear parameter '${name}' must be of type string`);
  }
  const number = (name: string, dflt: number): number => {
    const v = spec[name];
    if (v === undefined || v === null) return dflt;
    if (typeof v !== 'number' || !(v >= 0)) throw bad(`${name} must be a non-negative number`);
    return v;
  };
  if (spec.query !== undefined && !isObject(spec.query)) throw bad('$geoNear query must be an object');
  const limit = spec.limit ?? spec.num;
  if (limit !== undefined && (typeof limit !== 'number' || !(limit > 0))) throw bad('$geoNear limit must be a positive number');
  return {
    near,
    distanceField: spec.distanceField,
    key: spec.key as string | undefined,
    includeLocs: spec.includeLocs as string | undefined,
    query: spec.query as Doc | undefined,
    min: number('minDistance', 0),
    max: number('maxDistance', Infinity),
    multiplier: number('distanceMultiplier', 1),
    limit: limit as number | undefined,
  };
}

/**
 * The field `$geoNear` measures without `key`: MongoDB uses the collection's one 2dsphere index
 * and refuses when there are none or several. The embedded store has no geo index declarations,
 * so it takes the fields that hold geometries (GeoJSON objects) in these documents: there must be
 * exactly one, as on CloudBase, where each queried geo field needs its index.
 */
export function geoKey(docs: Doc[]): string {
  const paths = new Set<string>();
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((el) => walk(el, path));
    if (!isObject(value)) return;
    if (path && storedShape(value)) {
      paths.add(path);
      return;
    }
    for (const [k, v] of Object.entries(value)) if (k !== '_id') walk(v, path ? `${path}.${k}` : k);
  };
  docs.forEach((doc) => walk(doc, ''));
  if (!paths.size) throw new DbError(ErrorCode.INVALID_PARAM, '$geoNear requires a 2d or 2dsphere index, but none were found');
  if (paths.size > 1) {
    throw new DbError(
      ErrorCode.INVALID_PARAM,
      `There is more than one 2dsphere index; unsure which to use for $geoNear (geo fields: ${[...paths].join(', ')}): give 'key'`,
    );
  }
  return [...paths][0];
}

/** Runs `$geoNear` on the documents its query matched: nearest first, with distance (and location) fields. */
export function runGeoNear(docs: Doc[], stage: GeoNearStage, key: string): Doc[] {
  const near = { path: key.split('.'), point: stage.near };
  const measured: Array<{ doc: Doc; distance: number; value: unknown; i: number }> = [];
  docs.forEach((doc, i) => {
    const found = nearest(doc, near);
    if (found && found.distance >= stage.min && found.distance <= stage.max) measured.push({ doc, i, ...found });
  });
  measured.sort((x, y) => x.distance - y.distance || x.i - y.i);
  return measured.slice(0, stage.limit ?? Infinity).map(({ doc, distance, value }) => {
    setPath(doc, stage.distanceField.split('.'), distance * stage.multiplier);
    if (stage.includeLocs) setPath(doc, stage.includeLocs.split('.'), structuredClone(value));
    return doc;
  });
}

function setPath(doc: Doc, path: string[], value: unknown): void {
  let cur = doc;
  for (const seg of path.slice(0, -1)) {
    if (!isObject(cur[seg])) cur[seg] = {};
    cur = cur[seg] as Doc;
  }
  cur[path[path.length - 1]] = value;
}
