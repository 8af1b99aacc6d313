import type { ActionInput, needsApi, NeedView } from '@bangfu/types';
import { isApiCallError } from './errors';
import { items as queuedItems, registerPreparer, submit, type SubmitOutcome } from './offline-queue';
import { isLocalPhoto, uploadPhoto } from './photos';

export type ReportInput = ActionInput<typeof needsApi, 'report'>;

/** Photos wait in the queue as local files and are uploaded right before the report is sent (once). */
registerPreparer('needs', 'report', async (payload) => {
  const photos = Array.isArray(payload.photos) ? (payload.photos as string[]) : [];
  const uploaded: string[] = [];
  for (const p of photos) uploaded.push(isLocalPhoto(p) ? await uploadPhoto(p) : p);
  return { ...payload, photos: uploaded };
});

/**
 * 我要求助: saved on the phone first, then sent; the server is idempotent on the id, so a re-send
 * after a lost answer never makes a second need. `queued` means it goes out by itself later.
 */
export const reportNeed = (input: ReportInput): Promise<SubmitOutcome> =>
  submit({ id: input.id, fn: 'needs', action: 'report', payload: input as Record<string, unknown> });

/** Reports still waiting on this phone (shown as "待发送" at the top of 我的求助). */
export function queuedReports(): ReportInput[] {
  return queuedItems().filter((i) => i.fn === 'needs' && i.action === 'report' && i.state === 'pending').map((i) => i.payload as ReportInput);
}

/** Reports the server refused after they were queued (e.g. invalid): shown so the person can redo them. */
export function failedReports(): Array<{ id: string; description: string; message: string }> {
  return queuedItems()
    .filter((i) => i.fn === 'needs' && i.action === 'report' && i.state === 'failed')
    .map((i) => ({ id: i.id, description: String((i.payload as ReportInput).description ?? '').slice(0, 20), message: i.error?.message ?? '请重新填写' }));
}

/** The current need a CONFLICT carries (someone else acted first), so the page can show it at once. */
export function conflictingNeed(e: unknown): NeedView | null {
  if (!isApiCallError(e) || e.code !== 'CONFLICT') return null;
  const need = (e.details as { need?: NeedView } | undefined)?.need;
  return need ?? null;
}
