import { z } from '../../../types/z';
import { Bulletin, BulletinFigures } from '../../../types/api/reports';
import { conflict } from '../errors';
import { getDb, insertOnce, readAll } from '../store';
import { derivedId } from '../store/derived-id';
import { dateOf } from '../time';

/** The only code that queries `bulletins` (STYLE: one rule in one place). */
const bulletins = () => getDb().collection('bulletins');

/**
 * A published 月度通报: the figures of a region's month as they were when it was published,
 * stored whole so that later visits, needs or pairings change nothing in it.
 */
export const FrozenBulletin = z.object({
  _id: z.string(),
  regionId: z.string(),
  month: z.string(),
  frozenAt: z.string(),
  frozenBy: z.string(),
  frozenByName: z.string(),
  /** The publisher's region path: admins above may read it too. */
  regionPath: z.array(z.string()),
  noticeId: z.string().nullable(),
  bulletin: Bulletin,
});
export type FrozenBulletin = z.infer<typeof FrozenBulletin>;

export const bulletinId = (regionId: string, month: string): string => derivedId('bulletin', [regionId, month], ':');

export async function findFrozenBulletin(id: string): Promise<FrozenBulletin | null> {
  const { data } = await bulletins().doc(id).get();
  return data.length ? FrozenBulletin.parse(data[0]) : null;
}

const Headline = z.object({ _id: z.string(), bulletin: z.object({ totals: BulletinFigures }) });

/**
 * The headline figures (totals) of those of these bulletins that are published, by id: the line
 * chart's published months, in one round trip, without reading or parsing their rows.
 */
export async function frozenTotals(ids: string[]): Promise<Map<string, BulletinFigures>> {
  if (!ids.length) return new Map();
  const found = await readAll(
    bulletins()
      .where({ _id: getDb().command.in(ids) })
      .field({ 'bulletin.totals': true }),
    (d) => Headline.parse(d),
  );
  return new Map(found.map((f) => [f._id, f.bulletin.totals]));
}

export const alreadyPublished = (stored: FrozenBulletin) =>
  conflict(`${stored.month} 的月度通报已由${stored.frozenByName}于 ${dateOf(stored.frozenAt)} 发布，不能重复发布`);

/** Stores the month's figures once: publishing a month already frozen (even at the same moment) is refused. */
export async function freezeBulletin(doc: FrozenBulletin): Promise<FrozenBulletin> {
  const { doc: stored } = await insertOnce(bulletins(), doc._id, {
    parse: (d) => FrozenBulletin.parse(d),
    build: () => doc,
    same: () => false,
    clash: alreadyPublished,
  });
  return stored;
}

export async function setBulletinNotice(id: string, noticeId: string): Promise<void> {
  await bulletins().doc(id).update({ noticeId });
}
