import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
/**
 * One state file per jest run (its main process): several people run browser tests on this machine
 * at once, and a shared file let one run's teardown stop another run's host. Test workers read the
 * url from BANGFU_URL, set below before they start.
 */
export const STATE_FILE = path.join(os.tmpdir(), `bangfu-browser-host-${process.pid}.json`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('本地服务启动失败');
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('本地服务 60 秒内未就绪');
}

/** Starts the real local host (fresh data folder, seeded demo county) on a free port for the browser tests. */
export default async function globalSetup() {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-browser-'));
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['cloudfunctions/core/local/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), BANGFU_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  await waitForHealth(url, child);
  writeFileSync(STATE_FILE, JSON.stringify({ pid: child.pid, url, dataDir }));
  process.env.BANGFU_URL = url;
}
