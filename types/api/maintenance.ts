import { z } from '../z';
import { defineApi } from './define';

/** How many stored documents differed from their sources (and were put right), per kind of derived data. */
export const DerivedDifferences = z.object({ ruleFacts: z.number(), memberCount: z.number(), paidKeys: z.number(), visitMonths: z.number() });
export type DerivedDifferences = z.infer<typeof DerivedDifferences>;

/** One step of 重建汇总数据: how far it has got, and whether it is done. */
export const RebuildStep = z.object({
  done: z.boolean(),
  households: z.number(),
  totalHouseholds: z.number(),
  records: z.number(),
  visits: z.number(),
  differences: DerivedDifferences,
});
export type RebuildStep = z.infer<typeof RebuildStep>;

export const DerivedStatus = z.object({
  /** The derived-data version the store was last brought to (0: never), and this code's. */
  version: z.number(),
  latest: z.number(),
  running: z.object({ households: z.number(), totalHouseholds: z.number() }).nullable(),
});
export type DerivedStatus = z.infer<typeof DerivedStatus>;

/**
 * 数据维护: county admins keep the store's derived data (visit rollups, household summaries) in
 * step after an upgrade. A rebuild runs in steps that each fit in the function's timeout; the
 * caller repeats `rebuildDerived` until `done` (each call resumes where the last stopped).
 */
export const maintenanceApi = defineApi('maintenance', {
  derivedStatus: { input: z.object({}), output: DerivedStatus, access: ['admin'] },
  rebuildDerived: { input: z.object({ restart: z.boolean({ error: 'restart 应为 true 或 false' }).optional() }), output: RebuildStep, access: ['admin'] },
});
