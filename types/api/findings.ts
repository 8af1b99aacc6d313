import { z } from '../z';
import { ExportFile, Id, listOf, Paging } from '../common';
import {
  AcknowledgeFindingInput,
  ClaimFindingInput,
  CreateFindingInput,
  EvidenceFindingInput,
  FindingStats,
  FindingView,
  ListFindingsInput,
  NoticeFindingInput,
  PlanFindingInput,
  RequestCloseFindingInput,
  VerifyFindingInput,
} from '../finding';
import { IntegrityInput, IntegrityReport, ListReviewItemsInput, MarkReviewedInput, ReviewItemView, ReviewRoundView, SampleRoundInput } from '../finding-review';
import { defineApi } from './define';

/**
 * 督查整改 (SPEC §7). Admins record and verify findings in their region; helpers see those naming
 * them responsible, about them, or about a household paired with them, and work the ones they are
 * responsible for. Every step carries the finding's `version`: a stale one answers CONFLICT with
 * the latest finding in `details.finding`.
 */
export const findingsApi = defineApi('findings', {
  create: { input: CreateFindingInput, output: FindingView, access: ['admin'] },
  list: { input: ListFindingsInput, output: listOf(FindingView), access: ['admin', 'helper'] },
  get: { input: z.object({ findingId: Id }), output: FindingView, access: ['admin', 'helper'] },
  claim: { input: ClaimFindingInput, output: FindingView, access: ['admin', 'helper'] },
  planMeasures: { input: PlanFindingInput, output: FindingView, access: ['admin', 'helper'] },
  submitEvidence: { input: EvidenceFindingInput, output: FindingView, access: ['admin', 'helper'] },
  requestClose: { input: RequestCloseFindingInput, output: FindingView, access: ['admin', 'helper'] },
  verify: { input: VerifyFindingInput, output: FindingView, access: ['admin'] },
  notice: { input: NoticeFindingInput, output: FindingView, access: ['admin'] },
  acknowledge: { input: AcknowledgeFindingInput, output: FindingView, access: ['admin', 'helper'] },
  stats: { input: z.object({}), output: FindingStats, access: ['admin'] },
  /** 整改台账 (.xlsx) of the list under its filters; kept 24 h as the caller's file. */
  exportLedger: { input: ListFindingsInput.omit({ limit: true, offset: true }), output: ExportFile, access: ['admin'] },
  /** 限期整改通知单 (.xlsx) of one finding whose notice was issued. */
  exportNotice: { input: z.object({ findingId: Id }), output: ExportFile, access: ['admin'] },
  /** 回头看: draw a re-check round for the admin's region (per village, least-drawn households first). */
  sample: { input: SampleRoundInput, output: ReviewRoundView, access: ['admin'] },
  rounds: { input: Paging, output: listOf(ReviewRoundView), access: ['admin', 'helper'] },
  /** A round's households in the caller's part of it (an admin's region, a helper's paired households). */
  roundItems: { input: ListReviewItemsInput, output: listOf(ReviewItemView).extend({ round: ReviewRoundView }), access: ['admin', 'helper'] },
  /** 复核: the household was re-checked by a visit, or a finding was raised about it. */
  markReviewed: { input: MarkReviewedInput, output: ReviewItemView, access: ['admin', 'helper'] },
  /** 核查: one of the inspector's integrity checks over the admin's region. */
  integrity: { input: IntegrityInput, output: IntegrityReport, access: ['admin'] },
});
