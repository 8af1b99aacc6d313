import type { ActionInput, needsApi, NeedView } from '@bangfu/types';
import { isApiCallError } from './errors';
import { items as queuedItems, submit, type SubmitOutcome } from './offline-queue';
import { uploadPhotosBeforeSending } from './photo-uploads';

export type ReportInput = ActionInput<typeof needsApi, 'report'>;

uploadPhotosBeforeSending('needs', 'report');

/**
 * 我要求助: saved on the phone first, then sent; the server is idempotent on the id, so a re-send
 * after a lost answer never makes a second need. `queued` means it goes out by itself later.
 */
export const reportNeed = (input: ReportInput): Promise<SubmitOutcome> => submit('needs', 'report', input);

/** Reports still waiting on this phone (shown as "待发送" at the top of 我的求助). */
export function queuedReports(): ReportInput[] {
  return queuedItems()
    .filter((i) => i.fn === 'needs' && i.action === 'report' && i.state === 'pending')
    .map((i) => i.payload as ReportInput);
}

/** Reports the server refused (e.g. invalid): shown with the reason until the person fixes or drops them. */
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
