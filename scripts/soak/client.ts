/**
 * The client side of the soak: the real offline queue (client/src/services/offline-queue.ts),
 * bundled by esbuild with Taro storage, the transport and the network watcher swapped for the
 * shims beside this file (as test/client/offline-queue.test.ts mocks them; its timers are the
 * client instance's own, see shims/timers.ts), and a transport that
 * POSTs to the local host with the x-dev-openid header, as the H5 transport does.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { ApiResult } from '../../types';
import { networkFailure } from '../../client/src/services/errors';
import { useTransport } from './shims/transport';
import { networkBack, resetNetworkWatch } from './shims/network-watch';

export type Queue = typeof import('../../client/src/services/offline-queue');

const root = path.resolve(__dirname, '../..');
const SHIMS: Record<string, string> = {
  '@tarojs/taro': path.join(__dirname, 'shims/taro.ts'),
  './transport': path.join(__dirname, 'shims/transport.ts'),
  './network-watch': path.join(__dirname, 'shims/network-watch.ts'),
};

/** The shims stay outside the bundle, so every load of the queue shares one storage and one transport. */
const shims: Plugin = {
  name: 'soak-shims',
  setup(b) {
    b.onResolve({ filter: /^(@tarojs\/taro|\.\/transport|\.\/network-watch)$/ }, (args) => ({ path: SHIMS[args.path], external: true }));
  },
};

export async function bundleQueue(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'offline-queue.cjs');
  await build({
    entryPoints: [path.join(root, 'client/src/services/offline-queue.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    plugins: [shims],
    logLevel: 'warning',
    banner: { js: `const { setTimeout, clearTimeout } = require(${JSON.stringify(path.join(__dirname, 'shims/timers.ts'))}).forNewClient();` },
  });
  return outfile;
}

/**
 * Loads the queue as a freshly started app: no module state or timers, the same storage. It
 * watches the network and flushes what an earlier instance left, as hooks/use-offline-queue.ts
 * has it do.
 */
export function startClient(bundle: string): Queue {
  resetNetworkWatch();
  delete require.cache[bundle];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh instance of the built bundle after dropping it from require.cache
  const queue = require(bundle) as Queue;
  queue.startAutoFlush();
  return queue;
}

/** Who sends each function's writes: a helper records visits and reports needs, an admin records payments. */
const CALLER: Record<string, string> = { visits: 'demo-helper', needs: 'demo-helper', benefits: 'demo-admin' };

/** The network as the client sees it, and every request it makes (the soak times its kills by them). */
export class Network {
  online = true;
  requests = 0;
  inFlight = 0;
  /** How long the host takes to answer, smoothed: kills are spread over that span of a request. */
  latencyMs = 20;
  onRequest: ((n: number) => void) | null = null;

  constructor(private readonly base: string) {
    useTransport((fn, action, payload) => this.send(fn, action, payload));
  }

  goOnline(): void {
    this.online = true;
    networkBack();
  }

  private async send(fn: string, action: string, payload: unknown): Promise<ApiResult<unknown>> {
    if (!this.online) return networkFailure('offline');
    this.requests += 1;
    this.onRequest?.(this.requests);
    this.inFlight += 1;
    const started = Date.now();
    try {
      const res = await fetch(`${this.base}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': CALLER[fn] },
        body: JSON.stringify({ action, payload, requestId: randomUUID() }),
        signal: AbortSignal.timeout(15_000),
      });
      // As transport.h5: an answer that is not the envelope (a dying host) counts as no answer.
      const body = (await res.json().catch(() => null)) as ApiResult<unknown> | null;
      this.latencyMs = 0.8 * this.latencyMs + 0.2 * (Date.now() - started);
      return body && typeof body.ok === 'boolean' ? body : networkFailure(`HTTP ${res.status}`);
    } catch (error) {
      return networkFailure(String(error));
    } finally {
      this.inFlight -= 1;
    }
  }
}
