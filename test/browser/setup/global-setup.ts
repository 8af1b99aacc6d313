import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost } from './host';

/**
 * One state file per jest run (its main process): several people run browser tests on this machine
 * at once, and a shared file let one run's teardown stop another run's host. Test workers read the
 * url from BANGFU_URL, set below before they start.
 */
export const STATE_FILE = path.join(os.tmpdir(), `bangfu-browser-host-${process.pid}.json`);

/** Starts the real local host (fresh data folder, seeded demo county) on a free port for the browser tests. */
export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-browser-'));
  const { url, child } = await startHost(dataDir);
  writeFileSync(STATE_FILE, JSON.stringify({ pid: child.pid, url, dataDir }));
  process.env.BANGFU_URL = url;
}
