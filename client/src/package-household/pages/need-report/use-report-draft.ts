import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { NeedCategory } from '@bangfu/types';
import { uuid } from '@/services/request-id';

export interface ReportDraft {
  /** The report's id, made once per draft: sending the same draft twice is the same report. */
  id: string;
  category: NeedCategory | null;
  description: string;
  callbackPhone: string;
  photos: Array<{ path: string; preview: string }>;
}

const KEY = 'bf.needs.draft';
const blank = (): ReportDraft => ({ id: uuid(), category: null, description: '', callbackPhone: '', photos: [] });

function load(): ReportDraft {
  try {
    const raw: unknown = Taro.getStorageSync(KEY);
    return typeof raw === 'string' && raw ? { ...blank(), ...(JSON.parse(raw) as Partial<ReportDraft>) } : blank();
  } catch {
    return blank();
  }
}

/** What was typed survives leaving the page or the app being killed (UX.md: never lose typed input). */
export function useReportDraft() {
  const [draft, setDraft] = useState<ReportDraft>(load);
  const update = (patch: Partial<ReportDraft>) => {
    setDraft((d) => {
      const next = { ...d, ...patch };
      Taro.setStorageSync(KEY, JSON.stringify(next));
      return next;
    });
  };
  const clear = () => {
    Taro.removeStorageSync(KEY);
    setDraft(blank());
  };
  return { draft, update, clear };
}
