/** Transactions through the SDK: commit, rollback, isolation and conflicts, as on CloudBase. */
import { getDb } from '../../../cloudfunctions/core/store';
import { openTempStore, type TempStore } from './support';

type Tx = Awaited<ReturnType<ReturnType<typeof getDb>['startTransaction']>>;

let store: TempStore;
beforeEach(async () => {
  store = openTempStore();
  store.engine.bulkInsert('households', [
    { _id: 'h1', headName: '张三', version: 1, balance: 100 },
    { _id: 'h2', headName: '李四', version: 1, balance: 0 },
  ]);
});
afterEach(() => store.dispose());

const doc = (id: string) => getDb().collection('households').doc(id);
const read = async (id: string) => (await doc(id).get()).data[0];

it('runTransaction commits every write at once', async () => {
  const _ = getDb().command;
  const result = await getDb().runTransaction(async (tx: Tx) => {
    const from = await tx.collection('households').doc('h1').get();
    expect(from.data).toMatchObject({ _id: 'h1', balance: 100 }); // a single document, not an array
    await tx.collection('households').doc('h1').update({ balance: _.inc(-30) });
    await tx.collection('households').doc('h2').update({ balance: _.inc(30) });
    const added = await tx.collection('visits').add({ householdId: 'h1' });
    expect(added).toMatchObject({ inserted: 1, ok: 1 });
    expect((await read('h1')).balance).toBe(100); // outside the transaction nothing has changed yet
    expect((await tx.collection('households').doc('h1').get()).data.balance).toBe(70); // inside, it has
    return 'done';
  });
  expect(result).toBe('done');
  expect([(await read('h1')).balance, (await read('h2')).balance]).toEqual([70, 30]);
  expect(store.engine.count('visits')).toBe(1);
});

it('runTransaction rolls everything back when the callback throws', async () => {
  const _ = getDb().command;
  await expect(
    getDb().runTransaction(async (tx: Tx) => {
      await tx.collection('households').doc('h1').update({ balance: _.inc(-30) });
      await tx.collection('households').doc('h3').set({ headName: '王五' });
      await tx.collection('households').doc('h2').remove();
      throw new Error('not enough');
    }),
  ).rejects.toThrow('not enough');
  expect((await read('h1')).balance).toBe(100);
  expect(await read('h2')).toBeDefined();
  expect(await read('h3')).toBeUndefined();
});

it('startTransaction: set answers upserted, get answers null for a missing document, rollback discards', async () => {
  const tx = await getDb().startTransaction();
  expect((await tx.collection('households').doc('h9').get()).data).toBeNull();
  const set = await tx.collection('households').doc('h9').set({ headName: '赵六' });
  expect(set).toMatchObject({ updated: 0, upserted: [{ _id: 'h9' }] });
  expect((await tx.collection('households').doc('h9').get()).data).toEqual({ _id: 'h9', headName: '赵六' });
  expect((await tx.collection('households').doc('h1').delete()).deleted).toBe(1);
  await tx.rollback();
  expect(await read('h9')).toBeUndefined();
  expect(await read('h1')).toBeDefined();
  await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
});

it('a write to a document changed since the transaction read it is a conflict', async () => {
  const tx = await getDb().startTransaction();
  const seen = await tx.collection('households').doc('h1').get();
  await doc('h1').update({ headName: '改名' });
  await expect(tx.collection('households').doc('h1').update({ balance: seen.data.balance + 1 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  });
  await tx.rollback();
});

it('concurrent runTransactions on one document are retried and lose nothing', async () => {
  const _ = getDb().command;
  const bump = () =>
    getDb().runTransaction(async (tx: Tx) => {
      const { data } = await tx.collection('households').doc('h1').get();
      await tx.collection('households').doc('h1').update({ balance: data.balance + 1, version: _.inc(1) });
    });
  await Promise.all([bump(), bump(), bump()]);
  expect(await read('h1')).toMatchObject({ balance: 103, version: 4 });
});

it('where() reads inside a transaction see its own writes', async () => {
  const tx = await getDb().startTransaction();
  await tx.collection('households').doc('h2').update({ balance: 500 });
  await tx.collection('households').add({ _id: 'h3', balance: 700 });
  const { data } = await tx.collection('households').where({ balance: getDb().command.gte(100) }).orderBy('balance', 'desc').get();
  expect(data.map((d: { _id: string }) => d._id)).toEqual(['h3', 'h2', 'h1']);
  await tx.commit();
  expect((await read('h3')).balance).toBe(700);
});
