import { visitsApi, type ActionInput, type ActionOutput } from '@bangfu/types';
import { call } from './api';
import { enqueue, flush, items as queuedItems, registerPreparer, submit, type SubmitOutcome } from './offline-queue';
import { isLocalPhoto, uploadPhoto } from './photos';

export type DueList = ActionOutput<typeof visitsApi, 'listDue'>;
export type DueItem = DueList['items'][number];
export type RecordInput = ActionInput<typeof visitsApi, 'record'>;
export type VisitList = ActionOutput<typeof visitsApi, 'listByHousehold'>;
export type Plan = ActionOutput<typeof visitsApi, 'getPlan'>;
export type Timeline = ActionOutput<typeof visitsApi, 'timeline'>;

/**
 * Photos wait in the queue as local files and are uploaded right before the visit is sent; each
 * uploaded id replaces its path (and the queue stores that), so a re-send never uploads twice.
 */
registerPreparer('visits', 'record', async (payload) => {
  const photos = Array.isArray(payload.photos) ? (payload.photos as string[]) : [];
  const uploaded: string[] = [];
  for (const p of photos) uploaded.push(isLocalPhoto(p) ? await uploadPhoto(p) : p);
  return { ...payload, photos: uploaded };
});

export const listDue = (month?: string): Promise<DueList> => call(visitsApi, 'listDue', month ? { month } : {});

/** Saves the visit durably first, then sends it: `queued` means it goes out by itself later. */
export const recordVisit = (input: RecordInput): Promise<SubmitOutcome> =>
  submit({ id: input.id, fn: 'visits', action: 'record', payload: input as Record<string, unknown> });

/** Visits still waiting in this phone's queue (for showing "待同步" on a household). */
export function queuedVisits(): RecordInput[] {
  return queuedItems().filter((i) => i.fn === 'visits' && i.action === 'record').map((i) => i.payload as RecordInput);
}

export const listByHousehold = (householdId: string, limit = 20): Promise<VisitList> => call(visitsApi, 'listByHousehold', { householdId, limit });
export const getPlan = (householdId: string): Promise<Plan> => call(visitsApi, 'getPlan', { householdId });
export const saveMeasure = (input: ActionInput<typeof visitsApi, 'saveMeasure'>) => call(visitsApi, 'saveMeasure', input);
export const updateProgress = (input: ActionInput<typeof visitsApi, 'updateProgress'>) => call(visitsApi, 'updateProgress', input);
export const getTimeline = (householdId: string): Promise<Timeline> => call(visitsApi, 'timeline', { householdId });

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
