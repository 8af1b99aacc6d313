/**
 * CI's share of the soak (scripts/soak): three cycles of writes through the real offline queue,
 * the local host SIGKILLed during each sync and restarted over the same store, every check passing.
 * `npm run soak` runs 100.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

describe('writes that survive the host being killed during sync', () => {
  it('three cycles lose nothing, duplicate nothing, and leave the store intact', () => {
    const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/soak/index.ts'], {
      cwd: root,
      env: { ...process.env, SOAK_CYCLES: '3' },
      encoding: 'utf8',
      timeout: 58_000,
    });
    const out = `${run.stdout}${run.stderr}`;
    expect({ status: run.status, out }).toEqual({ status: 0, out: expect.stringMatching(/^cycles 3, writes \d+, lost 0, duplicated 0$/m) });
    expect(out).toMatch(/integrity ok; derived differences 0/);
  }, 60_000);
});
