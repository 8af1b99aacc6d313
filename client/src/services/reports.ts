import { reportsApi, type Dashboard } from '@bangfu/types';
import { call } from './api';

export function dashboard(): Promise<Dashboard> {
  return call(reportsApi, 'dashboard', {});
}
