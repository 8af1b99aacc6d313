import { Region } from '../../../types/region';
import { getDb, inChunks, MAX_IN, readAll, type Database } from '../store';
import { notFound } from '../errors';

/** The only code that queries `regions` (STYLE: one rule in one place). */
const regions = () => getDb().collection('regions');
const parse = (d: Record<string, unknown>) => Region.parse(d);

/**
 * 行政区划 change by decree, never through an action (only the seed and an operator write them),
 * yet nearly every list row and report names them: a function instance reads the whole small
 * collection (a county's ~420 regions) once and keeps it ten minutes, instead of one request per
 * action. Kept per database, so each test store reads its own; an id it does not hold (a region
 * added since) is read from the store, so a renamed region shows its new name within ten minutes.
 */
const KEEP_MS = 10 * 60_000;
interface Kept {
  at: number;
  byId: Map<string, Region>;
  all?: Promise<Map<string, Region>>;
}
const kept = new WeakMap<Database, Kept>();

function keptNow(): Kept {
  const db = getDb();
  let k = kept.get(db);
  if (!k || Date.now() - k.at >= KEEP_MS) {
    k = { at: Date.now(), byId: new Map() };
    kept.set(db, k);
  }
  return k;
}

/** Every region (read once, then kept); `fresh` reads them again. */
function allRegions(fresh = false): Promise<Map<string, Region>> {
  const k = keptNow();
  if (k.all && !fresh) return k.all;
  const all = readAll(regions().where({}), parse).then((found) => {
    for (const r of found) k.byId.set(r._id, r);
    return new Map(found.map((r) => [r._id, r]));
  });
  k.all = all;
  all.catch(() => {
    k.all = undefined;
  });
  return all;
}

/** The kept regions, read again when `id` is not among them (added since they were read). */
async function regionsHolding(id: string): Promise<Map<string, Region>> {
  const all = await allRegions();
  return all.has(id) ? all : allRegions(true);
}

export async function getRegion(id: string): Promise<Region> {
  const region = (await regionsByIds([id])).get(id);
  if (!region) throw notFound('没有找到该区域');
  return region;
}

/** Several regions by id (those not kept yet read and kept: a first call reads only what it names); ids without a region are left out. */
export async function regionsByIds(ids: string[]): Promise<Map<string, Region>> {
  const { byId } = keptNow();
  const out = new Map<string, Region>();
  const unknown: string[] = [];
  for (const id of new Set(ids)) {
    const r = byId.get(id);
    if (r) out.set(id, r);
    else unknown.push(id);
  }
  if (unknown.length) {
    const _ = getDb().command;
    for (const r of await inChunks(unknown, MAX_IN, (chunk) => readAll(regions().where({ _id: _.in(chunk) }), parse))) {
      byId.set(r._id, r);
      out.set(r._id, r);
    }
  }
  return out;
}

/** Names of several regions at once, for list rows ("青禾镇 · 上坪村"). */
export async function regionNames(ids: string[]): Promise<Map<string, string>> {
  return new Map([...(await regionsByIds(ids))].map(([id, r]) => [id, r.name]));
}

/** The region and every region below it (those whose path holds it). */
export async function regionsUnder(regionId: string): Promise<Region[]> {
  return [...(await regionsHolding(regionId)).values()].filter((r) => r.path.includes(regionId));
}

/** The villages inside a region (by their path), and the name of every town. */
export async function villagesUnder(regionId: string): Promise<{ villages: Region[]; townNames: Map<string, string> }> {
  const all = [...(await regionsHolding(regionId)).values()];
  return {
    villages: all.filter((r) => r.level === 'village' && r.path.includes(regionId)),
    townNames: new Map(all.filter((r) => r.level === 'town').map((t) => [t._id, t.name])),
  };
}

/** The villages inside a region with their town. */
export async function villagesWithTowns(regionId: string): Promise<Array<{ id: string; name: string; townId: string; townName: string }>> {
  const all = [...(await regionsHolding(regionId)).values()];
  const towns = new Map(all.filter((r) => r.level === 'town').map((r) => [r._id, r.name]));
  return all
    .filter((r) => r.level === 'village' && r.path.includes(regionId))
    .map((r) => ({ id: r._id, name: r.name, townId: r.path[1], townName: towns.get(r.path[1]) ?? '' }));
}
