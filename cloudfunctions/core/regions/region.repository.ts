import { Region } from '../../../types/region';
import { getDb } from '../store';
import { notFound } from '../errors';

export async function getRegion(id: string): Promise<Region> {
  const { data } = await getDb().collection('regions').doc(id).get();
  if (!data.length) throw notFound('没有找到该区域');
  return Region.parse(data[0]);
}

/** Names of several regions at once, for list rows ("青禾镇 · 上坪村"). */
export async function regionNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  if (!unique.length) return names;
  const _ = getDb().command;
  for (let i = 0; i < unique.length; i += 500) {
    const { data } = await getDb().collection('regions').where({ _id: _.in(unique.slice(i, i + 500)) }).limit(500).get();
    for (const r of data) names.set(r._id as string, r.name as string);
  }
  return names;
}
