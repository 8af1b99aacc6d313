import type { PairingSpan } from '../assignments/pairing.repository';
import type { BulletinNeed } from '../needs/need.repository';
import type { GivenRating } from '../satisfaction/rating.repository';
import type { BulletinFinding } from '../findings/finding.repository';
import type { Village } from './coverage.reads';

/**
 * What the monthly bulletin reads for a scope, each through the repository that owns the
 * collection: the households with their regions, their primary pairings (active or ended, for
 * "active at the end of the month"), the visit rollups of the months shown, the needs and
 * findings up to the month's end, and the 应享未享 gaps open at each month's end (kept with their history).
 * bulletin.reads.ts fills it and the pure bulletin.events.ts computes from it: its own file, so
 * that events does not import reads (an import cycle).
 */
export interface BulletinSource {
  villages: Village[];
  households: Array<{ _id: string; townId: string; villageId: string }>;
  spans: PairingSpan[];
  /** Households visited, per month of the two the figures compare (M and M−1). */
  visited: Map<string, Set<string>>;
  /** Households visited per month of the trend, counted from the rollups (the chart's older months). */
  visitedCounts: Map<string, number>;
  needs: BulletinNeed[];
  /** 满意度 ratings of helpers (SPEC §2), besides the needs' own ratings. */
  ratings: GivenRating[];
  findings: BulletinFinding[];
  /** Per cut-off instant (ISO), the open gaps' keys per household. */
  gaps: Map<string, Map<string, Set<string>>>;
  helpers: Map<string, { name: string; unit: string }>;
}
