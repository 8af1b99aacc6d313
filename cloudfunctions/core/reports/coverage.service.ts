import dayjs from 'dayjs';
import type { Coverage, CoverageRow } from '../../../types/api/reports';
import type { Scope } from '../../../types/region';
import type { AdminCtx } from '../handler';
import { invalid } from '../errors';
import { adminScope } from '../access/scope';
import { monthOf } from '../time';
import { helperPairings, helpersIn, householdsPerVillage, overdueIn, villagesIn, visitedByHelper, visitedByVillage, type Village } from './coverage.reads';

const OVERDUE_SHOWN = 200;

const byRate = (a: CoverageRow, b: CoverageRow) => a.visited / (a.paired || 1) - b.visited / (b.paired || 1) || a.name.localeCompare(b.name, 'zh');

function add(rows: Map<string, CoverageRow>, id: string, name: string, paired: number, visited: number, note?: string) {
  const row = rows.get(id) ?? { id, name, paired: 0, visited: 0, ...(note ? { note } : {}) };
  row.paired += paired;
  row.visited += visited;
  rows.set(id, row);
}

/** Village rows, and town rows summed from them. The denominator is the village's households (each has a primary helper). */
function regionRows(villages: Village[], counts: Map<string, number>, visited: Map<string, { month: number; either: number }>) {
  const byVillage = new Map<string, CoverageRow>();
  const byTown = new Map<string, CoverageRow>();
  for (const v of villages) {
    const paired = counts.get(v.id) ?? 0;
    const seen = Math.min(paired, visited.get(v.id)?.month ?? 0);
    add(byVillage, v.id, v.name, paired, seen, v.townName);
    add(byTown, v.townId, v.townName, paired, seen);
  }
  return { byVillage: [...byVillage.values()].sort(byRate), byTown: [...byTown.values()].sort(byRate) };
}

/** Helper rows (their own pairings visited by them this month) and unit rows summed from them. */
async function helperRows(scope: Scope, month: string) {
  const helpers = await helpersIn(scope.regionId);
  const [paired, visited] = await Promise.all([helperPairings(helpers.map((h) => h.id)), visitedByHelper(scope, month)]);
  const byHelper = new Map<string, CoverageRow>();
  const byUnit = new Map<string, CoverageRow>();
  for (const h of helpers) {
    const n = paired.get(h.id) ?? 0;
    if (!n) continue;
    const seen = Math.min(n, visited.get(h.id) ?? 0);
    add(byHelper, h.id, h.name, n, seen, h.unit);
    add(byUnit, h.unit || '未填单位', h.unit || '未填单位', n, seen);
  }
  return { byHelper: [...byHelper.values()].sort(byRate), byUnit: [...byUnit.values()].sort(byRate) };
}

/**
 * 走访覆盖率 for a month, from counts of the households and of the monthly rollup that
 * visits.record keeps (visit_months; see visits/visit-months.ts), never from the month's visits
 * themselves: households visited at least once / households, by town and village; each helper's
 * pairings visited by them, by helper and by unit; and the overdue households (not visited this
 * month nor the month before), counted everywhere, listed up to 200.
 */
export async function coverage(ctx: AdminCtx, input: { month?: string }): Promise<Coverage> {
  return (await coverageWithCounts(ctx, input)).coverage;
}

/** The coverage, with the villages of the scope and their households that it read (the dashboard shows them too). */
export async function coverageWithCounts(
  ctx: AdminCtx,
  input: { month?: string },
): Promise<{ coverage: Coverage; villages: Village[]; counts: Map<string, number> }> {
  const scope = adminScope(ctx.user);
  const month = input.month ?? monthOf(ctx.now);
  // A month yet to come would list every household as overdue.
  if (month > monthOf(ctx.now)) throw invalid(`${month} 还没有到，只能查看本月及以前的走访覆盖`);
  const prev = dayjs(`${month}-01`).subtract(1, 'month').format('YYYY-MM');
  const [villages, counts, visited, helpers] = await Promise.all([
    villagesIn(scope),
    householdsPerVillage(scope),
    visitedByVillage(scope, month, prev),
    helperRows(scope, month),
  ]);
  const regions = regionRows(villages, counts, visited);
  const overdueVillages = villages
    .map((v) => ({ village: v, overdue: Math.max(0, (counts.get(v.id) ?? 0) - (visited.get(v.id)?.either ?? 0)) }))
    .filter((v) => v.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue);
  const items = await overdueIn(overdueVillages, [prev, month], OVERDUE_SHOWN);
  const total = regions.byTown.reduce((s, r) => ({ paired: s.paired + r.paired, visited: s.visited + r.visited }), { paired: 0, visited: 0 });
  const result: Coverage = {
    month,
    ...total,
    ...regions,
    ...helpers,
    overdue: { total: overdueVillages.reduce((s, v) => s + v.overdue, 0), items },
  };
  return { coverage: result, villages, counts };
}
