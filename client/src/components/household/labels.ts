import type { HouseholdStatus } from '@bangfu/types';
import type { TagProps } from '@/components/ui';

/**
 * A household's status is a category, not a step done or missed (UX.md keeps green for received and
 * red for entitled-not-received): blue for the registered, orange for monitored (a risk being
 * watched, due attention), grey for those outside the policies.
 */
export const STATUS_TAG: Record<HouseholdStatus, Pick<TagProps, 'status' | 'type'>> = {
  poor: { type: 'primary' },
  monitored: { status: 'due' },
  exited_enjoying: { type: 'primary' },
  exited_not_enjoying: { status: 'none' },
  none: { status: 'none' },
};
