/** A fresh embedded store in its own temp directory, removed again after the test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useEmbeddedStore, type EmbeddedStore, type EmbeddedStoreOptions } from '../../../cloudfunctions/core/store/embedded';

export interface TempStore extends EmbeddedStore {
  dir: string;
  /** Closes the store and deletes its directory. */
  dispose(): void;
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'bangfu-store-'));
}

export function openTempStore(options: EmbeddedStoreOptions = {}, dir = tempDir()): TempStore {
  const store = useEmbeddedStore(dir, options);
  return {
    ...store,
    dir,
    dispose() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
