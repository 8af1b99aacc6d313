import { Region } from '../../../types/region';
import { getDb, inChunks, MAX_IN, readAll } from '../store';
import { notFound } from '../errors';

/** The only code that queries `regions` (STYLE: one rule in one place). */
const regions = () => getDb().collection('regions');
const parse = (d: Record<string, unknown>) => Region.parse(d);

export async function getRegion(id: string): Promise<Region> {
  const { data } = await regions().doc(id).get();
  if (!data.length) throw notFound('没有找到该区域');
  return Region.parse(data[0]);
}

/** Several regions by id; ids without a region are left out. */
export async function regionsByIds(ids: string[]): Promise<Map<string, Region>> {
  const _ = getDb().command;
  const found = await inChunks(ids, MAX_IN, (chunk) => readAll(regions().where({ _id: _.in(chunk) }), parse));
  return new Map(found.map((r) => [r._id, r]));
}

/** Names of several regions at once, for list rows ("青禾镇 · 上坪村"). */
export async function regionNames(ids: string[]): Promise<Map<string, string>> {
  return new Map([...(await regionsByIds(ids))].map(([id, r]) => [id, r.name]));
}

/** The region and every region below it (those whose path holds it). */
export async function regionsUnder(regionId: string): Promise<Region[]> {
  return readAll(regions().where({ path: regionId }), parse);
}

/** The villages inside a region (by their path), and the name of every town. */
export async function villagesUnder(regionId: string): Promise<{ villages: Region[]; townNames: Map<string, string> }> {
  const [villages, towns] = await Promise.all([
    readAll(regions().where({ level: 'village', path: regionId }), parse),
    readAll(regions().where({ level: 'town' }), parse),
  ]);
  return { villages, townNames: new Map(towns.map((t) => [t._id, t.name])) };
}

const Placed = Region.pick({ _id: true, name: true, level: true, path: true });

/** The villages inside a region with their town, from one read of the small regions collection. */
export async function villagesWithTowns(regionId: string): Promise<Array<{ id: string; name: string; townId: string; townName: string }>> {
  const all = await readAll(regions().where({ level: getDb().command.in(['town', 'village']) }).field({ name: true, level: true, path: true }), (d) => Placed.parse(d));
  const towns = new Map(all.filter((r) => r.level === 'town').map((r) => [r._id, r.name]));
  return all
    .filter((r) => r.level === 'village' && r.path.includes(regionId))
    .map((r) => ({ id: r._id, name: r.name, townId: r.path[1], townName: towns.get(r.path[1]) ?? '' }));
}
