import { reportsApi } from '@bangfu/types';
import type { Dashboard } from '@bangfu/types/api/reports';
import { call } from './api';

export function dashboard(): Promise<Dashboard> {
  return call(reportsApi, 'dashboard', {});
}
