import type { ReviewItemView, ReviewOutcome, ReviewRoundView } from '@bangfu/types';
import { api } from '@/services/client';

/**
 * 标记已复核: the household's latest visit recorded since the round was drawn, else the latest
 * finding raised about it since then; null when there is neither yet (the person records one first).
 */
export async function markWorked(round: ReviewRoundView, item: ReviewItemView): Promise<ReviewOutcome | null> {
  const since = (at: string) => at >= round.createdAt;
  const visits = await api.visits.listByHousehold({ householdId: item.householdId, limit: 20 });
  const visit = visits.items.find((v) => since(v.createdAt));
  if (visit) {
    await api.findings.markReviewed({ roundId: round._id, householdId: item.householdId, outcome: 'visit', refId: visit._id });
    return 'visit';
  }
  const findings = await api.findings.list({ householdId: item.householdId, limit: 20 });
  const finding = findings.items.find((f) => since(f.createdAt));
  if (!finding) return null;
  await api.findings.markReviewed({ roundId: round._id, householdId: item.householdId, outcome: 'finding', refId: finding._id });
  return 'finding';
}
