import { DEMO_COUNTY, seedCounty, type SeedOptions } from './seed';

interface SeedableEngine {
  count(collection: string): number;
  bulkInsert(collection: string, docs: object[]): void;
}

/** Seeds the demo county into an empty store; a store that has users is left as it is. */
export function seedIfEmpty(engine: SeedableEngine, options: Partial<SeedOptions> = {}): { seeded: boolean; households: number; visits: number } {
  if (engine.count('users') > 0) return { seeded: false, households: engine.count('households'), visits: engine.count('visits') };
  const result = seedCounty({ ...DEMO_COUNTY, now: new Date(), ...options }, (collection, docs) => engine.bulkInsert(collection, docs));
  return { seeded: true, ...result };
}
