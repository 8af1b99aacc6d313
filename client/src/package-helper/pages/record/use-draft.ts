import { chinaDate, type Occasion, type PolicyCode } from '@bangfu/types';
import { useStoredDraft } from '@/hooks/use-stored-draft';
import type { PickedPhoto } from '@/components/photos/photo-picker';
import type { RecordInput } from '@/services/visits';
import { uuid } from '@/services/request-id';

export interface VisitDraft {
  /** The visit's id, made with the draft: saving the same draft twice is the same visit. */
  id: string;
  occasion: Occasion;
  /** The day of the visit, `YYYY-MM-DD` in China time. */
  date: string;
  notes: string;
  photos: PickedPhoto[];
  /** Plan measures worked on, by id (of the plan of the visit's year). */
  measureIds: string[];
  /** Progress (0–100, as typed) for picked plan measures, by measure id. */
  progress: Record<string, string>;
  otherMeasure: string;
  /** 宣讲政策, as catalogue codes. */
  policyCodes: PolicyCode[];
  checklist: string[];
  location: NonNullable<RecordInput['location']> | null;
}

export const blankVisit = (): VisitDraft => ({
  id: uuid(),
  occasion: 'routine',
  date: chinaDate(new Date()),
  notes: '',
  photos: [],
  measureIds: [],
  progress: {},
  otherMeasure: '',
  policyCodes: [],
  checklist: [],
  location: null,
});

/** The form's state, kept per household as it is typed: leaving the page or a crash never loses input. */
export const useVisitDraft = (householdId: string) => useStoredDraft(`bf.visitDraft.${householdId}`, blankVisit);
