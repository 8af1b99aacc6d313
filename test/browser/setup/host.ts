import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Host {
  url: string;
  port: number;
  child: ChildProcess;
}

/** Hosts this test file started and that still run: a retried test must not leave one behind. */
const running = new Set<ChildProcess>();

/**
 * Stops every host this file started that is still running. setup/retry.ts calls it after each
 * file: a test that failed, was retried and started a second host used to leave the first one
 * running, and jest then never exited.
 */
export function stopAllHosts(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/**
 * The real local host (`npm start`'s) over `dataDir` (seeded with the demo county when empty), as
 * one node process so that SIGKILL kills the host itself, not a wrapper. Answers once /api/health does.
 */
export async function startHost(dataDir: string, port?: number): Promise<Host> {
  const at = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/core/local/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(at), BANGFU_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const url = `http://localhost:${at}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('本地服务启动失败');
    if ((await fetch(`${url}/api/health`).catch(() => null))?.ok) return { url, port: at, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('本地服务 60 秒内未就绪');
}

/**
 * A host of this test file's own over a fresh demo county, for flows that change the seed (imports,
 * edits, pairings) and must not disturb the other files' shared host. Started before the file's
 * tests, stopped and its data folder removed after; `url()` is where it listens.
 */
export function ownHostForFile(name: string): { url: () => string } {
  let host: Host | null = null;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), `bangfu-${name}-`));
    host = await startHost(dataDir);
  });
  afterAll(() => {
    host?.child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { url: () => host?.url ?? '' };
}
