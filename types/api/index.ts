import { assignmentsApi } from './assignments';
import { authApi } from './auth';
import { benefitsApi } from './benefits';
import { feedbackApi } from './feedback';
import { findingsApi } from './findings';
import { monitoringApi } from './monitoring';
import { householdsApi } from './households';
import { maintenanceApi } from './maintenance';
import { needsApi } from './needs';
import { noticesApi } from './notices';
import { reportsApi } from './reports';
import { visitsApi } from './visits';

export * from './define';
export {
  assignmentsApi,
  authApi,
  benefitsApi,
  feedbackApi,
  findingsApi,
  householdsApi,
  maintenanceApi,
  monitoringApi,
  needsApi,
  noticesApi,
  reportsApi,
  visitsApi,
};

/** Every function of SPEC §4, by name. */
export const apis = {
  auth: authApi,
  households: householdsApi,
  assignments: assignmentsApi,
  visits: visitsApi,
  benefits: benefitsApi,
  needs: needsApi,
  notices: noticesApi,
  findings: findingsApi,
  monitoring: monitoringApi,
  reports: reportsApi,
  feedback: feedbackApi,
  maintenance: maintenanceApi,
} as const;
export type Apis = typeof apis;
export type FunctionName = keyof Apis;
export const FUNCTION_NAMES = Object.keys(apis) as FunctionName[];
