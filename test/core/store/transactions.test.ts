/**
 * Transactions through the SDK: commit, rollback, isolation and conflicts, as on CloudBase. The
 * isolation and conflict cases are the ones node-sdk's own tests run against CloudBase
 * (TencentCloudBase/node-sdk test/database/unit/transaction.test.ts: 读快照, 读偏, 冲突检测).
 */
import { createRequire } from 'node:module';
import { getDb } from '../../../cloudfunctions/core/store';
import { openTempStore, type TempStore } from './support';

/** node-sdk's own error class: what it throws for an answer carrying `code`. */
const { TcbError } = createRequire(require.resolve('@cloudbase/node-sdk'))('./utils/utils') as { TcbError: new (...args: never[]) => Error };
const CONFLICT = {
  code: 'DATABASE_TRANSACTION_CONFLICT',
  message:
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
};
const NOT_EXIST = {
  code: 'DATABASE_TRANSACTION_FAIL',
  message:
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
};

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
    await tx
      .collection('households')
      .doc('h1')
      .update({ balance: _.inc(-30) });
    await tx
      .collection('households')
      .doc('h2')
      .update({ balance: _.inc(30) });
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
      await tx
        .collection('households')
        .doc('h1')
        .update({ balance: _.inc(-30) });
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

it('reads see the snapshot taken when the transaction started, whatever is written outside since (读快照, 读偏)', async () => {
  const tx = await getDb().startTransaction();
  expect((await tx.collection('households').doc('h1').get()).data.headName).toBe('张三');
  await doc('h1').set({ headName: '改名', version: 2, balance: 100 });
  await doc('h2').update({ balance: 50 });
  await getDb().collection('households').add({ _id: 'h3', balance: 900 });
  expect((await tx.collection('households').doc('h1').get()).data).toEqual({ _id: 'h1', headName: '张三', version: 1, balance: 100 });
  expect((await tx.collection('households').doc('h2').get()).data.balance).toBe(0);
  const { data } = await tx
    .collection('households')
    .where({ balance: getDb().command.gte(0) })
    .get();
  expect(data.map((d: { _id: string; balance: number }) => [d._id, d.balance])).toEqual([
    ['h1', 100],
    ['h2', 0],
  ]);
  await tx.commit();
});

it('writing a document changed since the snapshot is a conflict at that write, and ends the transaction', async () => {
  const tx = await getDb().startTransaction();
  const seen = await tx.collection('households').doc('h1').get();
  await doc('h1').update({ headName: '改名' });
  const err = await tx
    .collection('households')
    .doc('h1')
    .update({ balance: seen.data.balance + 1 })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TcbError);
  expect(err).toMatchObject({ ...CONFLICT, requestId: expect.any(String) });
  // MongoDB aborts a transaction on a write conflict: CloudBase's test notes the rollback after it fails.
  await expect(tx.rollback()).rejects.toMatchObject(NOT_EXIST);
  expect(await read('h1')).toMatchObject({ headName: '改名', balance: 100 });
});

it('the first writer wins: the second transaction to write a document conflicts at once (冲突检测)', async () => {
  const tx1 = await getDb().startTransaction();
  const tx2 = await getDb().startTransaction();
  const seen = await tx1.collection('households').doc('h1').get();
  await tx2.collection('households').doc('h1').update({ headName: '冲突检测' });
  await expect(
    tx1
      .collection('households')
      .doc('h1')
      .update({ headName: `${seen.data.headName}冲突检测` }),
  ).rejects.toMatchObject(CONFLICT);
  await tx2.commit();
  expect((await read('h1')).headName).toBe('冲突检测');
  // A document another transaction inserted and has not committed yet conflicts too.
  const tx3 = await getDb().startTransaction();
  const tx4 = await getDb().startTransaction();
  await tx3.collection('households').add({ _id: 'h9', balance: 1 });
  await expect(tx4.collection('households').doc('h9').set({ balance: 2 })).rejects.toMatchObject(CONFLICT);
  await tx3.rollback();
  expect(await read('h9')).toBeUndefined();
});

it('a transaction that only reads commits, even when what it read changed since', async () => {
  let runs = 0;
  const seen = await getDb().runTransaction(async (tx: Tx) => {
    runs++;
    const { data } = await tx.collection('households').doc('h1').get();
    await doc('h1').update({ balance: 999 });
    return data.balance;
  }, 3);
  expect({ runs, seen, now: (await read('h1')).balance }).toEqual({ runs: 1, seen: 100, now: 999 });
});

it('runTransaction runs the callback again after a conflict, on a new snapshot', async () => {
  const _ = getDb().command;
  let runs = 0;
  await getDb().runTransaction(async (tx: Tx) => {
    runs++;
    const { data } = await tx.collection('households').doc('h1').get();
    if (runs === 1) await doc('h1').update({ balance: _.inc(5) });
    await tx
      .collection('households')
      .doc('h1')
      .update({ balance: data.balance + 1 });
  }, 3);
  expect({ runs, balance: (await read('h1')).balance }).toEqual({ runs: 2, balance: 106 });
});

it('a write outside transactions to a document a transaction holds waits until the transaction ends', async () => {
  const _ = getDb().command;
  const tx = await getDb().startTransaction();
  await tx.collection('households').doc('h1').update({ balance: 200 });
  let done = false;
  const outside = doc('h1')
    .update({ balance: _.inc(1) })
    .then((r) => ((done = true), r));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(done).toBe(false);
  expect((await read('h1')).balance).toBe(100); // reads do not wait
  await tx.commit();
  expect((await outside).updated).toBe(1);
  expect((await read('h1')).balance).toBe(201);
});

it('concurrent runTransactions on one document are retried and lose nothing', async () => {
  const _ = getDb().command;
  const bump = () =>
    getDb().runTransaction(async (tx: Tx) => {
      const { data } = await tx.collection('households').doc('h1').get();
      await tx
        .collection('households')
        .doc('h1')
        .update({ balance: data.balance + 1, version: _.inc(1) });
    });
  await Promise.all([bump(), bump(), bump()]);
  expect(await read('h1')).toMatchObject({ balance: 103, version: 4 });
});

it('where() reads inside a transaction see its own writes', async () => {
  const tx = await getDb().startTransaction();
  await tx.collection('households').doc('h2').update({ balance: 500 });
  await tx.collection('households').add({ _id: 'h3', balance: 700 });
  const { data } = await tx
    .collection('households')
    .where({ balance: getDb().command.gte(100) })
    .orderBy('balance', 'desc')
    .get();
  expect(data.map((d: { _id: string }) => d._id)).toEqual(['h3', 'h2', 'h1']);
  await tx.commit();
  expect((await read('h3')).balance).toBe(700);
});
