import type { HouseholdStatus } from '@bangfu/types';
import type { TagType } from '@/components/ui';

/** Status colours (UX.md): red = in poverty, orange = monitored (at risk), green = exited and enjoying, grey otherwise. */
export const STATUS_TAG: Record<HouseholdStatus, TagType> = {
  poor: 'danger',
  monitored: 'warning',
  exited_enjoying: 'success',
  exited_not_enjoying: 'default',
  none: 'default',
};
