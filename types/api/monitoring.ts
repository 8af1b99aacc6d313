import { z } from '../z';
import { ExportFile, Id, listOf } from '../common';
import {
  AddMedicalExpenseInput,
  AdvanceWarningInput,
  AssessInput,
  Assessment,
  DismissWarningInput,
  GetWarningInput,
  HouseholdAssessment,
  ListWarningsInput,
  MedicalExpense,
  MonitoringSettings,
  NoticeListInput,
  NoticeRow,
  RemovalReadiness,
  SweepResult,
  UpdateMonitoringParamsInput,
  WarningView,
} from '../monitoring';
import { MedicalImportResult, MyWarningResult, SelfReportInput, SelfReportResult } from '../monitoring-channels';
import { ImportInput } from './households';
import { defineApi } from './define';

/** 防返贫监测预警 (SPEC §3b). `assess` is a family's self-check: no login, nothing stored. */
export const monitoringApi = defineApi('monitoring', {
  assess: { input: AssessInput, output: Assessment, access: 'public' },
  /** A stored household on today, by the same rules (its members: their own; helpers: paired; admins: region). */
  assessHousehold: { input: z.object({ householdId: Id.optional() }), output: HouseholdAssessment, access: ['admin', 'helper', 'household'] },
  /** 录入自付医疗费用 for a member (idempotent on the client's id). */
  addMedicalExpense: { input: AddMedicalExpenseInput, output: MedicalExpense, access: ['admin', 'helper'] },
  /** 监测排查: assess every household of the admin's region and open a warning for each one newly at risk. */
  sweep: { input: z.object({}), output: SweepResult, access: ['admin'] },
  /** 预警: an admin's region, a helper's handed to them; due first. */
  listWarnings: { input: ListWarningsInput, output: listOf(WarningView), access: ['admin', 'helper'] },
  /** One warning with its history, for whoever may see it (its region's admins, the helper it is handed to). */
  getWarning: { input: GetWarningInput, output: WarningView, access: ['admin', 'helper'] },
  /** 推进 the current step on the version read (stale: CONFLICT): 入户核实 → 村级评议（公示）→ 乡镇审核 → 县级确认 → 纳入监测. */
  advance: { input: AdvanceWarningInput, output: WarningView, access: ['admin', 'helper'] },
  /** 核实后排除, at verification only, with the reason. */
  dismiss: { input: DismissWarningInput, output: WarningView, access: ['admin', 'helper'] },
  /** 公示名单: households of the region in village review (no ID numbers). */
  noticeList: { input: NoticeListInput, output: listOf(NoticeRow), access: ['admin'] },
  exportNoticeList: { input: NoticeListInput, output: ExportFile, access: ['admin'] },
  /** 风险消除 readiness of a monitored household: ready, or what is missing (SPEC §3b). */
  removalReadiness: { input: z.object({ householdId: Id }), output: RemovalReadiness, access: ['admin', 'helper'] },
  /** 监测参数 with their dates and the holiday list (defaults merged under what the county stored). */
  getParams: { input: z.object({}), output: MonitoringSettings, access: ['admin'] },
  /** 调整监测参数 from a date on (county admins; history kept). */
  updateParams: { input: UpdateMonitoringParamsInput, output: MonitoringSettings, access: ['admin'] },
  /**
   * 医保 high out-of-pocket costs (.xlsx: 身份证号, 姓名, 日期, 金额): without `confirm` every row is
   * checked and nothing is written; with it rows `from … from + batch` are recorded, their households
   * re-assessed and warnings opened. An ID number outside the region reads as unknown.
   */
  importMedical: { input: ImportInput, output: MedicalImportResult, access: ['admin'] },
  /** 医保导入模板: the sheet's header row and a guide to each column. */
  medicalTemplate: { input: z.object({}), output: ExportFile, access: ['admin'] },
  /** 农户自主申报 by a bound member: opens the household's warning, or answers the one already open. */
  selfReport: { input: SelfReportInput, output: SelfReportResult, access: ['household'] },
  /** Where the household's own warning stands, in its words (null when it has none). */
  myWarning: { input: z.object({}), output: MyWarningResult, access: ['household'] },
});
