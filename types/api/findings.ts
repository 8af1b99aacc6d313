import { defineApi } from './define';

/**
 * 督查整改 (inspection findings). A contract lists only actions that exist: create, list,
 * submitEvidence and verify enter with their issue, with the schemas already in types/finding.ts.
 */
export const findingsApi = defineApi('findings', {});
