import type { DueItem } from '@bangfu/types/api/visits';

/** The tags a helper filters the list by, as the rows show them (逾期 / 本月待走访 / 急难 / 应享未享). */
export type DueTag = 'overdue' | 'due' | 'urgent' | 'gap';
export const DUE_TAGS: readonly DueTag[] = ['overdue', 'due', 'urgent', 'gap'];
export const DUE_TAG_LABELS: Record<DueTag, string> = { overdue: '逾期', due: '本月待走访', urgent: '急难', gap: '应享未享' };

/** Whether a row carries the tag: the same conditions DueRow uses to show it. */
export function hasTag(item: DueItem, tag: DueTag): boolean {
  switch (tag) {
    case 'overdue':
      return !item.visitedThisMonth && item.status === 'overdue';
    case 'due':
      return !item.visitedThisMonth && item.status === 'due';
    case 'urgent':
      return item.urgentNeeds > 0;
    case 'gap':
      return item.openGaps > 0;
  }
}

/**
 * The rows matching what the helper typed (part of the head's name or the village's) and the
 * picked tag, in the list's own order (those needing action first).
 */
export function filterDue(items: readonly DueItem[], query: string, tag?: DueTag): DueItem[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  return items.filter((item) => (!tag || hasTag(item, tag)) && words.every((w) => item.headName.includes(w) || item.villageName.includes(w)));
}

/** How many rows carry each tag: shown on the filter chips. */
export function tagCounts(items: readonly DueItem[]): Record<DueTag, number> {
  return Object.fromEntries(DUE_TAGS.map((t) => [t, items.filter((i) => hasTag(i, t)).length])) as Record<DueTag, number>;
}
