import { assignmentsApi, type ActionOutput } from '@bangfu/types';
import { call } from './api';

export type PairingList = ActionOutput<typeof assignmentsApi, 'listByHelper'>;
export type PairingListItem = PairingList['items'][number];

/** The caller's own pairings when `helperId` is omitted (helpers); admins may pass one. */
export function listByHelper(helperId?: string): Promise<PairingList> {
  return call(assignmentsApi, 'listByHelper', helperId ? { helperId } : {});
}
