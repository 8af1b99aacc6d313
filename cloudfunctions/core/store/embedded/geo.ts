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

/** MongoDB's kRadiusOfEarthInMeters: `$nearSphere` and `$geoNear` distances in metres. */
export const EARTH_RADIUS_M = 6378100;

/** Boundary tolerance, radians (about 6 mm): the size of S2's leaf cells MongoDB tests points with. */
const EPS = 1e-9;

type V = readonly [number, number, number];
type XY = readonly [number, number];

interface Poly {
  /** Outer ring first, then holes; each without its closing vertex. */
  rings: V[][];
  /** Gnomonic frame: centre and two tangent axes. */
  c: V;
  e1: V;
  e2: V;
  flat: XY[][];
}

/** A geometry as its primitives: points, polylines (≥ 2 vertices) and polygons. */
export interface Shape {
  points: V[];
  lines: V[][];
  polys: Poly[];
}

// ---- vectors ----

const dot = (a: V, b: V): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V, b: V): V => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V): number => Math.sqrt(dot(a, a));
const scale = (a: V, k: number): V => [a[0] * k, a[1] * k, a[2] * k];
const add = (a: V, b: V): V => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const unit = (a: V): V => scale(a, 1 / norm(a));
/** The angle between two unit vectors, as S2 measures it (S1Angle: atan2 of |a×b| and a·b). */
const angle = (a: V, b: V): number => Math.atan2(norm(cross(a, b)), dot(a, b));

const RAD = Math.PI / 180;
function toVec(lng: number, lat: number): V {
  const phi = lat * RAD;
  const theta = lng * RAD;
  const cosPhi = Math.cos(phi);
  return [Math.cos(theta) * cosPhi, Math.sin(theta) * cosPhi, Math.sin(phi)];
}

// ---- arcs ----

/** Angle from x to the arc a→b (shorter than π). */
function arcDistance(x: V, a: V, b: V): number {
  const n = cross(a, b);
  const len = norm(n);
  if (len < 1e-300) return Math.min(angle(x, a), angle(x, b));
  // x's projection onto the arc's great circle lies between a and b.
  if (dot(cross(a, x), n) >= 0 && dot(cross(x, b), n) >= 0) return Math.asin(Math.min(1, Math.abs(dot(x, n)) / len));
  return Math.min(angle(x, a), angle(x, b));
}

/** The arcs a→b and c→d cross at a point interior to both (S2EdgeUtil::SimpleCrossing). */
function crosses(a: V, b: V, c: V, d: V): boolean {
  const ab = cross(a, b);
  const acb = -dot(ab, c);
  const bda = dot(ab, d);
  if (acb * bda <= 0) return false;
  const cd = cross(c, d);
  const cbd = -dot(cd, b);
  const dac = dot(cd, a);
  return acb * cbd > 0 && acb * dac > 0;
}

/** The arcs cross or touch (a vertex of one on the other). */
const arcsMeet = (a: V, b: V, c: V, d: V): boolean =>
  crosses(a, b, c, d) || arcDistance(a, c, d) <= EPS || arcDistance(b, c, d) <= EPS || arcDistance(c, a, b) <= EPS || arcDistance(d, a, b) <= EPS;

/** Where two crossing arcs meet. */
function crossing(a: V, b: V, c: V, d: V): V {
  const x = unit(cross(cross(a, b), cross(c, d)));
  return dot(x, add(a, b)) >= 0 ? x : scale(x, -1);
}

/** The point at angle t from a along the arc a→b. */
function along(a: V, b: V, t: number): V {
  const dir = unit(add(b, scale(a, -dot(a, b))));
  return add(scale(a, Math.cos(t)), scale(dir, Math.sin(t)));
}

/** Each arc of a polyline or ring (rings close back to their first vertex). */
function* arcs(vertices: V[], closed: boolean): Generator<[V, V]> {
  for (let i = 0; i + 1 < vertices.length; i++) yield [vertices[i], vertices[i + 1]];
  if (closed && vertices.length > 2) yield [vertices[vertices.length - 1], vertices[0]];
}

// ---- polygons ----

function makePoly(rings: V[][]): Poly {
  const outer = rings[0];
  const c = unit(outer.reduce((s, v) => add(s, v), [0, 0, 0] as V));
  if (!Number.isFinite(c[0]) || rings.some((ring) => ring.some((v) => dot(v, c) <= 1e-12))) {
    throw unsupported('a polygon reaching a hemisphere or more (MongoDB big polygons)');
  }
  const helper: V = Math.abs(c[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const e1 = unit(cross(c, helper));
  const e2 = cross(c, e1);
  const poly: Poly = { rings, c, e1, e2, flat: [] };
  poly.flat = rings.map((ring) => ring.map((v) => project(poly, v)!));
  return poly;
}

/** Gnomonic projection onto the plane tangent at the polygon's centre; null beyond its hemisphere. */
function project(poly: Poly, x: V): XY | null {
  const d = dot(x, poly.c);
  if (d <= 1e-12) return null;
  const g = scale(x, 1 / d);
  return [dot(g, poly.e1), dot(g, poly.e2)];
}

/** Crossing-number test in the plane. */
function inRing(p: XY, ring: XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const onBoundary = (x: V, poly: Poly): boolean => poly.rings.some((ring) => [...arcs(ring, true)].some(([a, b]) => arcDistance(x, a, b) <= EPS));

/** Inside the polygon's interior, boundary excluded. */
function interior(x: V, poly: Poly): boolean {
  const p = project(poly, x);
  if (!p || !inRing(p, poly.flat[0])) return false;
  return !poly.flat.slice(1).some((hole) => inRing(p, hole));
}

/** Within the polygon, boundary included (GeometryContainer's containsPoint). */
const inPoly = (x: V, poly: Poly): boolean => onBoundary(x, poly) || interior(x, poly);

/** The whole arc a→b lies in the polygon: cut where it meets the boundary, each piece tested at its middle. */
function arcInPoly(a: V, b: V, poly: Poly): boolean {
  if (!inPoly(a, poly) || !inPoly(b, poly)) return false;
  const length = angle(a, b);
  const cuts = [0, length];
  for (const ring of poly.rings) {
    for (const [c, d] of arcs(ring, true)) {
      if (crosses(a, b, c, d)) cuts.push(angle(a, crossing(a, b, c, d)));
      for (const v of [c, d]) if (arcDistance(v, a, b) <= EPS) cuts.push(Math.min(length, angle(a, v)));
    }
  }
  cuts.sort((x, y) => x - y);
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (cuts[i + 1] - cuts[i] > EPS && !inPoly(along(a, b, (cuts[i] + cuts[i + 1]) / 2), poly)) return false;
  }
  return true;
}

const lineInPoly = (line: V[], poly: Poly): boolean => [...arcs(line, false)].every(([a, b]) => arcInPoly(a, b, poly));

/** Polygon `inner` lies in `outer`: its outer ring does, and no hole of `outer` lies in its interior. */
const polyInPoly = (inner: Poly, outer: Poly): boolean =>
  [...arcs(inner.rings[0], true)].every(([a, b]) => arcInPoly(a, b, outer)) &&
  !outer.rings.slice(1).some((hole) => hole.some((v) => interior(v, inner) && !onBoundary(v, inner)));

const lineMeetsPoly = (line: V[], poly: Poly): boolean =>
  line.some((v) => inPoly(v, poly)) || [...arcs(line, false)].some(([a, b]) => poly.rings.some((ring) => [...arcs(ring, true)].some(([c, d]) => arcsMeet(a, b, c, d))));

const polysMeet = (p: Poly, q: Poly): boolean =>
  inPoly(p.rings[0][0], q) ||
  inPoly(q.rings[0][0], p) ||
  p.rings.some((r) => [...arcs(r, true)].some(([a, b]) => q.rings.some((s) => [...arcs(s, true)].some(([c, d]) => arcsMeet(a, b, c, d)))));

const linesMeet = (l: V[], m: V[]): boolean => [...arcs(l, false)].some(([a, b]) => [...arcs(m, false)].some(([c, d]) => arcsMeet(a, b, c, d)));
const pointOnLine = (x: V, line: V[]): boolean => [...arcs(line, false)].some(([a, b]) => arcDistance(x, a, b) <= EPS);

// ---- the relations the query operators need ----

/** Some point of `g` is also a point of `q` ($geoIntersects). */
export function intersects(g: Shape, q: Shape): boolean {
  for (const x of g.points) {
    if (q.points.some((y) => angle(x, y) <= EPS) || q.lines.some((l) => pointOnLine(x, l)) || q.polys.some((p) => inPoly(x, p))) return true;
  }
  for (const l of g.lines) {
    if (q.points.some((y) => pointOnLine(y, l)) || q.lines.some((m) => linesMeet(l, m)) || q.polys.some((p) => lineMeetsPoly(l, p))) return true;
  }
  for (const p of g.polys) {
    if (q.points.some((y) => inPoly(y, p)) || q.lines.some((m) => lineMeetsPoly(m, p)) || q.polys.some((r) => polysMeet(p, r))) return true;
  }
  return false;
}

/** Every primitive of `g` lies in one polygon of `within` ($geoWithin with a Polygon or MultiPolygon). */
export const withinPolygons = (g: Shape, within: Poly[]): boolean =>
  g.points.every((x) => within.some((p) => inPoly(x, p))) &&
  g.lines.every((l) => within.some((p) => lineInPoly(l, p))) &&
  g.polys.every((q) => within.some((p) => polyInPoly(q, p)));

/** Every vertex of `g` lies in the cap ($geoWithin: { $centerSphere }). */
export function withinCap(g: Shape, center: V, radius: number): boolean {
  const vertices = [...g.points, ...g.lines.flat(), ...g.polys.flatMap((p) => p.rings.flat())];
  return vertices.every((v) => angle(center, v) <= radius + EPS);
}

/** Angle from a point to the nearest point of `g` (0 inside one of its polygons). */
export function distanceTo(x: V, g: Shape): number {
  let best = Infinity;
  for (const y of g.points) best = Math.min(best, angle(x, y));
  for (const l of g.lines) for (const [a, b] of arcs(l, false)) best = Math.min(best, arcDistance(x, a, b));
  for (const p of g.polys) {
    if (interior(x, p)) return 0;
    for (const ring of p.rings) for (const [a, b] of arcs(ring, true)) best = Math.min(best, arcDistance(x, a, b));
  }
  return best;
}

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
  if (!isObject(geometry) || geometry.type !== 'Point') throw new DbError(ErrorCode.INVALID_PARAM, `invalid point in geo near query $geometry argument: ${JSON.stringify(geometry)}`);
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

const GEO_NEAR_OPTIONS = new Set(['near', 'distanceField', 'spherical', 'limit', 'num', 'maxDistance', 'minDistance', 'query', 'distanceMultiplier', 'includeLocs', 'key', 'uniqueDocs']);

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
    throw new DbError(ErrorCode.INVALID_PARAM, `There is more than one 2dsphere index; unsure which to use for $geoNear (geo fields: ${[...paths].join(', ')}): give 'key'`);
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
