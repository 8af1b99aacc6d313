import type { ActionInput, Plan, visitsApi } from '@bangfu/types';
import { api } from './client';
import { enqueue, flush, items as queuedItems, submit, type SubmitOutcome } from './offline-queue';
import { uploadPhotosBeforeSending } from './photo-uploads';

export type RecordInput = ActionInput<typeof visitsApi, 'record'>;

uploadPhotosBeforeSending('visits', 'record');

/** Saves the visit durably first, then sends it: `queued` means it goes out by itself later. */
export const recordVisit = (input: RecordInput): Promise<SubmitOutcome> => submit('visits', 'record', input);

/** Visits still waiting in this phone's queue (for showing "待同步" on a household). */
export function queuedVisits(): RecordInput[] {
  return queuedItems().filter((i) => i.fn === 'visits' && i.action === 'record').map((i) => i.payload as RecordInput);
}

/**
 * Still imported by the visit record page (client/src/package-helper/pages/record), which is being
 * reworked with the offline queue: it moves to `api.visits.getPlan` with that change.
 */
export type { Plan };
export const getPlan = (householdId: string): Promise<Plan> => api.visits.getPlan({ householdId });

/**
 * Progress on plan measures picked in a visit, queued right behind the visit (the queue keeps
 * order) so it also survives being offline; the server records each visit's progress once.
 */
export function queueProgress(visitId: string, householdId: string, progress: Array<{ measureId: string; progress: number }>) {
  for (const p of progress) {
    enqueue({ id: `${visitId}:${p.measureId}`, fn: 'visits', action: 'updateProgress', payload: { householdId, measureId: p.measureId, progress: p.progress, visitId } });
  }
  if (progress.length) void flush();
}
