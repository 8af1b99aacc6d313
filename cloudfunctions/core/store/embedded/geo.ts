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
import { isObject, position, queryShape, storedShape } from './geo-json';
import { EARTH_RADIUS_M, intersects, withinPolygons, withinCap, distanceTo, type V, type Shape } from './geo-sphere';

export { EARTH_RADIUS_M } from './geo-sphere';

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

// ---- nearness: $nearSphere / $near (the $geoNear stage is geo-near-stage.ts) ----

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
