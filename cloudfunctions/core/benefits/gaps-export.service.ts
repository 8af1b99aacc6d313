import ExcelJS from 'exceljs';
import type { Gap } from '../../../types/api/benefits';
import type { PolicyCode } from '../../../types/policy';
import type { AdminCtx } from '../handler';
import { regionNames } from '../regions/region.repository';
import { addTable, saveExport, type ExportFile } from '../sheet-export';
import { dateOf } from '../time';
import { allGaps } from './gaps-list.service';
import { loadPolicies } from './policy.repository';

/** More gaps than a county has households twice over: beyond this the sweep should be narrowed by village or policy. */
export const GAP_EXPORT_MAX = 60_000;

const KIND: Record<Gap['kind'], string> = { unpaid: '未享', short: '少享', approval_missing: '慢病认定未办' };

/**
 * 导出应享未享: the same sweep as the list (listGaps: the caller's region, optionally one village or
 * one policy), every gap a row, amounts as numbers. Names of households and members are in it, so
 * the export is audit-logged and kept as the caller's file.
 */
export async function exportGaps(ctx: AdminCtx, input: { villageId?: string; policy?: PolicyCode }): Promise<ExportFile> {
  const [{ items, total }, policies] = await Promise.all([allGaps(ctx, input, GAP_EXPORT_MAX), loadPolicies()]);
  const labels = new Map(policies.map((p) => [p.code, p.label]));
  const villages = await regionNames([...new Set(items.map((g) => g.villageId))]);
  const workbook = new ExcelJS.Workbook();
  const table = addTable<Gap>(workbook, '应享未享', [
    { header: '行政村', width: 12, value: (g) => villages.get(g.villageId) },
    { header: '户主', width: 10, value: (g) => g.headName },
    { header: '成员', width: 10, value: (g) => g.memberName },
    { header: '政策', width: 24, value: (g) => labels.get(g.policy) ?? g.policy },
    { header: '类型', width: 12, value: (g) => KIND[g.kind] },
    { header: '应享金额（元）', width: 14, kind: 'number', value: (g) => g.amount },
    { header: '实享金额（元）', width: 14, kind: 'number', value: (g) => g.received },
    { header: '少享金额（元）', width: 14, kind: 'number', value: (g) => g.shortfall },
    { header: '依据', width: 50, value: (g) => g.reasons.join('；') },
    { header: '帮扶责任人', width: 12, value: (g) => g.helperName },
  ]);
  table.add(items);
  return saveExport(ctx, workbook, `gaps-${dateOf(ctx.now)}`, 'export_gaps', table.rows, { total });
}
