/**
 * What the soak asserts after every cycle, read straight from the host's SQLite file: each write
 * the client was told was saved is there exactly once, nothing else appeared (not the writes
 * still waiting on the phone, not anything unmarked), SQLite's own integrity check passes, and the
 * derived data (rollups, summaries) equals a rebuild from the sources.
 */
import { checkDerived, type DerivedDifferences } from '../../cloudfunctions/core/maintenance/derived';
import { useEmbeddedStore } from '../../cloudfunctions/core/store/embedded';
import type { EmbeddedEngine } from '../../cloudfunctions/core/store/embedded';
import type { Kind, Write } from './writes';

const COLLECTION: Record<Kind, string> = { visit: 'visits', need: 'needs', benefit: 'benefits' };
export type Counts = Record<Kind, number>;

export interface Findings {
  /** Marks of saved writes not in the store, and of those stored more than once. */
  lost: string[];
  duplicated: string[];
  /** Documents no saved write accounts for. */
  unexpected: number;
  integrity: string;
  differences: DerivedDifferences;
}

const counts = (engine: EmbeddedEngine): Counts => ({ visit: engine.count('visits'), need: engine.count('needs'), benefit: engine.count('benefits') });

/** How many visits, needs and payment records the store holds before the soak writes any. */
export function baseline(dataDir: string): Counts {
  const store = useEmbeddedStore(dataDir);
  try {
    return counts(store.engine);
  } finally {
    store.close();
  }
}

/** Every soak-marked document, by kind: a visit's notes, a need's description, a recorded payment's household and period. */
function marked(engine: EmbeddedEngine): Record<Kind, string[]> {
  return {
    visit: engine.find('visits', { notes: { $regex: '^soak:' } }).map((v) => v.notes as string),
    need: engine.find('needs', { description: { $regex: '^soak:' } }).map((n) => n.description as string),
    // Seeded records carry no source; recordDisbursement names the admin who entered it.
    benefit: engine.find('benefits', { source: { $exists: true } }).map((b) => `${b.householdId}|${b.period}`),
  };
}

export async function checkStore(dataDir: string, before: Counts, saved: Write[]): Promise<Findings> {
  const store = useEmbeddedStore(dataDir);
  try {
    const integrity = String(store.engine.sqlite.pragma('integrity_check', { simple: true }));
    const found = marked(store.engine);
    const times = new Map<string, number>();
    for (const mark of Object.values(found).flat()) times.set(mark, (times.get(mark) ?? 0) + 1);
    const savedMarks = new Set(saved.map((w) => w.mark));
    const now = counts(store.engine);
    // New documents without a soak mark, plus marked ones of writes never confirmed.
    const unmarked = (Object.keys(COLLECTION) as Kind[]).reduce((n, k) => n + Math.max(0, now[k] - before[k] - found[k].length), 0);
    const strays = [...times.keys()].filter((m) => !savedMarks.has(m)).length;
    return {
      lost: saved.filter((w) => !times.has(w.mark)).map((w) => w.mark),
      duplicated: saved.filter((w) => (times.get(w.mark) ?? 0) > 1).map((w) => w.mark),
      unexpected: unmarked + strays,
      integrity,
      differences: (await checkDerived()).differences,
    };
  } finally {
    store.close();
  }
}
