import { assignmentsApi, type ActionInput, type ActionOutput } from '@bangfu/types';
import { call } from './api';

export type PairingList = ActionOutput<typeof assignmentsApi, 'listByHelper'>;
export type PairingListItem = PairingList['items'][number];
export type HelperLoadList = ActionOutput<typeof assignmentsApi, 'listHelpers'>;
export type HouseholdHelpers = ActionOutput<typeof assignmentsApi, 'listByHousehold'>;

/** The caller's own pairings when `helperId` is omitted (helpers); admins may pass one. */
export function listByHelper(helperId?: string): Promise<PairingList> {
  return call(assignmentsApi, 'listByHelper', helperId ? { helperId } : {});
}

export const listByHousehold = (householdId: string, history = false) => call(assignmentsApi, 'listByHousehold', { householdId, history });
export const listHelpers = (input: ActionInput<typeof assignmentsApi, 'listHelpers'> = {}) => call(assignmentsApi, 'listHelpers', input);
export const listUnpaired = (offset = 0, limit = 20) => call(assignmentsApi, 'listUnpaired', { offset, limit });
export const assign = (input: ActionInput<typeof assignmentsApi, 'assign'>) => call(assignmentsApi, 'assign', input);
export const unassign = (pairingId: string) => call(assignmentsApi, 'unassign', { pairingId });
export const reassign = (pairingIds: string[], toHelperId: string) => call(assignmentsApi, 'reassign', { pairingIds, toHelperId });
export const reassignAll = (fromHelperId: string, toHelperId: string) => call(assignmentsApi, 'reassignAll', { fromHelperId, toHelperId });
