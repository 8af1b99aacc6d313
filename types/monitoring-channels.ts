import { z } from './z';
import { Id, IsoDate } from './common';
import { ImportRowError } from './api/households';
import { AssessHousehold, RiskLevel, WarningSource, WarningStage } from './monitoring';

/**
 * The channels that feed 识别纳入 besides the sweep (SPEC §3b): the 医保 bureau's sheet of high
 * out-of-pocket costs (部门筛查预警) and the household's own report (农户自主申报).
 */

/** A warning the 医保 import opened, for the result screen (the head's name only, no ID number). */
export const OpenedWarning = z.object({ warningId: Id, householdId: Id, headName: z.string(), level: RiskLevel });
export type OpenedWarning = z.infer<typeof OpenedWarning>;

/** A sheet ID number that matched no household in the caller's region (masked: the admin has the sheet). */
export const UnmatchedRow = z.object({ row: z.number().int(), idNumber: z.string(), name: z.string() });
export type UnmatchedRow = z.infer<typeof UnmatchedRow>;

export const MedicalImportResult = z.object({
  /** Data rows in the sheet. */
  rows: z.number().int(),
  /** Rows that will be (or were) recorded: valid, matched, not recorded before. */
  valid: z.number().int(),
  /** Valid matched rows already recorded by an earlier import (or repeated in the sheet): skipped. */
  recorded: z.number().int(),
  errors: z.array(ImportRowError),
  unmatched: z.array(UnmatchedRow),
  /** Costs stored by this call. */
  written: z.number().int(),
  /** Where the next confirm call continues; null when every valid row is written. */
  next: z.number().int().nullable(),
  /** Warnings this call opened for households the new costs put at risk. */
  opened: z.array(OpenedWarning),
});
export type MedicalImportResult = z.infer<typeof MedicalImportResult>;

/** 农户自主申报: the self-check's answers, so the helper who verifies sees what the family said. */
export const SelfReportInput = z.object({ answers: AssessHousehold.optional() });
export type SelfReportInput = z.infer<typeof SelfReportInput>;

export const StepState = z.enum(['done', 'current', 'todo']);
export type StepState = z.infer<typeof StepState>;

/** A household's own warning in its own words: where it stands and by when, never the staff's notes. */
export const MyWarning = z.object({
  warningId: Id,
  stage: WarningStage,
  open: z.boolean(),
  source: WarningSource,
  /** China days: when it was opened, when the current step began and is due. */
  openedOn: IsoDate,
  stageStartedOn: IsoDate,
  dueOn: IsoDate,
  /** One sentence: what is happening now and what comes next. */
  headline: z.string(),
  steps: z.array(z.object({ stage: WarningStage, label: z.string(), state: StepState })),
});
export type MyWarning = z.infer<typeof MyWarning>;
export const SelfReportResult = z.object({ warning: MyWarning, opened: z.boolean() });
export type SelfReportResult = z.infer<typeof SelfReportResult>;
export const MyWarningResult = z.object({ warning: MyWarning.nullable() });
export type MyWarningResult = z.infer<typeof MyWarningResult>;
