import type { NeedCategory } from '@bangfu/types';
import type { PickedPhoto } from '@/components/photos/photo-picker';
import { useStoredDraft } from '@/hooks/use-stored-draft';
import type { ReportInput } from '@/services/needs';
import { uuid } from '@/services/request-id';

export interface ReportDraft {
  /** The report's id, made once per draft: sending the same draft twice is the same report. */
  id: string;
  category: NeedCategory | null;
  description: string;
  callbackPhone: string;
  photos: PickedPhoto[];
}

export const blankReport = (): ReportDraft => ({ id: uuid(), category: null, description: '', callbackPhone: '', photos: [] });

/** 修改: a refused report back in its form (its id kept; a spent one is renewed by the hook). */
export function draftFromReport(p: Partial<ReportInput>): ReportDraft {
  return {
    ...blankReport(),
    ...(p.id ? { id: p.id } : {}),
    category: p.category ?? null,
    description: p.description ?? '',
    callbackPhone: p.callbackPhone ?? '',
    photos: (p.photos ?? []).map((path) => ({ path, preview: '' })),
  };
}

/** What was typed survives leaving the page or the app being killed (UX.md: never lose typed input). */
export const useReportDraft = () => useStoredDraft('bf.needs.draft', blankReport);
