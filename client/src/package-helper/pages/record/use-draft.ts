import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Occasion } from '@bangfu/types';
import type { PickedPhoto } from './photo-picker';

export interface VisitDraft {
  occasion: Occasion;
  date: string;
  notes: string;
  photos: PickedPhoto[];
  measures: string[];
  /** Progress (0–100, as typed) for picked plan measures, by measure id. */
  progress: Record<string, string>;
  otherMeasure: string;
  policies: string[];
  checklist: string[];
  location?: { latitude: number; longitude: number; accuracy: number };
}

const key = (householdId: string) => `bf.visitDraft.${householdId}`;

export const emptyDraft = (today: string): VisitDraft => ({
  occasion: 'routine', date: today, notes: '', photos: [], measures: [], progress: {}, otherMeasure: '', policies: [], checklist: [],
});

/** The form's state, kept in storage as it is typed: leaving the page or a crash never loses input. */
export function useDraft(householdId: string, today: string) {
  const [draft, setDraft] = useState<VisitDraft>(() => {
    const saved: unknown = householdId ? Taro.getStorageSync(key(householdId)) : null;
    return saved && typeof saved === 'object' ? { ...emptyDraft(today), ...(saved as VisitDraft) } : emptyDraft(today);
  });
  useEffect(() => {
    if (householdId) Taro.setStorageSync(key(householdId), draft);
  }, [householdId, draft]);
  const update = (patch: Partial<VisitDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const clear = () => {
    Taro.removeStorageSync(key(householdId));
    setDraft(emptyDraft(today));
  };
  return { draft, update, clear };
}
