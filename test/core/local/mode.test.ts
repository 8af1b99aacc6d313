import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clock } from '../../../cloudfunctions/core/clock';
import { fileStore } from '../../../cloudfunctions/core/files/storage';
import { createHost } from '../../../cloudfunctions/core/local/host';
import { localDataDir, useLocalMode } from '../../../cloudfunctions/core/local/mode';
import { isLocalMode } from '../../../cloudfunctions/core/runtime';
import { getDb } from '../../../cloudfunctions/core/store';

/** useLocalMode is the one switch: it sets store, files, identity, WeChat and clock together, and close() undoes them. */
describe('useLocalMode', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-mode-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('switches everything local at once, with the clock fixed at `now`', async () => {
    const mode = useLocalMode({ dataDir: dir, now: '2026-11-20T04:00:00Z' });
    try {
      expect(isLocalMode()).toBe(true);
      expect(localDataDir()).toBe(dir);
      expect(clock.now().toISOString()).toBe('2026-11-20T04:00:00.000Z');
      expect(fileStore().claimable('cloud://env/registry/imports/00000000-0000-0000-0000-000000000000.xlsx')).toBe(false);
      await getDb().collection('settings').add({ _id: 'probe', value: 1 });
      expect(mode.engine).toBeDefined();
    } finally {
      mode.close();
    }
  });

  it('after close() runs as in the cloud again: no local identity, real time, cloud files, no local host', () => {
    useLocalMode({ dataDir: dir, now: '2020-01-01T00:00:00Z' }).close();
    expect(isLocalMode()).toBe(false);
    expect(clock.now().getFullYear()).toBeGreaterThan(2020);
    expect(fileStore().claimable('cloud://env/registry/imports/00000000-0000-0000-0000-000000000000.xlsx')).toBe(true);
    expect(() => localDataDir()).toThrow('本地模式未启动');
    expect(() => createHost('/nonexistent')).toThrow('本地主机只能在本地模式下运行');
  });
});
