import path from 'node:path';
import { clock } from '../clock';
import { useLocalFiles } from '../files';
import { setLocalMode } from '../runtime';
import { useLocalCustomLoginKey } from '../auth/custom-login';
import { localLoginKey } from './cloudbase-auth';
import { useEmbeddedStore, type EmbeddedStore } from '../store/embedded';
import { setLocalWxaCode } from '../wechat';
import { localWxaCode } from './wxa-code';

export interface LocalModeOptions {
  /** Holds the embedded store (`bangfu.sqlite`) and every local file (`files/`: sheets and photos). */
  dataDir: string;
  /** Fixes "now" (tests, benchmarks); without it the clock runs. */
  now?: Date | string;
}

export interface LocalMode extends EmbeddedStore {
  dataDir: string;
}

let active: LocalMode | null = null;

/**
 * The one switch for local mode (`npm start`, tests, benchmarks): `getDb()` answers from the
 * embedded store in `dataDir`, files are kept in `dataDir/files`, the caller is the one the local
 * host names (x-dev-openid, or the custom user id of its own access tokens), custom-login tickets are
 * signed with the host's key, WeChat cloud calls are recorded in the outbox instead of made,
 * settings a deployed function must be given have placeholders, and `now` fixes the clock.
 * `close()` undoes all of it, so what follows runs as in the cloud again.
 */
export function useLocalMode(options: LocalModeOptions): LocalMode {
  const store = useEmbeddedStore(options.dataDir);
  useLocalFiles(path.join(options.dataDir, 'files'));
  setLocalMode(true);
  setLocalWxaCode(localWxaCode);
  useLocalCustomLoginKey(localLoginKey);
  if (options.now !== undefined) clock.set(options.now);
  const mode: LocalMode = {
    ...store,
    dataDir: options.dataDir,
    close() {
      store.close();
      if (active !== mode) return;
      active = null;
      useLocalFiles(null);
      setLocalMode(false);
      setLocalWxaCode(null);
      useLocalCustomLoginKey(null);
      clock.set(null);
    },
  };
  active = mode;
  return mode;
}

/** The data directory of the local mode in force (the local host keeps uploaded photos under it). */
export function localDataDir(): string {
  if (!active) throw new Error('本地模式未启动（useLocalMode）：本地主机只在本地演示、测试和基准测试中运行');
  return active.dataDir;
}
