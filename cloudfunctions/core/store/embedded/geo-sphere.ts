/**
 * Geometry on the sphere for the embedded engine's geo operators (geo.ts): points as unit vectors,
 * edges as great-circle arcs, polygons tested in a gnomonic projection, and the relations MongoDB's
 * GeometryContainer answers (intersects, within polygons or a cap, distance). Pure functions, no
 * GeoJSON and no query shapes: geo.ts parses those and asks here. See geo.ts for the rules followed.
 */
import { unsupported } from './errors';

/** MongoDB's kRadiusOfEarthInMeters: `$nearSphere` and `$geoNear` distances in metres. */
export const EARTH_RADIUS_M = 6378100;

/** Boundary tolerance, radians (about 6 mm): the size of S2's leaf cells MongoDB tests points with. */
const EPS = 1e-9;

export type V = readonly [number, number, number];
type XY = readonly [number, number];

export interface Poly {
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
export const angle = (a: V, b: V): number => Math.atan2(norm(cross(a, b)), dot(a, b));

const RAD = Math.PI / 180;
export function toVec(lng: number, lat: number): V {
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

export function makePoly(rings: V[][]): Poly {
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
  line.some((v) => inPoly(v, poly)) ||
  [...arcs(line, false)].some(([a, b]) => poly.rings.some((ring) => [...arcs(ring, true)].some(([c, d]) => arcsMeet(a, b, c, d))));

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
