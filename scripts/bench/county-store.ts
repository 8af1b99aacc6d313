/** The county-scale store every benchmark shares, in local mode at NOW: seeded once into .data/bench/county, then reopened. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LARGE_COUNTY } from '../../cloudfunctions/core/local/seed';
import { seedIfEmpty } from '../../cloudfunctions/core/local/seed-store';
import { useLocalMode } from '../../cloudfunctions/core/local/mode';

const DIR = path.resolve(__dirname, '../../.data/bench/county');
const MARKER = path.join(DIR, 'seeded.json');
export const NOW = new Date('2026-11-20T04:00:00.000Z');

export function openCountyStore() {
  if (!existsSync(MARKER)) rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const store = useLocalMode({ dataDir: DIR, now: NOW });
  if (!existsSync(MARKER)) {
    const started = Date.now();
    const seeded = seedIfEmpty(store.engine, { ...LARGE_COUNTY, now: NOW });
    writeFileSync(MARKER, JSON.stringify({ ...seeded, now: NOW.toISOString() }));
    console.log(`seeded ${seeded.households} households, ${seeded.visits} visits in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return store;
}
