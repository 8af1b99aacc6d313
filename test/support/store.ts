import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useEmbeddedStore } from '../../cloudfunctions/core/store/embedded';
import { enableLocalIdentity } from '../../cloudfunctions/core/identity';
import { seedIfEmpty } from '../../cloudfunctions/core/local/seed-store';
import { FUNCTIONS } from '../../cloudfunctions/registry';

export const SEED_NOW = new Date('2026-11-20T04:00:00.000Z');

/** A fresh embedded store in its own temp folder, seeded with the demo county as of SEED_NOW. */
export function freshDemoStore(options: { seed?: boolean } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-test-'));
  const store = useEmbeddedStore(dir);
  if (options.seed !== false) seedIfEmpty(store.engine, { now: SEED_NOW });
  enableLocalIdentity();
  return {
    dir,
    engine: store.engine,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls a function as the given local account, exactly as the local host does. */
export function call(fn: keyof typeof FUNCTIONS, action: string, payload: unknown, openid?: string) {
  return FUNCTIONS[fn]({ action, payload }, { devOpenid: openid });
}
