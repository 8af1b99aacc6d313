import { z } from './z';
import { Id } from './common';

/** 行政区划: county (县/区) → town (乡镇) → village (行政村). An admin's scope is one of them. */
export const RegionLevel = z.enum(['county', 'town', 'village'], { error: '区域级别应为 county、town 或 village' });
export type RegionLevel = z.infer<typeof RegionLevel>;

export const Region = z.object({
  _id: Id,
  name: z.string(),
  level: RegionLevel,
  parentId: Id.nullable(),
  /** Ancestor ids from the county down to this region itself. */
  path: z.array(Id),
});
export type Region = z.infer<typeof Region>;

/** Where an account may act: an admin's region, or the region a helper works in. */
export const Scope = z.object({ level: RegionLevel, regionId: Id });
export type Scope = z.infer<typeof Scope>;

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = { county: '县', town: '乡镇', village: '村' };
