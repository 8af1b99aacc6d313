/**
 * The local host (cloudfunctions/core/local/main.ts, exactly what `npm start` runs) as a child
 * process over one data dir, on one port for the whole soak. main.ts is bundled once with esbuild,
 * node_modules left outside, so a restart takes about a second instead of tsx compiling it again;
 * the bundle runs as its own process, so SIGKILL reaches the host itself (tsx's CLI is a parent
 * that would outlive it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '../..');

export async function bundleHost(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'host.cjs');
  await build({
    entryPoints: [path.join(root, 'cloudfunctions/core/local/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class Host {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly log: WriteStream;
  readonly url: string;

  constructor(
    private readonly bundle: string,
    private readonly dataDir: string,
    private readonly port: number,
    logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.log = createWriteStream(logFile, { flags: 'a' });
  }

  /** Starts the host and waits until it answers /api/health (the first start seeds the demo county). */
  async start(): Promise<void> {
    const child = spawn(process.execPath, [this.bundle], {
      cwd: root,
      env: { ...process.env, PORT: String(this.port), BANGFU_DATA_DIR: this.dataDir, BANGFU_STATIC_DIR: path.join(this.dataDir, 'no-h5') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    for (let i = 0; i < 1200; i++) {
      if (child.exitCode !== null) throw new Error(`本地服务启动失败（退出码 ${child.exitCode}），见日志`);
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('本地服务 60 秒内未就绪');
  }

  /** SIGKILL: no shutdown handler runs, nothing is flushed; waits until the process is gone. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }

  /** For a soak that is itself being stopped: no host may outlive it. */
  killNow(): void {
    this.child?.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.kill();
    this.log.end();
  }
}
