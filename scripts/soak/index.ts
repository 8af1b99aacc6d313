/**
 * `npm run soak`: writes that survive everything (issue #20). Each of SOAK_CYCLES cycles (100 by
 * default) a client with the real offline queue makes visits, needs and payment records — some
 * while offline — then syncs, and the local host is killed with SIGKILL at a random moment of the
 * sync (after a random request, or at a random time), restarted over the same data dir, and the
 * queue flushed. Sometimes the client restarts too. After every cycle the store is checked
 * (check.ts), and once more after the last writes left on the phone are sent.
 * Prints `cycles N, writes N, lost N, duplicated N`; exits 1 on any loss, duplicate,
 * stray document, refused or stuck write, integrity failure or derived difference.
 * SOAK_SEED repeats a run's choices (the timing of a kill still varies).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleQueue, Network, startClient, type Queue } from './client';
import { baseline, checkStore, type Counts, type Findings } from './check';
import { bundleHost, freePort, Host } from './host';
import { Random, Writes, type Write } from './writes';

const CYCLES = Number(process.env.SOAK_CYCLES ?? 100);
const SEED = Number(process.env.SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));
const root = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function helperHouseholds(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/assignments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': 'demo-helper' },
    body: JSON.stringify({ action: 'listByHelper', payload: {} }),
  });
  const body = (await res.json()) as { ok: boolean; data: { items: Array<{ householdId: string; active: boolean }> } };
  if (!body.ok) throw new Error('demo-helper 的结对户读取失败');
  return [...new Set(body.data.items.filter((p) => p.active).map((p) => p.householdId))];
}

class Soak {
  readonly all: Write[] = [];
  readonly lost = new Set<string>();
  readonly duplicated = new Set<string>();
  kills = { midRequest: 0, total: 0 };
  clientRestarts = 0;
  findings: Findings | null = null;
  private queue: Queue;
  private tail: Write[] = [];

  constructor(
    private readonly rnd: Random,
    private readonly host: Host,
    private readonly net: Network,
    private readonly writes: Writes,
    private readonly queueBundle: string,
    private readonly dataDir: string,
    private readonly before: Counts,
  ) {
    this.queue = startClient(queueBundle);
  }

  private async submit(n: number, into: Write[] = []): Promise<void> {
    for (let i = 0; i < n; i++) {
      const w = this.writes.next();
      this.all.push(w);
      into.push(w);
      // What a page does (services/visits.ts queueProgress): stored first, then sent.
      this.queue.enqueue({ id: w.id, fn: w.fn, action: w.action, payload: w.payload });
      await this.queue.flush();
    }
  }

  /**
   * Starts the sync and SIGKILLs the host during it: most often a chosen request into its handling
   * (anywhere from arrival to answer, by the host's recent answer times), else at a random time.
   */
  private async syncAndKill(): Promise<void> {
    const byTime = this.rnd.next() < 0.25;
    const killAt = this.net.requests + this.rnd.int(1, this.queue.pendingCount() + 3);
    const delay = Math.round(this.rnd.next() * (byTime ? 300 : 1.2 * this.net.latencyMs));
    let killed: Promise<void> | null = null;
    const kill = () => {
      killed ??= sleep(delay).then(() => {
        this.kills.total += 1;
        if (this.net.inFlight > 0) this.kills.midRequest += 1;
        return this.host.kill();
      });
    };
    if (byTime) kill();
    else
      this.net.onRequest = (n) => {
        if (n === killAt) kill();
      };
    this.net.goOnline();
    await Promise.allSettled([this.queue.flush(), this.submit(3)]);
    this.net.onRequest = null;
    kill(); // the sync ended before the chosen request: the host dies at rest
    // eslint-disable-next-line @typescript-eslint/await-thenable -- kill() sets it inside a closure, which TypeScript's narrowing to null does not see
    await killed;
  }

  async cycle(): Promise<string[]> {
    if (this.all.length && this.rnd.next() < 0.3) {
      this.queue = startClient(this.queueBundle);
      this.clientRestarts += 1;
    }
    this.net.goOnline();
    await this.submit(2);
    this.net.online = false;
    await this.submit(3);
    await this.syncAndKill();
    await this.host.start();
    for (let i = 0; i < 10 && this.queue.pendingCount() > 0; i++) await this.queue.flush();
    this.net.online = false;
    this.tail = [];
    await this.submit(2, this.tail);
    return this.problems();
  }

  /** After the last cycle: the writes still on the phone go out too, and the store is checked once more. */
  async drain(): Promise<string[]> {
    this.net.goOnline();
    for (let i = 0; i < 10 && this.queue.pendingCount() > 0; i++) await this.queue.flush();
    this.tail = [];
    return this.problems();
  }

  /** The queue's own word on each write: gone from it means the server answered ok (saved). */
  private queueState() {
    const items = this.queue.items();
    const queued = new Set(items.map((i) => i.id));
    const pending = items.filter((i) => i.state === 'pending').map((i) => i.id);
    const refused = items.filter((i) => i.state === 'failed').map((i) => `${i.fn}.${i.action} ${i.error?.code}: ${i.error?.message}`);
    return { pending, refused, saved: this.all.filter((w) => !queued.has(w.id)) };
  }

  private async problems(): Promise<string[]> {
    const { pending, refused, saved } = this.queueState();
    const stuck = pending.filter((id) => !this.tail.some((w) => w.id === id));
    const f = (this.findings = await checkStore(this.dataDir, this.before, saved));
    f.lost.forEach((m) => this.lost.add(m));
    f.duplicated.forEach((m) => this.duplicated.add(m));
    const diff = Object.entries(f.differences)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`);
    return [
      ...(f.lost.length ? [`lost ${f.lost.length}`] : []),
      ...(f.duplicated.length ? [`duplicated ${f.duplicated.length}`] : []),
      ...(f.unexpected ? [`unexpected documents ${f.unexpected}`] : []),
      ...(f.integrity !== 'ok' ? [`integrity_check: ${f.integrity}`] : []),
      ...(diff.length ? [`derived differences: ${diff.join(', ')}`] : []),
      ...(stuck.length ? [`still queued after the host came back: ${stuck.length}`] : []),
      ...refused.map((r) => `refused: ${r}`),
    ];
  }
}

async function main(): Promise<number> {
  // Bundles sit under node_modules so the host's packages resolve from there.
  const bundles = path.join(root, 'node_modules/.cache/bangfu-soak', String(process.pid));
  mkdirSync(bundles, { recursive: true });
  const [hostBundle, queueBundle] = await Promise.all([bundleHost(bundles), bundleQueue(bundles)]).catch((error) => {
    rmSync(bundles, { recursive: true, force: true });
    throw error;
  });
  const work = mkdtempSync(path.join(os.tmpdir(), 'bangfu-soak-'));
  const dataDir = path.join(work, 'data');
  const host = new Host(hostBundle, dataDir, await freePort(), path.join(work, 'host.log'));
  const abort = () => {
    host.killNow();
    rmSync(bundles, { recursive: true, force: true });
    console.log(`soak stopped; data and host log kept in ${work}`);
    process.exit(1);
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  const started = Date.now();
  let failed = true;
  try {
    await host.start();
    const rnd = new Random(SEED);
    const writes = new Writes(rnd, await helperHouseholds(host.url));
    const soak = new Soak(rnd, host, new Network(host.url), writes, queueBundle, dataDir, baseline(dataDir));
    let problems: string[] = [];
    let cycle = 0;
    while (cycle < CYCLES && !problems.length) {
      cycle += 1;
      problems = await soak.cycle();
      if (process.env.SOAK_VERBOSE) console.log(`cycle ${cycle}: ${soak.all.length} writes${problems.length ? `; ${problems.join('; ')}` : ''}`);
    }
    if (!problems.length) problems = await soak.drain();
    const d = soak.findings!.differences;
    console.log(`cycles ${cycle}, writes ${soak.all.length}, lost ${soak.lost.size}, duplicated ${soak.duplicated.size}`);
    console.log(
      `  seed ${SEED}; ${soak.kills.total} kills (${soak.kills.midRequest} with a request in flight), ${soak.clientRestarts} client restarts; ` +
        `integrity ${soak.findings!.integrity}; derived differences ${d.ruleFacts + d.memberCount + d.paidKeys + d.visitMonths}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (problems.length) console.log(`  cycle ${cycle} failed: ${problems.join('; ')}`);
    failed = problems.length > 0;
  } finally {
    await host.stop();
    rmSync(bundles, { recursive: true, force: true });
    if (failed) {
      console.log(`  data and host log kept in ${work}`);
      console.log(readFileSync(path.join(work, 'host.log'), 'utf8').split('\n').slice(-20).join('\n'));
    } else rmSync(work, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('soak 失败：', error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
