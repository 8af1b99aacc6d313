/**
 * GeoJSON as the embedded engine reads it (geo.ts): positions, lines and polygons parsed into unit
 * vectors on the sphere (geo-sphere.ts); a stored value that is not valid geometry matches no geo
 * query, a query's invalid geometry is refused as MongoDB refuses it.
 */
import type { Doc } from './codec';
import { DbError, ErrorCode, unsupported } from './errors';
import { angle, toVec, makePoly, type V, type Poly, type Shape } from './geo-sphere';

class Invalid extends Error {}

export function position(value: unknown): V {
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

export const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
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
export function queryShape(value: unknown, operator: string): Shape {
  if (!isObject(value)) throw new DbError(ErrorCode.INVALID_PARAM, `${operator} $geometry must be a GeoJSON object`);
  if (value.crs !== undefined) throw unsupported(`${operator} with a custom crs (MongoDB big polygons)`);
  try {
    return geoJson(value);
  } catch (err) {
    if (err instanceof Invalid) throw new DbError(ErrorCode.INVALID_PARAM, `${operator}: ${err.message}`);
    throw err;
  }
}
