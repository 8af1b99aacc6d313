/** Two connections, and two processes, on one store file: version checks and transactions lose nothing. */
import { fork } from 'node:child_process';
import path from 'node:path';
import { EmbeddedEngine } from '../../../cloudfunctions/core/store/embedded';
import { INDEXES } from '../../../cloudfunctions/core/store';
import { openTempStore, tempDir } from './support';
import { rmSync } from 'node:fs';

it('two engine instances on one file see each other and a stale version check updates nothing', () => {
  const store = openTempStore();
  try {
    const file = path.join(store.dir, 'bangfu.sqlite');
    const a = store.engine;
    const b = new EmbeddedEngine(file, { indexes: INDEXES });
    a.insert('households', [{ _id: 'c', version: 1, count: 0 }]);
    let lost = 0;
    for (let i = 0; i < 50; i++) {
      // Both read the same version, both try to write: exactly one may win.
      const [seenA] = a.find('households', { _id: 'c' });
      const [seenB] = b.find('households', { _id: 'c' });
      const bump = (engine: EmbeddedEngine, seen: Record<string, unknown>) =>
        engine.update(
          'households',
          { _id: 'c', version: seen.version },
          {
            update: { $inc: { version: 1 }, $set: { count: (seen.count as number) + 1 } },
            multi: false,
            upsert: false,
          },
        ).modified;
      const won = bump(a, seenA) + bump(b, seenB);
      if (won !== 1) lost++;
    }
    expect(lost).toBe(0);
    expect(b.find('households', { _id: 'c' })[0]).toMatchObject({ version: 51, count: 50 });
    b.close();
  } finally {
    store.dispose();
  }
});

interface WorkerResult {
  won: number;
  retries: number;
  txRetries: number;
}

/** Starts a worker process and resolves with it once it is ready to run. */
function startWorker(dir: string, rounds: number) {
  const child = fork(path.join(__dirname, 'fixtures', 'version-worker.ts'), [dir, String(rounds)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const done = new Promise<WorkerResult>((resolve, reject) => {
    child.on('message', (msg: { result?: WorkerResult; error?: string }) => {
      if (msg.result) resolve(msg.result);
      if (msg.error) reject(new Error(msg.error));
    });
    child.on('exit', (code) => code && reject(new Error(`worker exited with ${code}`)));
  });
  const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
  return { child, ready, done };
}

it('two processes incrementing one counter lose no update', async () => {
  const dir = tempDir();
  const rounds = 150;
  try {
    const seed = openTempStore({}, dir);
    seed.engine.insert('households', [{ _id: 'counter', version: 0, count: 0, txCount: 0 }]);
    seed.close();
    const workers = [startWorker(dir, rounds), startWorker(dir, rounds)];
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.child.send('go'));
    const results = await Promise.all(workers.map((w) => w.done));

    const check = openTempStore({}, dir);
    const [counter] = check.engine.find('households', { _id: 'counter' });
    check.close();
    const lost = 2 * rounds - (counter.count as number);
    const lostInTx = 2 * rounds - (counter.txCount as number);
    const retries = results.reduce((s, r) => s + r.retries, 0);
    const txRetries = results.reduce((s, r) => s + r.txRetries, 0);
    console.log(`two processes × ${rounds}: ${lost} lost by version check (${retries} retried), ${lostInTx} lost in transactions (${txRetries} retried)`);
    expect({ lost, lostInTx, version: counter.version }).toEqual({ lost: 0, lostInTx: 0, version: 2 * rounds });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
