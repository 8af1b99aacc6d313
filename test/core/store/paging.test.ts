/**
 * The store's one paging loop, one chunker and one find-or-insert (STYLE: the data floor),
 * against the embedded store.
 */
import { z } from '../../../types/z';
import { getDb, inChunks, insertOnce, readAll, readPages, type Query } from '../../../cloudfunctions/core/store';
import { openTempStore, type TempStore } from './support';

const Row = z.object({ _id: z.string(), n: z.number() });
let store: TempStore;

beforeEach(async () => {
  store = openTempStore();
  for (let i = 0; i < 2500; i += 500) {
    await Promise.all(
      Array.from({ length: 500 }, (_, j) =>
        getDb()
          .collection('settings')
          .add({ _id: `r${String(i + j).padStart(4, '0')}`, n: i + j }),
      ),
    );
  }
});
afterEach(() => store.dispose());

/** The query, counting its round trips (`get`). */
function counting(query: Query, trips: { n: number }): Query {
  return new Proxy(query, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop === 'get')
        return () => {
          trips.n++;
          return target.get();
        };
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return ['where', 'field', 'orderBy', 'skip', 'limit'].includes(String(prop)) ? counting(result as Query, trips) : result;
      };
    },
  });
}

it('readAll reads 2,500 documents past the 1,000 cap in three round trips, each parsed', async () => {
  const trips = { n: 0 };
  const rows = await readAll(
    counting(
      getDb()
        .collection('settings')
        .where({ n: getDb().command.gte(0) }),
      trips,
    ),
    (d) => Row.parse(d),
    { orderBy: [['_id', 'asc']] },
  );
  expect(rows).toHaveLength(2500);
  expect(rows[0]).toEqual({ _id: 'r0000', n: 0 });
  expect(rows[2499]._id).toBe('r2499');
  expect(trips.n).toBe(3);
});

it('readPages yields pages of the asked size in the asked order, and stops at the short page', async () => {
  const pages: number[] = [];
  let first = '';
  for await (const page of readPages(getDb().collection('settings').where({}), (d) => Row.parse(d), { pageSize: 1000, orderBy: [['n', 'desc']] })) {
    pages.push(page.length);
    first ||= page[0]._id;
  }
  expect(pages).toEqual([1000, 1000, 500]);
  expect(first).toBe('r2499');
});

it('a document its schema refuses stops the read instead of travelling on as a cast', async () => {
  await getDb().collection('settings').add({ _id: 'bad', n: 'not a number' });
  await expect(readAll(getDb().collection('settings').where({ _id: 'bad' }), (d) => Row.parse(d))).rejects.toThrow();
});

it('inChunks asks once per chunk of distinct ids, and not at all for none', async () => {
  const chunks: number[] = [];
  const ids = Array.from({ length: 2500 }, (_, i) => `r${String(i).padStart(4, '0')}`);
  const found = await inChunks([...ids, ...ids.slice(0, 10)], 1000, async (chunk) => {
    chunks.push(chunk.length);
    return readAll(
      getDb()
        .collection('settings')
        .where({ _id: getDb().command.in(chunk) }),
      (d) => Row.parse(d),
    );
  });
  expect(chunks).toEqual([1000, 1000, 500]);
  expect(found).toHaveLength(2500);
  expect(
    await inChunks([], 500, async () => {
      throw new Error('asked');
    }),
  ).toEqual([]);
  await expect(inChunks(ids, 1001, async () => [])).rejects.toThrow('1–1000');
});

describe('insertOnce', () => {
  const write = (n: number) => ({
    parse: (d: Record<string, unknown>) => Row.parse(d),
    build: () => ({ _id: 'once', n }),
    same: (stored: { n: number }) => stored.n === n,
    clash: (_stored: unknown, raced: boolean) => new Error(raced ? 'raced clash' : 'clash'),
  });
  const coll = () => getDb().collection('settings');

  it('inserts the first time and answers the stored document after, building it only once', async () => {
    const builds: number[] = [];
    const counted = {
      ...write(1),
      build: () => {
        builds.push(1);
        return { _id: 'once', n: 1 };
      },
    };
    expect(await insertOnce(coll(), 'once', counted)).toEqual({ doc: { _id: 'once', n: 1 }, created: true });
    expect(await insertOnce(coll(), 'once', counted)).toEqual({ doc: { _id: 'once', n: 1 }, created: false });
    expect(builds).toHaveLength(1);
  });

  it('refuses a different body under a used id', async () => {
    await insertOnce(coll(), 'once', write(1));
    await expect(insertOnce(coll(), 'once', write(2))).rejects.toThrow(/^clash$/);
  });

  it('two writes at once store one document; the loser answers the winner or its clash', async () => {
    const [a, b] = await Promise.all([insertOnce(coll(), 'once', write(1)), insertOnce(coll(), 'once', write(1))]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const results = await Promise.allSettled([
      insertOnce(coll(), 'twice', { ...write(1), build: () => ({ _id: 'twice', n: 1 }) }),
      insertOnce(coll(), 'twice', { ...write(2), build: () => ({ _id: 'twice', n: 2 }) }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await coll().where({ _id: 'twice' }).count()).total).toBe(1);
  });
});
