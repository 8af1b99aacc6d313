import { reportsApi } from '@bangfu/types';
import type { Coverage, Dashboard } from '@bangfu/types/api/reports';
import { call } from './api';

export function dashboard(): Promise<Dashboard> {
  return call(reportsApi, 'dashboard', {});
}

/** 走访覆盖 of a month (`YYYY-MM`; this month when omitted). */
export function coverage(month?: string): Promise<Coverage> {
  return call(reportsApi, 'coverage', month ? { month } : {});
}
