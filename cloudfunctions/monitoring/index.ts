import { monitoringApi } from '../../types/api/monitoring';
import { handler } from '../core/handler';
import { dateOf } from '../core/time';
import { assess } from '../core/monitoring/assess.service';
import { addMedicalExpense, assessHousehold } from '../core/monitoring/household-assess.service';
import { exportNoticeList, noticeList } from '../core/monitoring/notice.service';
import { getMonitoringSettings, monitoringValues, updateMonitoringParams } from '../core/monitoring/params.service';
import { removalReadiness } from '../core/monitoring/removal.service';
import { advance, dismiss, getWarning } from '../core/monitoring/warning-workflow.service';
import { listWarnings, sweep } from '../core/monitoring/warning.service';
import { importMedical } from '../core/monitoring/medical-import.service';
import { medicalTemplate } from '../core/monitoring/medical-template.service';
import { myWarning, selfReport } from '../core/monitoring/self-report.service';

export const main = handler(monitoringApi, {
  assess: async (input, ctx) => assess(input, dateOf(ctx.now), await monitoringValues()),
  assessHousehold: (input, ctx) => assessHousehold(ctx, input),
  addMedicalExpense: (input, ctx) => addMedicalExpense(ctx, input),
  sweep: (_input, ctx) => sweep(ctx),
  listWarnings: (input, ctx) => listWarnings(ctx, input),
  getWarning: (input, ctx) => getWarning(ctx, input),
  advance: (input, ctx) => advance(ctx, input),
  dismiss: (input, ctx) => dismiss(ctx, input),
  noticeList: (input, ctx) => noticeList(ctx, input),
  exportNoticeList: (input, ctx) => exportNoticeList(ctx, input),
  removalReadiness: (input, ctx) => removalReadiness(ctx, input),
  getParams: async () => getMonitoringSettings(),
  updateParams: (input, ctx) => updateMonitoringParams(ctx, input),
  importMedical: (input, ctx) => importMedical(ctx, input),
  medicalTemplate: (_input, ctx) => medicalTemplate(ctx),
  selfReport: (input, ctx) => selfReport(ctx, input),
  myWarning: (_input, ctx) => myWarning(ctx),
});
