/**
 * The aggregation stage `$geoNear` (what the SDK's `aggregate().geoNear()` sends): its options
 * checked as MongoDB checks them, the 2dsphere-indexed field it measures found in the documents,
 * and the matches ordered nearest first with their distance (and location) fields. Distances are
 * geo.ts's `nearest`.
 */
import type { Doc } from './codec';
import { DbError, ErrorCode, unsupported } from './errors';
import { isObject, position, storedShape } from './geo-json';
import { nearest } from './geo';
import type { V } from './geo-sphere';

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
