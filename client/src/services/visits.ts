import type { ActionInput, visitsApi } from '@bangfu/types';
import type { DueList } from '@bangfu/types/api/visits';
import { api } from './client';
import { readOrKept } from './kept-answers';
import { submit, type SubmitOutcome } from './offline-queue';
import { uploadPhotosBeforeSending } from './photo-uploads';

export type RecordInput = ActionInput<typeof visitsApi, 'record'>;

uploadPhotosBeforeSending('visits', 'record');

/**
 * Saves the visit durably first, then sends it: `queued` means it goes out by itself later. One
 * write carries the whole visit, the plan progress included, under the draft's id.
 */
export const recordVisit = (input: RecordInput): Promise<SubmitOutcome> => submit('visits', 'record', input);

/**
 * 我的帮扶户 this month; without a network, the list as last loaded on this phone (`savedAt`), so
 * a helper who starts the app offline can still open a household and record a visit.
 */
export const dueList = (): Promise<{ value: DueList; savedAt: string | null }> => readOrKept('listDue', () => api.visits.listDue());
